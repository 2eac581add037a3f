import { AppError } from "@/lib/app-error";
import { isAccountantOf, type Viewer } from "@/lib/auth/policies";
import { NOT_FOUND_MESSAGE } from "@/lib/budgets/budget-access";
import type { DbClient, DbReader } from "@/lib/budgets/db-client";
import { loadCodeBook } from "@/lib/budgets/queries";
import { budgetFromRecord, budgetSelect } from "@/lib/budgets/budget-mapper";
import { deriveTables } from "@/lib/disclosure/derive-tables";
import type { BudgetStatus } from "@/lib/generated/prisma/enums";
import { latestPath, versionPath } from "@/lib/publication/document-paths";
import type { DocumentRenderers } from "@/lib/publication/publish-budget";
import { availableSteps, type WorkflowStep } from "@/lib/workflow/state-machine";
import { openCorrection, type OpenCorrectionInput } from "@/lib/workflow/open-correction";
import { publishUnitBudget } from "@/lib/workflow/publish-unit-budget";
import { recordSecrecyReview } from "@/lib/workflow/record-secrecy-review";
import { signOffBudget, type SignOffBudgetInput } from "@/lib/workflow/sign-off-budget";
import { withdrawBudget } from "@/lib/workflow/withdraw-budget";
import type { WorkflowRequest } from "@/lib/workflow/workflow-access";
import type { AnchorContext } from "./anchors";
import { anchorRowsOf, loadBudgetHeader, loadReviewComments, type CommentView } from "./queries";

/** Who recorded a step and when. */
export interface RecordedStep {
  at: Date;
  byName: string | null;
}

export interface UnitWorkflow {
  budgetId: number;
  year: number;
  version: number;
  status: BudgetStatus;
  steps: WorkflowStep[];
  comments: CommentView[];
  anchors: AnchorContext;
  approvedAt: Date | null;
  secrecyReview: RecordedStep | null;
  signOff: (RecordedStep & { signerName: string }) | null;
  /** the public pages once published: this version's and the newest's */
  published: { versionPath: string; latestPath: string; at: Date } | null;
  correctionNote: string | null;
  /** a later version (a correction) exists */
  isNewestVersion: boolean;
}

/**
 * The unit's side of review and publication for its accountant: the reviewers' comments, the
 * secrecy review and sign-off as recorded, the public link, and the steps the
 * state machine allows now. NOT_FOUND for anyone but the unit's accountants.
 */
export async function loadUnitWorkflow(db: DbReader, viewer: Viewer | null, budgetId: number): Promise<UnitWorkflow> {
  const header = await loadBudgetHeader(db, budgetId);
  if (header === null || !isAccountantOf(viewer, header.unitId)) throw new AppError("NOT_FOUND", NOT_FOUND_MESSAGE);
  const [record, comments, people] = await Promise.all([
    db.budget.findUniqueOrThrow({ where: { id: budgetId }, select: budgetSelect }),
    loadReviewComments(db, budgetId),
    db.budget.findUniqueOrThrow({
      where: { id: budgetId },
      select: {
        headSignerName: true,
        secrecyReviewedBy: { select: { name: true } },
        headSignedBy: { select: { name: true } },
      },
    }),
  ]);
  const budget = budgetFromRecord(record);
  const tables = deriveTables(budget, await loadCodeBook(db, header.year, record.codeBookRevisionId));
  const key = { year: header.year, unitCode: header.unitCode };
  return {
    budgetId,
    year: header.year,
    version: header.version,
    status: header.status,
    steps: availableSteps(viewer, {
      ...header.scope,
      hasDepartmentReview: header.hasDepartmentReview,
      secrecyReviewed: record.secrecyReviewedAt !== null,
      isNewestVersion: header.isNewestVersion,
    }),
    comments,
    anchors: { tables, rows: anchorRowsOf(tables) },
    approvedAt: record.approvedAt,
    secrecyReview: record.secrecyReviewedAt === null ? null : { at: record.secrecyReviewedAt, byName: people.secrecyReviewedBy?.name ?? null },
    signOff:
      record.headSignedAt === null
        ? null
        : { at: record.headSignedAt, byName: people.headSignedBy?.name ?? null, signerName: people.headSignerName ?? "" },
    published:
      header.status === "PUBLISHED" && record.publishedAt !== null
        ? { versionPath: versionPath(key, header.version), latestPath: latestPath(key), at: record.publishedAt }
        : null,
    correctionNote: record.correctionNote,
    isNewestVersion: header.isNewestVersion,
  };
}

/** The unit's steps on the given database (the server actions use the application's). */
export function unitCommands(db: DbClient, renderers: DocumentRenderers) {
  return {
    withdraw: (viewer: Viewer | null, input: WorkflowRequest) => withdrawBudget(db, viewer, input),
    recordSecrecyReview: (viewer: Viewer | null, input: WorkflowRequest) => recordSecrecyReview(db, viewer, input),
    signOff: (viewer: Viewer | null, input: SignOffBudgetInput) => signOffBudget(db, viewer, input),
    publish: (viewer: Viewer | null, input: WorkflowRequest) => publishUnitBudget(db, viewer, input, renderers),
    openCorrection: (viewer: Viewer | null, input: OpenCorrectionInput) => openCorrection(db, viewer, input),
  };
}
