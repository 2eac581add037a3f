import type { Budget } from "@/lib/disclosure/types";
import type { BudgetStatus } from "@/lib/generated/prisma/enums";
import { budgetToRows, type BudgetRows } from "./budget-mapper";
import { BudgetStoreError } from "./budget-store-error";
import type { DbClient, DbReader } from "./db-client";

export interface SaveBudgetInput {
  budget: Budget;
  /** the version to write (default 1); a new version n > 1 is linked to version n − 1, which it corrects */
  version?: number;
  /** status of a newly created version (default DRAFT); an existing version keeps its status */
  initialStatus?: BudgetStatus;
  /** the lockVersion the caller read; the save fails with STALE_VERSION when the budget moved on */
  expectedLockVersion?: number;
  /**
   * the code book revision a new version is entered under; when omitted, a correction keeps the
   * revision of the version it corrects and a first version takes the year's newest revision
   */
  codeBookRevisionId?: number | null;
}

export interface SavedBudget {
  id: number;
  version: number;
  lockVersion: number;
  status: BudgetStatus;
  /** false when an existing version's content was replaced */
  isNew: boolean;
}

/** Content may change only while the unit holds the budget: before submission, or after it is returned. */
const EDITABLE_STATUSES: readonly BudgetStatus[] = ["DRAFT", "RETURNED"];

/**
 * Writes a whole Budget as one version, in one transaction: upserts its region, department and
 * unit (by code) and its fiscal year, then creates the version or replaces all of its rows.
 */
export function saveBudget(db: DbClient, input: SaveBudgetInput): Promise<SavedBudget> {
  return db.$transaction((tx) => writeBudget(tx, input), { timeout: 15_000 });
}

/** `saveBudget` inside a transaction the caller already holds (seed, factories, later use cases). */
export async function writeBudget(tx: DbReader, input: SaveBudgetInput): Promise<SavedBudget> {
  const { budget } = input;
  const version = input.version ?? 1;
  if (!Number.isSafeInteger(version) || version < 1) {
    throw new BudgetStoreError("INVALID_BUDGET", `version must be an integer ≥ 1, got ${version}`);
  }
  const rows = budgetToRows(budget);
  const unitId = await upsertMasterData(tx, budget, rows);

  const existing = await tx.budget.findUnique({
    where: { unitId_year_version: { unitId, year: budget.year, version } },
    select: { id: true, status: true, lockVersion: true },
  });
  const label = `budget ${budget.unit.code} ${budget.year} v${version}`;

  if (existing === null) {
    if (input.expectedLockVersion !== undefined) {
      throw new BudgetStoreError("STALE_VERSION", `${label} no longer exists`);
    }
    const previousVersionId = version === 1 ? null : await findPreviousVersion(tx, unitId, budget.year, version);
    const codeBookRevisionId =
      input.codeBookRevisionId === undefined ? await defaultRevision(tx, budget.year, previousVersionId) : input.codeBookRevisionId;
    const created = await tx.budget.create({
      data: {
        unitId,
        year: budget.year,
        version,
        status: input.initialStatus ?? "DRAFT",
        previousVersionId,
        codeBookRevisionId,
        ...rows.budget,
      },
      select: { id: true, lockVersion: true, status: true },
    });
    await createContent(tx, created.id, rows);
    return { ...created, version, isNew: true };
  }

  if (!EDITABLE_STATUSES.includes(existing.status)) {
    throw new BudgetStoreError("NOT_EDITABLE", `${label} is ${existing.status}; its content can no longer change`);
  }
  if (input.expectedLockVersion !== undefined && input.expectedLockVersion !== existing.lockVersion) {
    throw new BudgetStoreError(
      "STALE_VERSION",
      `${label} was saved by someone else (lock version ${existing.lockVersion}, expected ${input.expectedLockVersion})`,
    );
  }
  const { count } = await tx.budget.updateMany({
    where: { id: existing.id, lockVersion: existing.lockVersion, status: { in: [...EDITABLE_STATUSES] } },
    data: { ...rows.budget, lockVersion: { increment: 1 } },
  });
  if (count !== 1) throw new BudgetStoreError("STALE_VERSION", `${label} changed while it was being saved`);
  await deleteContent(tx, existing.id);
  await createContent(tx, existing.id, rows);
  return { id: existing.id, version, lockVersion: existing.lockVersion + 1, status: existing.status, isNew: false };
}

/** A correction keeps the revision of the version it corrects; a first version takes the year's newest. */
async function defaultRevision(tx: DbReader, year: number, previousVersionId: number | null): Promise<number | null> {
  if (previousVersionId !== null) {
    const previous = await tx.budget.findUnique({ where: { id: previousVersionId }, select: { codeBookRevisionId: true } });
    if (previous?.codeBookRevisionId != null) return previous.codeBookRevisionId;
  }
  const newest = await tx.codeBookRevision.findFirst({ where: { year }, orderBy: { revision: "desc" }, select: { id: true } });
  return newest?.id ?? null;
}

