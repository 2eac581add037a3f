import { describe, expect, it } from "vitest";
import type { BudgetStatus } from "@/lib/generated/prisma/enums";
import {
  canAdminister,
  canApproveBudget,
  canManageRoles,
  canCommentOnBudget,
  canEditBudget,
  canReadBudget,
  canResolveReviewComment,
  canReviewBudget,
  canSearchAuditLog,
  canSubmitBudget,
  canViewPublicationDeadlines,
  isAdministrator,
  separationOfDutiesConflict,
  type BudgetScope,
  type Viewer,
} from "./policies";

const ALL_STATUSES: readonly BudgetStatus[] = [
  "DRAFT",
  "SUBMITTED",
  "DEPARTMENT_REVIEW",
  "FINANCE_REVIEW",
  "RETURNED",
  "APPROVED",
  "SIGNED_OFF",
  "PUBLISHED",
];
const AFTER_SUBMISSION = ALL_STATUSES.filter((status) => status !== "DRAFT");

// The budget under test: unit 1 of department 10 in region 100. Unit 2 shares the region, not the department.
const UNIT = { unitId: 1, departmentId: 10, regionId: 100 } as const;
const budgetIn = (status: BudgetStatus): BudgetScope => ({ ...UNIT, status });

const viewer = (...roles: Viewer["roles"]): Viewer => ({ userId: "u", roles });
const VIEWERS = {
  anonymous: null,
  "no roles": viewer(),
  "accountant of the unit": viewer({ role: "ACCOUNTANT", unitId: 1 }),
  "accountant of another unit": viewer({ role: "ACCOUNTANT", unitId: 2 }),
  "reviewer of the department": viewer({ role: "DEPARTMENT_REVIEWER", departmentId: 10 }),
  "reviewer of another department": viewer({ role: "DEPARTMENT_REVIEWER", departmentId: 20 }),
  "finance reviewer of the region": viewer({ role: "FINANCE_REVIEWER", regionId: 100 }),
  "finance reviewer of another region": viewer({ role: "FINANCE_REVIEWER", regionId: 200 }),
  "global administrator": viewer({ role: "ADMIN" }),
  "administrator of the region": viewer({ role: "ADMIN", regionId: 100 }),
  "global security administrator": viewer({ role: "SECURITY_ADMIN" }),
  "security administrator of the region": viewer({ role: "SECURITY_ADMIN", regionId: 100 }),
  "global audit administrator": viewer({ role: "AUDIT_ADMIN" }),
  "audit administrator of the region": viewer({ role: "AUDIT_ADMIN", regionId: 100 }),
  "accountant of the unit who also reviews the region": viewer(
    { role: "ACCOUNTANT", unitId: 1 },
    { role: "FINANCE_REVIEWER", regionId: 100 },
  ),
} satisfies Record<string, Viewer | null>;
type ViewerName = keyof typeof VIEWERS;

/** For each viewer, the statuses in which the policy allows the action; unlisted viewers: none. */
type Expectations = Partial<Record<ViewerName, readonly BudgetStatus[]>>;

function checkTable(policy: (viewer: Viewer | null, budget: BudgetScope) => boolean, allowed: Expectations) {
  const cases = (Object.keys(VIEWERS) as ViewerName[]).flatMap((name) =>
    ALL_STATUSES.map((status) => [name, status, (allowed[name] ?? []).includes(status)] as const),
  );
  it.each(cases)("%s, %s → %s", (name, status, expected) => {
    expect(policy(VIEWERS[name], budgetIn(status))).toBe(expected);
  });
}

describe("canReadBudget", () => {
  const everyone = Object.fromEntries((Object.keys(VIEWERS) as ViewerName[]).map((name) => [name, ["PUBLISHED"]]));
  checkTable(canReadBudget, {
    ...everyone,
    "accountant of the unit": ALL_STATUSES,
    "accountant of the unit who also reviews the region": ALL_STATUSES,
    "reviewer of the department": AFTER_SUBMISSION,
    "finance reviewer of the region": AFTER_SUBMISSION,
  });
});

describe("canEditBudget", () => {
  checkTable(canEditBudget, {
    "accountant of the unit": ["DRAFT", "RETURNED"],
    "accountant of the unit who also reviews the region": ["DRAFT", "RETURNED"],
  });
});

describe("canSubmitBudget", () => {
  checkTable(canSubmitBudget, {
    "accountant of the unit": ["DRAFT", "RETURNED"],
    "accountant of the unit who also reviews the region": ["DRAFT", "RETURNED"],
  });
});

describe("canReviewBudget", () => {
  checkTable(canReviewBudget, {
    "reviewer of the department": ["DEPARTMENT_REVIEW"],
    "finance reviewer of the region": ["FINANCE_REVIEW"],
  });
});

describe("canApproveBudget", () => {
  checkTable(canApproveBudget, { "finance reviewer of the region": ["FINANCE_REVIEW"] });
});

describe("canCommentOnBudget", () => {
  checkTable(canCommentOnBudget, {
    "reviewer of the department": ["DEPARTMENT_REVIEW"],
    "finance reviewer of the region": ["FINANCE_REVIEW"],
    "accountant of the unit": ["RETURNED"],
    "accountant of the unit who also reviews the region": ["RETURNED"],
  });
});

