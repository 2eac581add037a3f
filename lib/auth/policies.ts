import type { BudgetStatus, Role } from "@/lib/generated/prisma/enums";

/**
 * Who may do what, as pure functions over a Viewer and the scope of the thing acted on. Use cases
 * call them inside their transaction (not only pages and layouts), and the table-driven tests in
 * policies.test.ts are the specification.
 *
 * Scopes are exact: a finance reviewer or administrator of a region acts on units whose own
 * region it is. A city's 财政局 does not review its counties' units, which have their own.
 */

/** One role a user holds, with the scope it is held for (see the role_assignments CHECK). */
export interface RoleGrant {
  role: Role;
  unitId?: number;
  departmentId?: number;
  regionId?: number;
}

/** The signed-in person as authorization sees them; null means an anonymous visitor (公众). */
export interface Viewer {
  userId: string;
  roles: readonly RoleGrant[];
}

/** Where a budget sits: its unit, the unit's department and the region. */
export interface BudgetScope {
  unitId: number;
  departmentId: number;
  regionId: number;
  status: BudgetStatus;
}

/** An accountant edits only before submission and after a return. */
const EDITABLE: ReadonlySet<BudgetStatus> = new Set<BudgetStatus>(["DRAFT", "RETURNED"]);
/** Reviewers see a budget from the moment it is submitted; drafts are the unit's own business. */
export const SUBMITTED_OR_LATER_STATUSES = [
  "SUBMITTED",
  "DEPARTMENT_REVIEW",
  "FINANCE_REVIEW",
  "RETURNED",
  "APPROVED",
  "SIGNED_OFF",
  "PUBLISHED",
] as const satisfies readonly BudgetStatus[];
const SUBMITTED_OR_LATER: ReadonlySet<BudgetStatus> = new Set<BudgetStatus>(SUBMITTED_OR_LATER_STATUSES);

function grants(viewer: Viewer | null, role: Role): RoleGrant[] {
  return viewer === null ? [] : viewer.roles.filter((grant) => grant.role === role);
}

export function isAccountantOf(viewer: Viewer | null, unitId: number): boolean {
  return grants(viewer, "ACCOUNTANT").some((grant) => grant.unitId === unitId);
}

/** 单位负责人: signs the unit's approved budget off for publication (负责人审签). */
export function isUnitHeadOf(viewer: Viewer | null, unitId: number): boolean {
  return grants(viewer, "UNIT_HEAD").some((grant) => grant.unitId === unitId);
}

export function isDepartmentReviewerOf(viewer: Viewer | null, departmentId: number): boolean {
  return grants(viewer, "DEPARTMENT_REVIEWER").some((grant) => grant.departmentId === departmentId);
}

export function isFinanceReviewerOf(viewer: Viewer | null, regionId: number): boolean {
  return grants(viewer, "FINANCE_REVIEWER").some((grant) => grant.regionId === regionId);
}

/**
 * Published budgets are public; before that, the unit's accountants and, once submitted, its head
 * (who signs it off) and its reviewers.
 */
export function canReadBudget(viewer: Viewer | null, budget: BudgetScope): boolean {
  if (budget.status === "PUBLISHED") return true;
  if (isAccountantOf(viewer, budget.unitId)) return true;
  if (!SUBMITTED_OR_LATER.has(budget.status)) return false;
  return (
    isUnitHeadOf(viewer, budget.unitId) ||
    isDepartmentReviewerOf(viewer, budget.departmentId) ||
    isFinanceReviewerOf(viewer, budget.regionId)
  );
}

export function canEditBudget(viewer: Viewer | null, budget: BudgetScope): boolean {
  return EDITABLE.has(budget.status) && isAccountantOf(viewer, budget.unitId);
}

/** Submitting is part of entering: the same people, in the same states. */
export function canSubmitBudget(viewer: Viewer | null, budget: BudgetScope): boolean {
  return canEditBudget(viewer, budget);
}

