import { describe, expect, it } from "vitest";
import type { BudgetStatus } from "@/lib/generated/prisma/enums";
import {
  canAdminister,
  canApproveBudget,
  canCommentOnBudget,
  canEditBudget,
  canReadBudget,
  canResolveReviewComment,
  canReviewBudget,
  canSearchAuditLog,
  canSubmitBudget,
  canViewPublicationDeadlines,
  isAdministrator,
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
    ["global administrator", true, true, true],
    ["administrator of the region", true, false, true],
  ];
  it.each(cases)("%s → deadlines %s, audit log %s, administration %s", (name, deadlines, audit, administer) => {
    expect(canViewPublicationDeadlines(VIEWERS[name], unit)).toBe(deadlines);
    expect(canSearchAuditLog(VIEWERS[name])).toBe(audit);
    expect(isAdministrator(VIEWERS[name])).toBe(administer);
  });
});
