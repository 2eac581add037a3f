import { AppError } from "@/lib/app-error";
import { loadBudgetHistory, type BudgetHistoryEntry } from "@/lib/audit/budget-history";
import { canCommentOnBudget, canResolveReviewComment, SUBMITTED_OR_LATER_STATUSES, type BudgetScope, type Viewer } from "@/lib/auth/policies";
import { budgetFromRecord, budgetSelect, metaFromRecord, type BudgetMeta, type BudgetRecord } from "@/lib/budgets/budget-mapper";
import { NOT_FOUND_MESSAGE } from "@/lib/budgets/budget-access";
import type { DbReader } from "@/lib/budgets/db-client";
import { findingKey } from "@/lib/budgets/finding-key";
import { loadCodeBook } from "@/lib/budgets/queries";
import { checkDisclosure, FORM_SECTION_LABELS, formSectionOf } from "@/lib/disclosure/check";
import { deriveTables } from "@/lib/disclosure/derive-tables";
import { TABLE_IDS, type DerivedTables, type TableId } from "@/lib/disclosure/table-model";
import type { Budget, CodeBook } from "@/lib/disclosure/types";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { BudgetStatus } from "@/lib/generated/prisma/enums";
import { buildSnapshotContent, type SnapshotContent } from "@/lib/publication/snapshot-content";
import { changeLabeler } from "./change-labels";
import { compareWithPriorYear, comparedFigure, type ComparedFigure, type PriorYearComparison } from "./comparison";
import { availableSteps, type WorkflowStep } from "@/lib/workflow/state-machine";
import { canOpenReview } from "./review-access";
import { loadPublishedChanges, type PublishedChanges } from "./published-changes";
import { signOffSheetPath, type SignOffSheetInfo } from "./sign-off-sheet-path";
import { describeChanges, type SubmissionChange } from "./submission-changes";

// ---------------------------------------------------------------------------
// The reviewer's queue
// ---------------------------------------------------------------------------

/** Statuses a reviewer can filter the queue by; drafts are the unit's own business and never listed. */
export const QUEUE_STATUSES = SUBMITTED_OR_LATER_STATUSES;
export type QueueStatus = (typeof QUEUE_STATUSES)[number];

/** "WAITING": what waits for this viewer's decision (the default); "ALL": every submitted budget in scope. */
export type QueueStatusFilter = QueueStatus | "WAITING" | "ALL";

export interface ReviewQueueFilter {
  status?: QueueStatusFilter;
  departmentId?: number;
}

export interface ReviewQueueItem {
  budgetId: number;
  unitCode: string;
  unitName: string;
  department: { id: number; code: string; name: string };
  year: number;
  version: number;
  status: BudgetStatus;
  submittedAt: Date | null;
  /** 支出合计 (table 3) */
  total: ComparedFigure;
  /** warnings the accountant explained when submitting */
  warningCount: number;
}

export interface QueueDepartment {
  id: number;
  code: string;
  name: string;
}

interface ReviewerScope {
  financeRegionIds: number[];
  departmentIds: number[];
  ownUnitIds: number[];
}

function reviewerScope(viewer: Viewer): ReviewerScope {
  const ids = (role: string, pick: (grant: Viewer["roles"][number]) => number | undefined) =>
    viewer.roles.filter((grant) => grant.role === role).map(pick).filter((id): id is number => id !== undefined);
  return {
    financeRegionIds: ids("FINANCE_REVIEWER", (g) => g.regionId),
    departmentIds: ids("DEPARTMENT_REVIEWER", (g) => g.departmentId),
    ownUnitIds: ids("ACCOUNTANT", (g) => g.unitId),
  };
}

