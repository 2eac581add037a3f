import { AppError } from "@/lib/app-error";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import { isAccountantOf, type Viewer } from "@/lib/auth/policies";
import { deriveTables } from "@/lib/disclosure/derive-tables";
import { narrativeFigures } from "@/lib/disclosure/narrative";
import type { Budget, CodeBook } from "@/lib/disclosure/types";
import type { BudgetStatus } from "@/lib/generated/prisma/enums";
import { linesToRecode, type LineToRecode } from "@/lib/codebooks/lines-to-recode";
import { auditingRefusals } from "./budget-access";
import type { DbClient, DbReader } from "./db-client";
import { loadBudget, loadCodeBook } from "./queries";
import { writeBudget } from "./save-budget";

export interface CreateDraftFromPriorYearInput {
  unitCode: string;
  year: number;
  /** the client's address as the edge resolved it, for the audit log */
  clientAddress?: string | null;
}

export interface CreatedDraft {
  budgetId: number;
  lockVersion: number;
  /** the prior-year version it was copied from */
  priorBudgetId: number;
  /** codes of the copied lines missing from this year's code book: the accountant must replace them */
  unknownCodes: string[];
  /** the copied lines whose code this year's book removed or renamed, each with its Chinese message */
  linesToRecode: LineToRecode[];
}

/** Only a budget the finance bureau has approved is a sound starting point for next year. */
const APPROVED_STATUSES: readonly BudgetStatus[] = ["APPROVED", "SIGNED_OFF", "PUBLISHED"];

/**
 * Starts a unit's budget for `year` as a copy of its latest approved or published budget of the
 * year before: the same lines and projects, each project's prior-year amount set to last year's
 * amount, and the prior-year figures set to last year's derived totals. Every line is carried;
 * those whose code the year's book removed or renamed are listed for the accountant to re-code.
 * Only the unit's accountant, once the region's finance bureau has opened the year (the draft is
 * entered under the code book revision it chose); refused when the year already has a budget or
 * there is no approved prior-year budget.
 */
export function createDraftFromPriorYear(
  db: DbClient,
  viewer: Viewer | null,
  request: CreateDraftFromPriorYearInput,
): Promise<CreatedDraft> {
  const details = { unitCode: request.unitCode, year: request.year };
  return auditingRefusals(
    db,
    viewer,
    { action: "budget.create", details, clientAddress: request.clientAddress ?? null },
    () => db.$transaction((tx) => createInTransaction(tx, viewer, request), { timeout: 15_000 }),
  );
}

async function createInTransaction(tx: DbReader, viewer: Viewer | null, request: CreateDraftFromPriorYearInput): Promise<CreatedDraft> {
  if (viewer === null) throw new AppError("UNAUTHENTICATED", "请先登录。");
  // A unit code may exist in several regions: the viewer's own unit is the one meant.
  const units = await tx.unit.findMany({ where: { code: request.unitCode }, select: { id: true, regionId: true, deactivatedAt: true } });
  const unit = units.find((candidate) => isAccountantOf(viewer, candidate.id));
  if (unit === undefined) throw new AppError("FORBIDDEN", "只有本单位的会计可以录入和报送预算。");
  if (unit.deactivatedAt !== null) throw new AppError("CONFLICT", "本单位已停用，不能创建新的预算。如需恢复，请联系系统管理员启用本单位。");

  const existing = await tx.budget.findFirst({ where: { unitId: unit.id, year: request.year }, select: { id: true } });
  if (existing !== null) throw new AppError("CONFLICT", `${request.year}年的预算已经存在，不能再次创建。`);

  const budgetYear = await requireOpenYear(tx, unit.regionId, request.year);
  const codeBook = await loadCodeBook(tx, request.year, budgetYear.codeBookRevisionId);
  const prior = await findApprovedPrior(tx, unit.id, request);
  const budget = nextYearDraft(prior.budget, prior.codeBook, request.year);

  const saved = await writeBudget(tx, { budget, version: 1, initialStatus: "DRAFT", codeBookRevisionId: budgetYear.codeBookRevisionId });
  await tx.budgetEvent.create({
    data: { budgetId: saved.id, action: "CREATE", fromStatus: null, toStatus: "DRAFT", actorId: viewer.userId },
  });
  await writeAuditEvent(tx, {
    action: "budget.create",
    result: "SUCCESS",
    userId: viewer.userId,
    objectType: "budget",
    objectId: String(saved.id),
    clientAddress: request.clientAddress ?? null,
    details: { unitCode: request.unitCode, year: request.year, priorBudgetId: prior.id, priorVersion: prior.version },
  });
  return {
    budgetId: saved.id,
    lockVersion: saved.lockVersion,
    priorBudgetId: prior.id,
    unknownCodes: unknownCodes(budget, codeBook),
    linesToRecode: linesToRecode(budget, prior.codeBook, codeBook),
  };
}

