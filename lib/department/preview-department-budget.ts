import { AppError } from "@/lib/app-error";
import { canPreviewDepartmentBudget, canPublishDepartmentBudget, type Viewer } from "@/lib/auth/policies";
import type { DbReader } from "@/lib/budgets/db-client";
import { BUDGET_STATUS_LABELS } from "@/lib/budgets/status-labels";
import type { BudgetStatus } from "@/lib/generated/prisma/enums";
import { latestPath } from "@/lib/publication/document-paths";
import type { SnapshotContent } from "@/lib/publication/snapshot-content";
import { buildDepartmentContent, departmentNotReadyReason } from "./department-content";
import { loadBudgetsById, loadDepartmentState, type DepartmentState } from "./queries";

export interface DepartmentPreview {
  state: DepartmentState;
  /** years in which a unit of the department has a budget, newest first */
  years: number[];
  /** may this viewer publish (the department's own reviewer) */
  canPublish: boolean;
  /** why it cannot be published yet (units not approved); null when it can */
  notReadyReason: string | null;
  /** nothing changed since the newest publication (same approved unit versions) */
  isUpToDate: boolean;
  /** the department document as it would be published now; null while not ready */
  content: SnapshotContent | null;
  /** the public URL of the newest published version, when there is one */
  publicPath: string | null;
}

const statusLabel = (status: string) => BUDGET_STATUS_LABELS[status as BudgetStatus] ?? status;

/**
 * What the department preview page shows: the department's units and where their budgets
 * stand, and the department document derived from their approved budgets (never a draft), as
 * it would be published now. For the department's reviewer and the region's finance reviewer;
 * to anyone else the department does not exist.
 */
export async function loadDepartmentPreview(
  db: DbReader,
  viewer: Viewer | null,
  request: { departmentId: number; year?: number },
  now: Date = new Date(),
): Promise<DepartmentPreview> {
  if (viewer === null) throw new AppError("UNAUTHENTICATED", "请先登录。");
  const scope = await db.department.findUnique({ where: { id: request.departmentId }, select: { id: true, regionId: true } });
  if (scope === null || !canPreviewDepartmentBudget(viewer, { departmentId: scope.id, regionId: scope.regionId })) {
    throw new AppError("NOT_FOUND", "未找到该部门，或您无权查看。");
  }
  const yearRows = await db.budget.groupBy({
    by: ["year"],
    where: { unit: { departmentId: scope.id } },
    orderBy: { year: "desc" },
  });
  const years = yearRows.map((row) => row.year);
  const year = request.year ?? years[0] ?? now.getFullYear();
  const state = await loadDepartmentState(db, { departmentId: scope.id, year });
  if (state === null) throw new AppError("NOT_FOUND", "未找到该部门，或您无权查看。");
  const notReadyReason = departmentNotReadyReason(state, statusLabel);
  let content: SnapshotContent | null = null;
  let isUpToDate = false;
  if (notReadyReason === null) {
    const ids = state.units.map((unit) => unit.approved?.budgetId ?? 0).sort((a, b) => a - b);
    const { budgets, codeBook } = await loadBudgetsById(db, ids, year);
    const version = (state.published?.version ?? 0) + 1;
    content = buildDepartmentContent(state, budgets, codeBook, {
      version,
      publishedAt: now.toISOString(),
      approvedAt: null,
      correctionNote: state.published === null ? null : "（重新公开时填写的更正说明）",
    });
    isUpToDate = state.published !== null && state.published.budgetIds.join(",") === ids.join(",");
  }
  return {
    state,
    years: years.includes(year) ? years : [year, ...years],
    canPublish: canPublishDepartmentBudget(viewer, { departmentId: scope.id, regionId: scope.regionId }),
    notReadyReason,
    isUpToDate,
    content,
    publicPath: state.published === null ? null : latestPath({ year, departmentCode: state.code }),
  };
}