/** The budgets in the viewer's review scope with the given status filter, as a Prisma where. */
function queueWhere(scope: ReviewerScope, status: QueueStatusFilter): Prisma.BudgetWhereInput[] {
  const inRegion: Prisma.BudgetWhereInput = { unit: { regionId: { in: scope.financeRegionIds } } };
  const inDepartment: Prisma.BudgetWhereInput = { unit: { departmentId: { in: scope.departmentIds } } };
  if (status === "WAITING") {
    return [
      { ...inRegion, status: "FINANCE_REVIEW" },
      { unit: { regionId: { in: scope.financeRegionIds }, department: { hasDepartmentReview: false } }, status: "SUBMITTED" },
      {
        unit: { departmentId: { in: scope.departmentIds }, department: { hasDepartmentReview: true } },
        status: { in: ["SUBMITTED", "DEPARTMENT_REVIEW"] },
      },
    ];
  }
  const statuses: BudgetStatus[] = status === "ALL" ? [...QUEUE_STATUSES] : [status];
  return [
    { ...inRegion, status: { in: statuses } },
    { ...inDepartment, status: { in: statuses } },
  ];
}

/**
 * The reviewer's queue: budgets of their region (finance) or department (department review)
 * that wait for them, or, with a status filter, every submitted budget of that status in their
 * scope; never drafts, never their own unit's. Oldest submission first. One query: totals come
 * from the stored lines, the warning count from the submission's explanations.
 */
export async function listReviewQueue(db: DbReader, viewer: Viewer, filter: ReviewQueueFilter = {}): Promise<ReviewQueueItem[]> {
  const scope = reviewerScope(viewer);
  if (scope.financeRegionIds.length === 0 && scope.departmentIds.length === 0) return [];
  const rows = await db.budget.findMany({
    where: {
      OR: queueWhere(scope, filter.status ?? "WAITING"),
      unitId: { notIn: scope.ownUnitIds },
      ...(filter.departmentId === undefined ? {} : { unit: { departmentId: filter.departmentId } }),
    },
    select: {
      id: true,
      year: true,
      version: true,
      status: true,
      submittedAt: true,
      unit: { select: { code: true, name: true, department: { select: { id: true, code: true, name: true } } } },
      expenditureLines: { select: { amountFen: true } },
      priorYear: { select: { totalFen: true } },
      events: { where: { action: "SUBMIT" }, orderBy: [{ at: "desc" }, { id: "desc" }], take: 1, select: { comment: true } },
    },
    orderBy: [{ submittedAt: { sort: "asc", nulls: "last" } }, { id: "asc" }],
  });
  return rows.map((row) => {
    const total = row.expenditureLines.reduce((sum, line) => sum + Number(line.amountFen), 0);
    const prior = row.priorYear === null ? null : Number(row.priorYear.totalFen);
    return {
      budgetId: row.id,
      unitCode: row.unit.code,
      unitName: row.unit.name,
      department: row.unit.department,
      year: row.year,
      version: row.version,
      status: row.status,
      submittedAt: row.submittedAt,
      total: comparedFigure("total", "支出合计", total, prior),
      warningCount: parseExplanations(row.events[0]?.comment ?? null).size,
    };
  });
}

/** The departments a reviewer can filter the queue by: those of their regions and their own. */
export async function listQueueDepartments(db: DbReader, viewer: Viewer): Promise<QueueDepartment[]> {
  const scope = reviewerScope(viewer);
  if (scope.financeRegionIds.length === 0 && scope.departmentIds.length === 0) return [];
  return db.department.findMany({
    where: { OR: [{ regionId: { in: scope.financeRegionIds } }, { id: { in: scope.departmentIds } }] },
    select: { id: true, code: true, name: true },
    orderBy: [{ code: "asc" }, { id: "asc" }],
  });
}

// ---------------------------------------------------------------------------
// Explanations, history, comments
// ---------------------------------------------------------------------------

/**
 * The explanations a SUBMIT event's comment carries, one `findingKey：text` line per warning
 * (lib/budgets/submit-budget.ts); a line without a key continues the previous explanation.
 */