describe("canResolveReviewComment", () => {
  checkTable(canResolveReviewComment, {
    "reviewer of the department": ["DEPARTMENT_REVIEW"],
    "finance reviewer of the region": ["FINANCE_REVIEW"],
  });
});

describe("canAdminister", () => {
  it.each([
    ["global administrator", {}, true],
    ["global administrator", { regionId: 200 }, true],
    ["administrator of the region", { regionId: 100 }, true],
    ["administrator of the region", { regionId: 200 }, false],
    ["administrator of the region", {}, false],
    ["finance reviewer of the region", { regionId: 100 }, false],
    ["accountant of the unit", {}, false],
    ["anonymous", {}, false],
  ] as const)("%s, scope %o → %s", (name, scope, expected) => {
    expect(canAdminister(VIEWERS[name], scope)).toBe(expected);
  });
});

describe("三员分立: each administrator role does its own work only", () => {
  // [viewer, organisation of region 100, roles in region 100, roles globally, audit log]
  const cases: [ViewerName, boolean, boolean, boolean, boolean][] = [
    ["global administrator", true, false, false, false],
    ["administrator of the region", true, false, false, false],
    ["global security administrator", false, true, true, false],
    ["security administrator of the region", false, true, false, false],
    ["global audit administrator", false, false, false, true],
    ["audit administrator of the region", false, false, false, false],
    ["finance reviewer of the region", false, false, false, false],
    ["accountant of the unit", false, false, false, false],
    ["anonymous", false, false, false, false],
  ];
  it.each(cases)("%s → organisation %s, roles in region %s, global roles %s, audit log %s", (name, organisation, regionRoles, globalRoles, audit) => {
    expect(canAdminister(VIEWERS[name], { regionId: 100 })).toBe(organisation);
    expect(canManageRoles(VIEWERS[name], { regionId: 100 })).toBe(regionRoles);
    expect(canManageRoles(VIEWERS[name])).toBe(globalRoles);
    expect(canSearchAuditLog(VIEWERS[name])).toBe(audit);
  });
});

describe("separationOfDutiesConflict", () => {
  it.each([
    ["system + security administrator", [{ role: "ADMIN", regionId: null }], { role: "SECURITY_ADMIN", regionId: null }, /三员分立/],
    ["security + audit administrator", [{ role: "SECURITY_ADMIN", regionId: 100 }], { role: "AUDIT_ADMIN", regionId: null }, /三员分立/],
    ["audit + system administrator in another region", [{ role: "AUDIT_ADMIN", regionId: null }], { role: "ADMIN", regionId: 200 }, /三员分立/],
    ["accountant + finance reviewer, same region", [{ role: "ACCOUNTANT", regionId: 100 }], { role: "FINANCE_REVIEWER", regionId: 100 }, /不相容岗位分离/],
    ["department reviewer + unit head, same region", [{ role: "DEPARTMENT_REVIEWER", regionId: 100 }], { role: "UNIT_HEAD", regionId: 100 }, /不相容岗位分离/],
    ["department reviewer + accountant, same region", [{ role: "DEPARTMENT_REVIEWER", regionId: 100 }], { role: "ACCOUNTANT", regionId: 100 }, /不相容岗位分离/],
    ["accountant + finance reviewer, other region", [{ role: "ACCOUNTANT", regionId: 100 }], { role: "FINANCE_REVIEWER", regionId: 200 }, null],
    ["the same administrator role in a second region", [{ role: "ADMIN", regionId: 100 }], { role: "ADMIN", regionId: 200 }, null],
    ["administrator + finance reviewer", [{ role: "ADMIN", regionId: 100 }], { role: "FINANCE_REVIEWER", regionId: 100 }, null],
    ["accountant + unit head of the unit", [{ role: "ACCOUNTANT", regionId: 100 }], { role: "UNIT_HEAD", regionId: 100 }, null],
    ["nothing held", [], { role: "AUDIT_ADMIN", regionId: null }, null],
  ] as const)("%s", (_name, held, wanted, expected) => {
    const conflict = separationOfDutiesConflict(held, wanted);
    if (expected === null) expect(conflict).toBeNull();
    else expect(conflict).toMatch(expected);
  });
});

describe("canViewPublicationDeadlines, canSearchAuditLog, isAdministrator", () => {
  // unit 1 of department 10 in region 100
  const unit = { regionId: 100, departmentId: 10 };
  const cases: [ViewerName, boolean, boolean, boolean][] = [
    ["anonymous", false, false, false],
    ["no roles", false, false, false],
    ["accountant of the unit", false, false, false],
    ["reviewer of the department", true, false, false],
    ["reviewer of another department", false, false, false],
    ["finance reviewer of the region", true, false, false],
    ["finance reviewer of another region", false, false, false],
    ["global administrator", true, false, true],
    ["administrator of the region", true, false, true],
    ["global security administrator", false, false, false],
    ["security administrator of the region", false, false, false],
    ["global audit administrator", false, true, false],
    ["audit administrator of the region", false, false, false],
  ];
  it.each(cases)("%s → deadlines %s, audit log %s, administration %s", (name, deadlines, audit, administer) => {
    expect(canViewPublicationDeadlines(VIEWERS[name], unit)).toBe(deadlines);
    expect(canSearchAuditLog(VIEWERS[name])).toBe(audit);
    expect(isAdministrator(VIEWERS[name])).toBe(administer);
  });
});
