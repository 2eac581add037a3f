import { z } from "zod";
import { AppError } from "@/lib/app-error";
import type { Viewer } from "@/lib/auth/policies";
import { prisma } from "@/lib/db";
import {
  listQueueDepartments,
  listReviewQueue,
  loadReviewScreen,
  QUEUE_STATUSES,
  type QueueDepartment,
  type QueueStatusFilter,
  type ReviewQueueItem,
  type ReviewScreen,
} from "./queries";
import { isReviewer } from "./review-access";
import { loadSignOffSheetFile, type SignOffSheetFile } from "./sign-off-sheet";
import { loadUnitWorkflow, loadUnitWorkflowWithBudget, unitCommands, type UnitWorkflow } from "./unit-workflow";
import type { DocumentRenderers } from "@/lib/publication/publish-budget";
import { buildSnapshotContent, type SnapshotContent } from "@/lib/publication/snapshot-content";
import { chinaDate } from "@/lib/workflow/approve-budget";
import { listHeadBudgets, type HeadBudget } from "./head-budgets";

/**
 * The loaders of the review pages: the application's database, the viewer, and the page's
 * parameters in; what the page shows out. Pages call these and nothing else of the database.
 */

const queueParams = z.object({
  status: z.enum(["WAITING", "ALL", ...QUEUE_STATUSES]).catch("WAITING"),
  department: z.coerce.number().int().positive().optional().catch(undefined),
});

export interface ReviewQueuePage {
  items: ReviewQueueItem[];
  departments: QueueDepartment[];
  status: QueueStatusFilter;
  departmentId: number | undefined;
}

/** The queue for a reviewer; NOT_FOUND for anyone who reviews nothing. Unknown filter values fall back to the default. */
export async function loadReviewQueuePage(
  viewer: Viewer | null,
  searchParams: Record<string, string | string[] | undefined>,
): Promise<ReviewQueuePage> {
  if (viewer === null) throw new AppError("UNAUTHENTICATED", "请先登录。");
  if (!isReviewer(viewer)) throw new AppError("NOT_FOUND", "您没有审核任务。");
  const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
  const params = queueParams.parse({
    status: first(searchParams.status) || undefined,
    department: first(searchParams.department) || undefined,
  });
  const [items, departments] = await Promise.all([
    listReviewQueue(prisma, viewer, { status: params.status, departmentId: params.department }),
    listQueueDepartments(prisma, viewer),
  ]);
  return { items, departments, status: params.status, departmentId: params.department };
}

/** The review screen of one budget version; NOT_FOUND for a viewer who may not review it. */
export function loadReviewPage(viewer: Viewer | null, budgetId: number): Promise<ReviewScreen> {
  return loadReviewScreen(prisma, viewer, budgetId);
}

/** The unit's side of review and publication on its budget page; NOT_FOUND for anyone but its accountants. */
export function loadUnitWorkflowPanel(viewer: Viewer | null, budgetId: number): Promise<UnitWorkflow> {
  return loadUnitWorkflow(prisma, viewer, budgetId);
}

/** The unit's workflow steps on the application's database. */
export function applicationUnitCommands(renderers: DocumentRenderers) {
  return unitCommands(prisma, renderers);
}

/** The signed paper 审签单, for the unit and its reviewers only. */
export function loadSignOffSheet(viewer: Viewer | null, budgetId: number): Promise<SignOffSheetFile> {
  return loadSignOffSheetFile(prisma, viewer, budgetId);
}

/** The head's sign-off page: the workflow and the document as it will be published. */
export async function loadHeadSignOffPage(
  viewer: Viewer | null,
  budgetId: number,
): Promise<{ workflow: UnitWorkflow; content: SnapshotContent; unitName: string; unitCode: string }> {
  const { workflow, budget, codeBook } = await loadUnitWorkflowWithBudget(prisma, viewer, budgetId);
  const content = buildSnapshotContent(budget, codeBook, {
    version: workflow.version,
    publishedAt: (workflow.published?.at ?? new Date()).toISOString(),
    approvedAt: workflow.approvedAt === null ? null : chinaDate(workflow.approvedAt),
    correctionNote: workflow.correctionNote,
  });
  return { workflow, content, unitName: budget.unit.name, unitCode: budget.unit.code };
}

/** The budgets of the units the viewer heads, newest version per year (the head's list on /workspace). */
export function loadHeadBudgets(viewer: Viewer | null): Promise<HeadBudget[]> {
  return listHeadBudgets(prisma, viewer);
}