export function parseExplanations(comment: string | null): Map<string, string> {
  const explanations = new Map<string, string>();
  let lastKey: string | null = null;
  for (const line of (comment ?? "").split("\n")) {
    const match = /^([A-Z]+\d+(?:\|[^：\n]*)?)：(.*)$/.exec(line);
    if (match?.[1] !== undefined) {
      lastKey = match[1];
      explanations.set(lastKey, match[2] ?? "");
    } else if (lastKey !== null && line !== "") {
      explanations.set(lastKey, `${explanations.get(lastKey) ?? ""}\n${line}`);
    }
  }
  return explanations;
}

export interface CommentView {
  id: number;
  anchorTable: number | null;
  anchorRow: string | null;
  anchorSection: string | null;
  body: string;
  authorName: string;
  createdAt: Date;
  resolvedAt: Date | null;
  resolvedByName: string | null;
  parentId: number | null;
}

/** A budget version's review comments, oldest first, with their authors. */
export async function loadReviewComments(db: DbReader, budgetId: number): Promise<CommentView[]> {
  const rows = await db.reviewComment.findMany({
    where: { budgetId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      anchorTable: true,
      anchorRow: true,
      anchorSection: true,
      body: true,
      createdAt: true,
      resolvedAt: true,
      parentId: true,
      author: { select: { name: true } },
      resolvedBy: { select: { name: true } },
    },
  });
  return rows.map(({ author, resolvedBy, ...row }) => ({ ...row, authorName: author.name, resolvedByName: resolvedBy?.name ?? null }));
}

// ---------------------------------------------------------------------------
// One budget version, by id
// ---------------------------------------------------------------------------

export interface BudgetHeader {
  id: number;
  unitId: number;
  unitCode: string;
  unitName: string;
  departmentName: string;
  regionName: string;
  year: number;
  version: number;
  status: BudgetStatus;
  hasDepartmentReview: boolean;
  /** no later version (a correction) exists */
  isNewestVersion: boolean;
  scope: BudgetScope;
}

/** What the header reads, beside the budget's content (`budgetSelect` has the unit's code and name). */
const headerSelect = {
  id: true,
  unitId: true,
  year: true,
  version: true,
  status: true,
  nextVersion: { select: { id: true } },
  unit: {
    select: {
      code: true,
      name: true,
      regionId: true,
      departmentId: true,
      region: { select: { name: true } },
      department: { select: { name: true, hasDepartmentReview: true } },
    },
  },
} satisfies Prisma.BudgetSelect;

function headerFrom(row: Prisma.BudgetGetPayload<{ select: typeof headerSelect }>): BudgetHeader {
  return {
    id: row.id,
    unitId: row.unitId,
    unitCode: row.unit.code,
    unitName: row.unit.name,
    departmentName: row.unit.department.name,
    regionName: row.unit.region.name,
    year: row.year,
    version: row.version,
    status: row.status,
    hasDepartmentReview: row.unit.department.hasDepartmentReview,
    isNewestVersion: row.nextVersion === null,
    scope: { unitId: row.unitId, departmentId: row.unit.departmentId, regionId: row.unit.regionId, status: row.status },
  };
}

/** Where a budget version sits, for authorization and headings; null when it does not exist. */
export async function loadBudgetHeader(db: DbReader, budgetId: number): Promise<BudgetHeader | null> {
  const row = await db.budget.findUnique({ where: { id: budgetId }, select: headerSelect });
  return row === null ? null : headerFrom(row);
}

/** The header and the whole budget in one statement (budgetSelect and headerSelect merged). */
const reviewedBudgetSelect = {
  ...budgetSelect,
  nextVersion: headerSelect.nextVersion,
  unit: {
    select: {
      ...budgetSelect.unit.select,
      ...headerSelect.unit.select,
      department: { select: { ...budgetSelect.unit.select.department.select, ...headerSelect.unit.select.department.select } },
      region: { select: { ...budgetSelect.unit.select.region.select, ...headerSelect.unit.select.region.select } },
    },
  },
} satisfies Prisma.BudgetSelect;

interface LoadedById {
  budget: Budget;
  codeBook: CodeBook;
  meta: BudgetMeta;
  tables: DerivedTables;
}

