import { AppError } from "@/lib/app-error";
import { isAccountantOf, isUnitHeadOf, type Viewer } from "@/lib/auth/policies";
import { NOT_FOUND_MESSAGE } from "@/lib/budgets/budget-access";
import type { DbClient, DbReader } from "@/lib/budgets/db-client";
import { loadCodeBook } from "@/lib/budgets/queries";
import { budgetFromRecord, budgetSelect } from "@/lib/budgets/budget-mapper";
import { deriveTables } from "@/lib/disclosure/derive-tables";
import type { Budget, CodeBook } from "@/lib/disclosure/types";
import type { BudgetStatus } from "@/lib/generated/prisma/enums";
import { latestPath, versionPath } from "@/lib/publication/document-paths";
import type { DocumentRenderers } from "@/lib/publication/publish-budget";
import { availableSteps, type WorkflowStep } from "@/lib/workflow/state-machine";
import { openCorrection, type OpenCorrectionInput } from "@/lib/workflow/open-correction";
import { publishUnitBudget } from "@/lib/workflow/publish-unit-budget";
import { recordPaperSignOff, type RecordPaperSignOffInput } from "@/lib/workflow/record-paper-sign-off";
import { recordSecrecyReview, type RecordSecrecyReviewInput } from "@/lib/workflow/record-secrecy-review";
import { loadSecrecyReviewBar } from "@/lib/workflow/secrecy-review-bar";
import { signOffBudget } from "@/lib/workflow/sign-off-budget";
import { withdrawBudget } from "@/lib/workflow/withdraw-budget";
import type { WorkflowRequest } from "@/lib/workflow/workflow-access";
import type { AnchorContext } from "./anchors";
import { signOffSheetPath, type SignOffSheetInfo } from "./sign-off-sheet-path";
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
  secrecyReview: (RecordedStep & { statement: string | null }) | null;
  /** `sheet`: the signed paper 审签单 the accountant uploaded; null when the head signed with their account */
  signOff: (RecordedStep & { signerName: string; sheet: SignOffSheetInfo | null }) | null;
  /** the secrecy review may not be recorded by this viewer (they submitted it and the unit has another account) */
  isSecrecyReviewBarred: boolean;
  /** the public pages once published: this version's and the newest's */
  published: { versionPath: string; latestPath: string; at: Date } | null;
  correctionNote: string | null;
  /** a later version (a correction) exists */
  isNewestVersion: boolean;
}

/**
 * The unit's side of review and publication for its accountants and its head: the reviewers'
 * comments, the secrecy review and sign-off as recorded, the public link, and the steps the
 * state machine allows now. NOT_FOUND for anyone else (and for the head before submission).
 */
export async function loadUnitWorkflow(db: DbReader, viewer: Viewer | null, budgetId: number): Promise<UnitWorkflow> {
  return (await loadUnitWorkflowWithBudget(db, viewer, budgetId)).workflow;
}

/** The workflow and the budget it is about (the head's sign-off page shows the document too). */
export async function loadUnitWorkflowWithBudget(
  db: DbReader,
  viewer: Viewer | null,
  budgetId: number,
): Promise<{ workflow: UnitWorkflow; budget: Budget; codeBook: CodeBook }> {
  const header = await loadBudgetHeader(db, budgetId);
  const isHead = header !== null && header.status !== "DRAFT" && isUnitHeadOf(viewer, header.unitId);
  if (header === null || !(isAccountantOf(viewer, header.unitId) || isHead)) throw new AppError("NOT_FOUND", NOT_FOUND_MESSAGE);
  const [record, comments, people, barredUserId] = await Promise.all([
    db.budget.findUniqueOrThrow({ where: { id: budgetId }, select: budgetSelect }),
    loadReviewComments(db, budgetId),
    db.budget.findUniqueOrThrow({
      where: { id: budgetId },
      select: {
        headSignerName: true,
        secrecyStatement: true,
        secrecyReviewedBy: { select: { name: true } },
        headSignedBy: { select: { name: true } },
        signOffSheet: { select: { fileName: true, byteSize: true, sha256: true } },
      },
    }),
    header.status === "APPROVED" ? loadSecrecyReviewBar(db, budgetId, header.unitId) : Promise.resolve(null),
  ]);
  const budget = budgetFromRecord(record);
  const codeBook = await loadCodeBook(db, header.year, record.codeBookRevisionId);
  const tables = deriveTables(budget, codeBook);
  const key = { year: header.year, unitCode: header.unitCode };
  const workflow: UnitWorkflow = {
    budgetId,
    year: header.year,
    version: header.version,
    status: header.status,
    steps: availableSteps(viewer, {
      ...header.scope,
      hasDepartmentReview: header.hasDepartmentReview,
      secrecyReviewed: record.secrecyReviewedAt !== null,
      secrecyReviewBarredUserId: barredUserId,
      isNewestVersion: header.isNewestVersion,
    }),
    comments,
    anchors: { tables, rows: anchorRowsOf(tables) },
    approvedAt: record.approvedAt,
    secrecyReview:
      record.secrecyReviewedAt === null
        ? null
        : { at: record.secrecyReviewedAt, byName: people.secrecyReviewedBy?.name ?? null, statement: people.secrecyStatement },
    signOff:
      record.headSignedAt === null
        ? null
        : {
            at: record.headSignedAt,
            byName: people.headSignedBy?.name ?? null,
            signerName: people.headSignerName ?? "",
            sheet: people.signOffSheet === null ? null : { ...people.signOffSheet, path: signOffSheetPath(budgetId) },
          },
    isSecrecyReviewBarred: barredUserId !== null && barredUserId === viewer?.userId,
    published:
      header.status === "PUBLISHED" && record.publishedAt !== null
        ? { versionPath: versionPath(key, header.version), latestPath: latestPath(key), at: record.publishedAt }
        : null,
    correctionNote: record.correctionNote,
    isNewestVersion: header.isNewestVersion,
  };
  return { workflow, budget, codeBook };
}

/** The unit's steps on the given database (the server actions use the application's). */
export function unitCommands(db: DbClient, renderers: DocumentRenderers) {
  return {
    withdraw: (viewer: Viewer | null, input: WorkflowRequest) => withdrawBudget(db, viewer, input),
    recordSecrecyReview: (viewer: Viewer | null, input: RecordSecrecyReviewInput) => recordSecrecyReview(db, viewer, input),
    signOff: (viewer: Viewer | null, input: WorkflowRequest) => signOffBudget(db, viewer, input),
    recordPaperSignOff: (viewer: Viewer | null, input: RecordPaperSignOffInput) => recordPaperSignOff(db, viewer, input),
    publish: (viewer: Viewer | null, input: WorkflowRequest) => publishUnitBudget(db, viewer, input, renderers),
    openCorrection: (viewer: Viewer | null, input: OpenCorrectionInput) => openCorrection(db, viewer, input),
  };
}