/** A unit starts a year's budget only once its region's finance bureau has opened the year with a code book. */
export async function requireOpenYear(tx: DbReader, regionId: number, year: number): Promise<{ codeBookRevisionId: number }> {
  const open = await tx.budgetYear.findUnique({ where: { regionId_year: { regionId, year } }, select: { codeBookRevisionId: true } });
  if (open === null) throw new AppError("CONFLICT", `财政部门尚未开放${year}年预算（选定科目表和报送截止日期），暂时不能创建。`);
  return open;
}

async function findApprovedPrior(
  tx: DbReader,
  unitId: number,
  request: CreateDraftFromPriorYearInput,
): Promise<{ id: number; version: number; budget: Budget; codeBook: CodeBook }> {
  const row = await tx.budget.findFirst({
    where: { unitId, year: request.year - 1, status: { in: [...APPROVED_STATUSES] } },
    orderBy: { version: "desc" },
    select: { id: true, version: true },
  });
  const loaded =
    row === null ? null : await loadBudget(tx, { unitCode: request.unitCode, year: request.year - 1, version: row.version });
  if (row === null || loaded === null || loaded.meta.id !== row.id) {
    throw new AppError("NOT_FOUND", `没有已批复或已公开的${request.year - 1}年预算可以沿用，请直接录入。`);
  }
  return { id: row.id, version: row.version, budget: loaded.budget, codeBook: loaded.codeBook };
}

/** Last year's budget carried into `year`: same content, last year's amounts as the comparison base. */
export function nextYearDraft(prior: Budget, priorCodeBook: CodeBook, year: number): Budget {
  const figures = narrativeFigures(prior, deriveTables(prior, priorCodeBook));
  const copy = structuredClone(prior);
  return {
    ...copy,
    year,
    projects: copy.projects.map((project) => ({ ...project, priorYearAmount: project.amount, changeReason: "" })),
    assets: { ...copy.assets, asOf: `${year - 1}-12-31` },
    priorYear: {
      year: year - 1,
      total: figures.expenditureTotal,
      basic: figures.basic,
      project: figures.project,
      threePublic: figures.threePublic.total,
    },
    // The reasons explained last year's changes; this year's must be written anew.
    narrative: { ...copy.narrative, basicChangeReason: "", projectChangeReason: "", totalChangeReason: "", threePublicChangeReason: "" },
  };
}

function unknownCodes(budget: Budget, codeBook: CodeBook): string[] {
  const functional = new Set(codeBook.functional.map((c) => c.code));
  const economic = new Set(codeBook.economic.map((c) => c.code));
  const missing = [
    ...budget.expenditure.map((l) => l.functionalCode).filter((c) => !functional.has(c)),
    ...budget.projects.map((p) => p.functionalCode).filter((c) => !functional.has(c)),
    ...budget.basicEconomic.map((l) => l.economicCode).filter((c) => !economic.has(c)),
  ];
  return [...new Set(missing)];
}