async function loadedFrom(db: DbReader, record: BudgetRecord): Promise<LoadedById> {
  const budget = budgetFromRecord(record);
  const codeBook = await loadCodeBook(db, record.year, record.codeBookRevisionId);
  return { budget, codeBook, meta: metaFromRecord(record), tables: deriveTables(budget, codeBook) };
}

/** Last year's approved (or signed-off, or published) budget of the same unit, newest version: one statement and its code book. */
async function loadPriorYearBudget(db: DbReader, unitId: number, year: number): Promise<(LoadedById & { version: number }) | null> {
  const record = await db.budget.findFirst({
    where: { unitId, year: year - 1, status: { in: ["APPROVED", "SIGNED_OFF", "PUBLISHED"] } },
    orderBy: { version: "desc" },
    select: budgetSelect,
  });
  if (record === null) return null;
  return { ...(await loadedFrom(db, record)), version: record.version };
}

export interface ChangesSinceSubmission {
  /** the previous submission; null when this is the first */
  previousSubmittedAt: Date | null;
  latestSubmittedAt: Date | null;
  /** the latest submission's comment (the explanations of warnings), read with it */
  latestSubmitComment: string | null;
  changes: SubmissionChange[];
}

/**
 * What the accountant changed between the previous submission and the latest one, one entry per
 * field (first old value, last new value), with readable labels.
 */
export async function loadChangesSinceSubmission(
  db: DbReader,
  budgetId: number,
  labelWith: { budget: Budget; codeBook: CodeBook },
): Promise<ChangesSinceSubmission> {
  const submissions = await db.budgetEvent.findMany({
    where: { budgetId, action: "SUBMIT" },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take: 2,
    select: { at: true, comment: true },
  });
  const [latest, previous] = submissions;
  const latestSubmitComment = latest?.comment ?? null;
  if (latest === undefined || previous === undefined) {
    return { previousSubmittedAt: null, latestSubmittedAt: latest?.at ?? null, latestSubmitComment, changes: [] };
  }
  const rows = await db.budgetChange.findMany({
    where: { budgetId, at: { gt: previous.at, lte: latest.at } },
    orderBy: [{ at: "asc" }, { id: "asc" }],
    select: { path: true, oldValue: true, newValue: true },
  });
  return {
    previousSubmittedAt: previous.at,
    latestSubmittedAt: latest.at,
    latestSubmitComment,
    changes: describeChanges(rows, changeLabeler(labelWith.budget, labelWith.codeBook)),
  };
}

export type { PublishedChanges } from "./published-changes";

export interface ReviewedFinding {
  key: string;
  severity: "error" | "warning";
  sectionLabel: string;
  message: string;
  /** what the accountant wrote when submitting; null when not explained */
  explanation: string | null;
}

/** The rows of a table a comment can point to: its row key and a readable name. */
export interface AnchorRow {
  key: string;
  label: string;
}

export interface ReviewScreen {
  header: BudgetHeader;
  meta: BudgetMeta;
  content: SnapshotContent;
  findings: ReviewedFinding[];
  comparison: PriorYearComparison;
  changes: ChangesSinceSubmission;
  /** a correction: its figures against the published version it corrects; null for a first version */
  publishedChanges: PublishedChanges | null;
  /** the signed paper 审签单, once the accountant uploaded one (signed-off and published versions only) */
  signOffSheet: SignOffSheetInfo | null;
  comments: CommentView[];
  /** 预算历史: workflow steps and audited actions (lib/audit/budget-history.ts) */
  history: BudgetHistoryEntry[];
  anchorRows: Record<TableId, AnchorRow[]>;
  /** the workflow steps this viewer may take now (the buttons to show) */
  steps: WorkflowStep[];
  canComment: boolean;
  canResolve: boolean;
}

