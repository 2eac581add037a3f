import type { BudgetStatus, Role } from "@/lib/generated/prisma/enums";
import { ROLE_LABELS as ROLE_NAMES } from "./role-labels";

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
 * 三员分立 (ADR 0022): three administrator roles, none of which can act as another.
 * - 系统管理员 (ADMIN): the organisation (regions, departments, units), code books and accounts'
 *   creation. A global administrator everywhere, a region's administrator in that region;
 *   without a region, only a global administrator.
 * - 安全管理员 (SECURITY_ADMIN): grants and revokes roles, unlocks accounts, resets second factors.
 * - 审计管理员 (AUDIT_ADMIN): reads, filters and exports the audit log and verifies the hash chains.
 * Administrators do not read unpublished budgets by virtue of any of these roles (least privilege).
 */
export const ADMINISTRATOR_ROLES = ["ADMIN", "SECURITY_ADMIN", "AUDIT_ADMIN"] as const satisfies readonly Role[];
export type AdministratorRole = (typeof ADMINISTRATOR_ROLES)[number];

function holdsFor(viewer: Viewer | null, role: Role, scope: { regionId?: number }): boolean {
  return grants(viewer, role).some(
    (grant) => grant.regionId === undefined || (scope.regionId !== undefined && grant.regionId === scope.regionId),
  );
}

/** 系统管理员 of the scope's region (or global); without a region, only a global one. */
export function canAdminister(viewer: Viewer | null, scope: { regionId?: number } = {}): boolean {
  return holdsFor(viewer, "ADMIN", scope);
}

/** 安全管理员 of the scope's region (or global): grants and revokes roles, unlocks accounts, resets second factors there. */
export function canManageRoles(viewer: Viewer | null, scope: { regionId?: number } = {}): boolean {
  return holdsFor(viewer, "SECURITY_ADMIN", scope);
}

/** Holds 安全管理员 anywhere (region or global). */
export function isSecurityAdministrator(viewer: Viewer | null): boolean {
  return grants(viewer, "SECURITY_ADMIN").length > 0;
}

/** Holds 审计管理员 anywhere. */
export function isAuditAdministrator(viewer: Viewer | null): boolean {
  return grants(viewer, "AUDIT_ADMIN").length > 0;
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

/**
 * Reading, exporting and verifying the audit log: a global 审计管理员 only (ADR 0010: events carry
 * no reliable region; ADR 0022: nobody else, system and security administrators included).
 */
export function canSearchAuditLog(viewer: Viewer | null): boolean {
  return grants(viewer, "AUDIT_ADMIN").some((grant) => grant.regionId === undefined);
}

/** Holds 系统管理员 anywhere (region or global): may create accounts and open the organisation. */
export function isAdministrator(viewer: Viewer | null): boolean {
  return grants(viewer, "ADMIN").length > 0;
}

/** One role as separation of duties sees it: the role and the region it is exercised in (null: global). */
export interface RoleInRegion {
  role: Role;
  regionId: number | null;
}

const ENTERING_ROLES: ReadonlySet<Role> = new Set<Role>(["ACCOUNTANT", "UNIT_HEAD"]);
const REVIEWING_ROLES: ReadonlySet<Role> = new Set<Role>(["DEPARTMENT_REVIEWER", "FINANCE_REVIEWER"]);
const ADMINISTRATOR_ROLE_SET: ReadonlySet<Role> = new Set<Role>(ADMINISTRATOR_ROLES);

/**
 * 不相容岗位分离: why a person holding `held` may not also receive `wanted`, or null when they may.
 * Nobody holds two of the three administrator roles, and nobody enters budgets (单位填报人,
 * 单位负责人) and reviews them (主管部门审核人, 财政部门审核人) in the same region. Every
 * role-granting path asks this; the database trigger of migration 20261209020000 enforces the same.
 */
export function separationOfDutiesConflict(held: readonly RoleInRegion[], wanted: RoleInRegion): string | null {
  if (ADMINISTRATOR_ROLE_SET.has(wanted.role)) {
    const other = held.find((h) => ADMINISTRATOR_ROLE_SET.has(h.role) && h.role !== wanted.role);
    if (other !== undefined) return `三员分立：该账户已是${ROLE_NAMES[other.role]}，不能再兼任${ROLE_NAMES[wanted.role]}。`;
  }
  const entering = ENTERING_ROLES.has(wanted.role);
  const reviewing = REVIEWING_ROLES.has(wanted.role);
  if ((entering || reviewing) && wanted.regionId !== null) {
    const clash = held.find((h) => h.regionId === wanted.regionId && (entering ? REVIEWING_ROLES : ENTERING_ROLES).has(h.role));
    if (clash !== undefined) {
      return `不相容岗位分离：该账户在同一地区已是${ROLE_NAMES[clash.role]}，不能再兼任${ROLE_NAMES[wanted.role]}（同一地区的填报与审核不能由一人兼任）。`;
    }
  }
  return null;
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