/**
 * Region, department and unit by code, and the fiscal year: created when missing, names kept
 * current. A region created here is a county without a parent; the seed or an administrator
 * places it in its province and city.
 */
async function upsertMasterData(tx: DbReader, budget: Budget, rows: BudgetRows): Promise<number> {
  const region = await tx.region.upsert({
    where: { code: budget.region.code },
    create: { code: budget.region.code, name: budget.region.name, level: "COUNTY" },
    update: { name: budget.region.name },
    select: { id: true },
  });
  const department = await tx.department.upsert({
    where: { regionId_code: { regionId: region.id, code: budget.department.code } },
    create: { regionId: region.id, code: budget.department.code, name: budget.department.name },
    update: { name: budget.department.name },
    select: { id: true },
  });
  const { code, ...profile } = rows.unit;
  const unit = await tx.unit.upsert({
    where: { regionId_code: { regionId: region.id, code } },
    create: { regionId: region.id, departmentId: department.id, code, ...profile },
    update: { departmentId: department.id, ...profile },
    select: { id: true },
  });
  await tx.fiscalYear.createMany({ data: [{ year: budget.year }], skipDuplicates: true });
  return unit.id;
}

async function findPreviousVersion(tx: DbReader, unitId: number, year: number, version: number): Promise<number> {
  const previous = await tx.budget.findUnique({
    where: { unitId_year_version: { unitId, year, version: version - 1 } },
    select: { id: true },
  });
  if (previous === null) {
    throw new BudgetStoreError("INVALID_BUDGET", `version ${version} needs version ${version - 1}, which does not exist`);
  }
  return previous.id;
}

async function deleteContent(tx: DbReader, budgetId: number): Promise<void> {
  const where = { budgetId };
  await tx.budgetNarrative.deleteMany({ where });
  await tx.budgetPriorYear.deleteMany({ where });
  await tx.incomeLine.deleteMany({ where });
  await tx.expenditureLine.deleteMany({ where });
  await tx.basicEconomicLine.deleteMany({ where });
  // performance indicators go with their project (ON DELETE CASCADE)
  await tx.project.deleteMany({ where });
  await tx.threePublicLine.deleteMany({ where });
  await tx.procurementRow.deleteMany({ where });
  await tx.assetHolding.deleteMany({ where });
  await tx.glossaryEntry.deleteMany({ where });
}

/** Inserts every row of a budget's content: one statement per table, whatever the row count. */
async function createContent(tx: DbReader, budgetId: number, rows: BudgetRows): Promise<void> {
  const withBudget = <T extends object>(items: T[]) => items.map((item) => ({ ...item, budgetId }));

  await tx.budgetNarrative.create({ data: { ...rows.narrative, budgetId } });
  if (rows.priorYear !== null) await tx.budgetPriorYear.create({ data: { ...rows.priorYear, budgetId } });
  if (rows.incomeLines.length > 0) await tx.incomeLine.createMany({ data: withBudget(rows.incomeLines) });
  if (rows.expenditureLines.length > 0) {
    await tx.expenditureLine.createMany({ data: withBudget(rows.expenditureLines) });
  }
  if (rows.basicEconomicLines.length > 0) {
    await tx.basicEconomicLine.createMany({ data: withBudget(rows.basicEconomicLines) });
  }
  if (rows.projects.length > 0) {
    const projects = await tx.project.createManyAndReturn({
      data: withBudget(rows.projects.map((p) => p.project)),
      select: { id: true, sortOrder: true },
    });
    const projectIds = new Map(projects.map((p) => [p.sortOrder, p.id]));
    const indicators = rows.projects.flatMap((p) => {
      const projectId = projectIds.get(p.project.sortOrder);
      if (projectId === undefined) throw new Error(`project ${p.project.sortOrder} was not created`);
      return p.indicators.map((indicator) => ({ ...indicator, projectId }));
    });
    if (indicators.length > 0) await tx.performanceIndicator.createMany({ data: indicators });
  }
  if (rows.threePublicLines.length > 0) {
    await tx.threePublicLine.createMany({ data: withBudget(rows.threePublicLines) });
  }
  if (rows.procurementRows.length > 0) await tx.procurementRow.createMany({ data: withBudget(rows.procurementRows) });
  if (rows.assetHoldings.length > 0) await tx.assetHolding.createMany({ data: withBudget(rows.assetHoldings) });
  if (rows.glossaryEntries.length > 0) await tx.glossaryEntry.createMany({ data: withBudget(rows.glossaryEntries) });
}