/** Readable names of each derived table's rows, for row-level comments. */
export function anchorRowsOf(tables: DerivedTables): Record<TableId, AnchorRow[]> {
  const entries = TABLE_IDS.map((id) => {
    const table = tables[id];
    const rows = table.rows.map((row) => {
      const texts = row.cells.filter((cell, i): cell is string => typeof cell === "string" && cell !== "" && table.columns[i]?.kind !== "seq");
      return { key: row.key, label: texts.join(" ") || row.key };
    });
    return [table.id, rows] as const;
  });
  return Object.fromEntries(entries) as Record<TableId, AnchorRow[]>;
}

function reviewedFindings(budget: Budget, codeBook: CodeBook, explanations: Map<string, string>): ReviewedFinding[] {
  return checkDisclosure({ budget, codeBook }).map((finding) => {
    const key = findingKey(finding);
    return {
      key,
      severity: finding.severity,
      sectionLabel: FORM_SECTION_LABELS[formSectionOf(finding)],
      message: finding.message,
      explanation: explanations.get(key) ?? null,
    };
  });
}

/**
 * The statements one review screen issues when the accountant has submitted twice (one fewer on
 * the first submission): the budget with its header, its code book, last year's budget and its
 * code book, the history (budget events, audit events, their users), the comments, the
 * submissions and the changes between the last two. None grows with the rows. A correction
 * (version > 1) adds one for the published version it corrects, and a signed-off or published
 * version one for its paper 审签单.
 */
export const REVIEW_SCREEN_STATEMENTS = 10;

/**
 * Everything the review screen shows, for a viewer who may review the budget; NOT_FOUND for
 * everyone else, exactly as for a budget that does not exist.
 */
export async function loadReviewScreen(db: DbReader, viewer: Viewer | null, budgetId: number): Promise<ReviewScreen> {
  const record = await db.budget.findUnique({ where: { id: budgetId }, select: reviewedBudgetSelect });
  const header = record === null ? null : headerFrom(record);
  if (record === null || header === null || !canOpenReview(viewer, header.scope)) throw new AppError("NOT_FOUND", NOT_FOUND_MESSAGE);
  const [loaded, prior, history, comments] = await Promise.all([
    loadedFrom(db, record),
    loadPriorYearBudget(db, header.unitId, header.year),
    loadBudgetHistory(viewer, budgetId, db),
    loadReviewComments(db, budgetId),
  ]);
  const [changes, publishedChanges, sheet] = await Promise.all([
    loadChangesSinceSubmission(db, budgetId, loaded),
    loadPublishedChanges(db, header, loaded.tables),
    // Only signed-off versions can have one: budgets under review cost no statement for it.
    header.status === "SIGNED_OFF" || header.status === "PUBLISHED"
      ? db.signOffSheet.findUnique({ where: { budgetId }, select: { fileName: true, byteSize: true, sha256: true } })
      : Promise.resolve(null),
  ]);
  const submitComment = changes.latestSubmitComment;
  const content = buildSnapshotContent(loaded.budget, loaded.codeBook, {
    version: loaded.meta.version,
    publishedAt: (loaded.meta.publishedAt ?? new Date()).toISOString(),
    approvedAt: loaded.meta.approvedAt?.toISOString().slice(0, 10) ?? null,
    correctionNote: loaded.meta.correctionNote,
  });
  return {
    header,
    meta: loaded.meta,
    content,
    findings: reviewedFindings(loaded.budget, loaded.codeBook, parseExplanations(submitComment)),
    comparison: compareWithPriorYear(loaded, prior),
    changes,
    publishedChanges,
    signOffSheet: sheet === null ? null : { ...sheet, path: signOffSheetPath(budgetId) },
    comments,
    history,
    anchorRows: anchorRowsOf(loaded.tables),
    steps: availableSteps(viewer, {
      ...header.scope,
      hasDepartmentReview: header.hasDepartmentReview,
      secrecyReviewed: loaded.meta.secrecyReviewedAt !== null,
      // Reviewers take no secrecy-review step, so who is barred from it changes none of their buttons.
      secrecyReviewBarredUserId: null,
      isNewestVersion: header.isNewestVersion,
    }),
    canComment: canCommentOnBudget(viewer, header.scope),
    canResolve: canResolveReviewComment(viewer, header.scope),
  };
}