/**
 * Reviewing (commenting, returning, forwarding or approving) belongs to the reviewer of the stage
 * the budget is in. Nobody reviews a budget of a unit they enter budgets for (separation of duties).
 */
export function canReviewBudget(viewer: Viewer | null, budget: BudgetScope): boolean {
  if (isAccountantOf(viewer, budget.unitId)) return false;
  if (budget.status === "DEPARTMENT_REVIEW") return isDepartmentReviewerOf(viewer, budget.departmentId);
  if (budget.status === "FINANCE_REVIEW") return isFinanceReviewerOf(viewer, budget.regionId);
  return false;
}

/** 批复 is the finance bureau's alone. */
export function canApproveBudget(viewer: Viewer | null, budget: BudgetScope): boolean {
  return budget.status === "FINANCE_REVIEW" && canReviewBudget(viewer, budget);
}

/**
 * Administration (users, roles, units, code books): a global administrator everywhere, a
 * region's administrator in that region; without a region, only a global administrator.
 * Administrators do not read unpublished budgets by virtue of the role (least privilege).
 */
export function canAdminister(viewer: Viewer | null, scope: { regionId?: number } = {}): boolean {
  return grants(viewer, "ADMIN").some(
    (grant) => grant.regionId === undefined || (scope.regionId !== undefined && grant.regionId === scope.regionId),
  );
}

/**
 * Review comments (审核意见): written by the reviewer of the stage the budget is in; on a returned
 * budget, the unit's accountant may reply to them (and the reviewers read the replies).
 */
export function canCommentOnBudget(viewer: Viewer | null, budget: BudgetScope): boolean {
  if (canReviewBudget(viewer, budget)) return true;
  return budget.status === "RETURNED" && isAccountantOf(viewer, budget.unitId);
}

/** Marking a comment resolved is the reviewer's call, at the stage the budget is in. */
export function canResolveReviewComment(viewer: Viewer | null, budget: BudgetScope): boolean {
  return canReviewBudget(viewer, budget);
}

/**
 * The publication-deadline dashboard: which units' budget states and dates a viewer sees. The
 * region's finance reviewers and administrators (and global administrators) see every unit of the
 * region; a department reviewer sees the units of their department. Dates and states only, never
 * the budget's content.
 */
export function canViewPublicationDeadlines(viewer: Viewer | null, unit: { regionId: number; departmentId: number }): boolean {
  return (
    isFinanceReviewerOf(viewer, unit.regionId) ||
    canAdminister(viewer, { regionId: unit.regionId }) ||
    isDepartmentReviewerOf(viewer, unit.departmentId)
  );
}

/** Reading the audit log: global administrators only (ADR 0010: events carry no reliable region). */
export function canSearchAuditLog(viewer: Viewer | null): boolean {
  return canAdminister(viewer);
}

/** Holds an administrator role anywhere (region or global): may open the account administration. */
export function isAdministrator(viewer: Viewer | null): boolean {
  return grants(viewer, "ADMIN").length > 0;
}

/** Where a department sits. */
export interface DepartmentScope {
  departmentId: number;
  regionId: number;
}

/**
 * 部门预算 is published by the department (主管部门) itself, as 预算法 §14 asks of 各部门: its
 * department reviewer, nobody else (docs/decisions/0011-department-budgets.md). The finance
 * bureau approved every unit already; administrators take no workflow step.
 */
export function canPublishDepartmentBudget(viewer: Viewer | null, department: DepartmentScope): boolean {
  return isDepartmentReviewerOf(viewer, department.departmentId);
}

/**
 * The department preview sums approved budgets only, which both reviewers of the department's
 * units may read: its department reviewer and the finance reviewer of its region.
 */
export function canPreviewDepartmentBudget(viewer: Viewer | null, department: DepartmentScope): boolean {
  return isDepartmentReviewerOf(viewer, department.departmentId) || isFinanceReviewerOf(viewer, department.regionId);
}
