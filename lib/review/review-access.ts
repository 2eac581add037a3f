import {
  canReadBudget,
  isAccountantOf,
  isDepartmentReviewerOf,
  isFinanceReviewerOf,
  type BudgetScope,
  type Viewer,
} from "@/lib/auth/policies";

/**
 * Who may open a budget's review screen: its reviewers (the department's, the region's finance
 * bureau) once it is submitted, never the unit's own accountant (separation of duties) and not an
 * administrator by virtue of the role. Everyone else gets "not found".
 */
export function canOpenReview(viewer: Viewer | null, scope: BudgetScope): boolean {
  if (scope.status === "DRAFT" || isAccountantOf(viewer, scope.unitId)) return false;
  const isReviewer = isDepartmentReviewerOf(viewer, scope.departmentId) || isFinanceReviewerOf(viewer, scope.regionId);
  return isReviewer && canReadBudget(viewer, scope);
}

/** Whether the viewer reviews budgets at all (the workspace links to the queue). */
export function isReviewer(viewer: Viewer | null): boolean {
  return viewer !== null && viewer.roles.some((grant) => grant.role === "DEPARTMENT_REVIEWER" || grant.role === "FINANCE_REVIEWER");
}
