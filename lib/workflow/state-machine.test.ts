import { describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/auth/policies";
import type { BudgetStatus } from "@/lib/generated/prisma/enums";
import { availableSteps, decide, WORKFLOW_STEPS, type WorkflowBudget, type WorkflowStep } from "./state-machine";

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

// The budget under test: unit 1 of department 10 in region 100.
const UNIT = { unitId: 1, departmentId: 10, regionId: 100 } as const;
const viewer = (...roles: Viewer["roles"]): Viewer => ({ userId: "u", roles });

const ROLES = {
  "accountant of the unit": viewer({ role: "ACCOUNTANT", unitId: 1 }),
  "accountant of another unit": viewer({ role: "ACCOUNTANT", unitId: 2 }),
  "department reviewer of the department": viewer({ role: "DEPARTMENT_REVIEWER", departmentId: 10 }),
  "department reviewer of another department": viewer({ role: "DEPARTMENT_REVIEWER", departmentId: 20 }),
  "finance reviewer of the region": viewer({ role: "FINANCE_REVIEWER", regionId: 100 }),
  "finance reviewer of another region": viewer({ role: "FINANCE_REVIEWER", regionId: 200 }),
  "head of the unit": viewer({ role: "UNIT_HEAD", unitId: 1 }),
  "head of another unit": viewer({ role: "UNIT_HEAD", unitId: 2 }),
  administrator: viewer({ role: "ADMIN" }),
  "administrator of the region": viewer({ role: "ADMIN", regionId: 100 }),
  anonymous: null,
  // Separation of duties: holding a reviewer role does not let anyone review their own unit.
  "accountant of the unit who also reviews its department": viewer(
    { role: "ACCOUNTANT", unitId: 1 },
    { role: "DEPARTMENT_REVIEWER", departmentId: 10 },
  ),
  "accountant of the unit who also reviews its region": viewer(
    { role: "ACCOUNTANT", unitId: 1 },
    { role: "FINANCE_REVIEWER", regionId: 100 },
  ),
} satisfies Record<string, Viewer | null>;
type RoleName = keyof typeof ROLES;

type Conditions = Partial<Pick<WorkflowBudget, "hasDepartmentReview" | "secrecyReviewed" | "isNewestVersion">>;
interface Allowed {
  from: BudgetStatus;
  step: WorkflowStep;
  roles: readonly RoleName[];
  to: BudgetStatus;
  /** the transition exists only under these conditions */
  when?: Conditions;
}

const ACCOUNTANTS: readonly RoleName[] = [
  "accountant of the unit",
  "accountant of the unit who also reviews its department",
  "accountant of the unit who also reviews its region",
];
const HEADS: readonly RoleName[] = ["head of the unit"];
const DEPARTMENT: readonly RoleName[] = ["department reviewer of the department"];
const FINANCE: readonly RoleName[] = ["finance reviewer of the region"];

/** The specification, written out by hand: every cell not listed here must be refused. */
const ALLOWED: readonly Allowed[] = [
  { from: "DRAFT", step: "SUBMIT", roles: ACCOUNTANTS, to: "SUBMITTED" },
  { from: "RETURNED", step: "SUBMIT", roles: ACCOUNTANTS, to: "SUBMITTED" },
  { from: "SUBMITTED", step: "WITHDRAW", roles: ACCOUNTANTS, to: "DRAFT" },
  { from: "SUBMITTED", step: "START_DEPARTMENT_REVIEW", roles: DEPARTMENT, to: "DEPARTMENT_REVIEW", when: { hasDepartmentReview: true } },
  { from: "SUBMITTED", step: "START_FINANCE_REVIEW", roles: FINANCE, to: "FINANCE_REVIEW", when: { hasDepartmentReview: false } },
  { from: "DEPARTMENT_REVIEW", step: "START_FINANCE_REVIEW", roles: DEPARTMENT, to: "FINANCE_REVIEW" },
  { from: "DEPARTMENT_REVIEW", step: "RETURN", roles: DEPARTMENT, to: "RETURNED" },
  { from: "FINANCE_REVIEW", step: "RETURN", roles: FINANCE, to: "RETURNED" },
  { from: "FINANCE_REVIEW", step: "APPROVE", roles: FINANCE, to: "APPROVED" },
  { from: "APPROVED", step: "RECORD_SECRECY_REVIEW", roles: [...ACCOUNTANTS, ...HEADS], to: "APPROVED", when: { secrecyReviewed: false } },
  // The head signs with their own account; the accountant only by uploading the head's signed paper sheet.
  { from: "APPROVED", step: "SIGN_OFF", roles: HEADS, to: "SIGNED_OFF", when: { secrecyReviewed: true } },
  { from: "APPROVED", step: "RECORD_PAPER_SIGN_OFF", roles: ACCOUNTANTS, to: "SIGNED_OFF", when: { secrecyReviewed: true } },
  { from: "SIGNED_OFF", step: "PUBLISH", roles: ACCOUNTANTS, to: "PUBLISHED" },
  { from: "PUBLISHED", step: "OPEN_CORRECTION", roles: ACCOUNTANTS, to: "DRAFT", when: { isNewestVersion: true } },
];

function expected(role: RoleName, budget: WorkflowBudget, step: WorkflowStep): BudgetStatus | null {
  const match = ALLOWED.find(
    (a) =>
      a.from === budget.status &&
      a.step === step &&
      a.roles.includes(role) &&
      Object.entries(a.when ?? {}).every(([key, value]) => budget[key as keyof Conditions] === value),
  );
  return match?.to ?? null;
}

const FLAGS = [false, true] as const;
const cases = (Object.keys(ROLES) as RoleName[]).flatMap((role) =>
  FLAGS.flatMap((hasDepartmentReview) =>
    FLAGS.flatMap((secrecyReviewed) =>
      FLAGS.map((isNewestVersion) => [role, { hasDepartmentReview, secrecyReviewed, isNewestVersion, secrecyReviewBarredUserId: null }] as const),
    ),
  ),
);

describe("decide: every status × step for each role and budget", () => {
  it.each(cases)("%s, %o", (role, flags) => {
    const cells: string[] = [];
    const wanted: string[] = [];
    for (const status of ALL_STATUSES) {
      const budget: WorkflowBudget = { ...UNIT, status, ...flags };
      for (const step of WORKFLOW_STEPS) {
        const decision = decide(ROLES[role], budget, step);
        cells.push(`${status} ${step} → ${decision.ok ? decision.to : "refused"}`);
        wanted.push(`${status} ${step} → ${expected(role, budget, step) ?? "refused"}`);
        if (!decision.ok) expect(decision.reason).toMatch(/[\u4e00-\u9fff]/);
      }
    }
    expect(cells).toEqual(wanted);
  });

  it("allows at least one cell of every listed transition (the table above is reachable)", () => {
    for (const allowed of ALLOWED) {
      const budget: WorkflowBudget = {
        ...UNIT,
        status: allowed.from,
        hasDepartmentReview: false,
        secrecyReviewed: false,
        secrecyReviewBarredUserId: null,
        isNewestVersion: true,
        ...allowed.when,
      };
      expect(decide(ROLES[allowed.roles[0]!], budget, allowed.step)).toEqual({ ok: true, to: allowed.to });
    }
  });
});

describe("decide: why a step is refused", () => {
  const budget = (status: BudgetStatus, more: Partial<WorkflowBudget> = {}): WorkflowBudget => ({
    ...UNIT,
    status,
    hasDepartmentReview: false,
    secrecyReviewed: false,
    secrecyReviewBarredUserId: null,
    isNewestVersion: true,
    ...more,
  });

  it("bars the person who submitted from the secrecy review when the unit has another account, and no one else", () => {
    const barred = budget("APPROVED", { secrecyReviewBarredUserId: "u" });
    expect(decide(ROLES["accountant of the unit"], barred, "RECORD_SECRECY_REVIEW")).toEqual({
      ok: false,
      code: "FORBIDDEN",
      reason: "保密审查须由报送人以外的人员（本单位的另一位填报人或负责人）记录。",
    });
    const colleague: Viewer = { userId: "someone else", roles: [{ role: "ACCOUNTANT", unitId: 1 }] };
    expect(decide(colleague, barred, "RECORD_SECRECY_REVIEW")).toEqual({ ok: true, to: "APPROVED" });
    const head: Viewer = { userId: "the head", roles: [{ role: "UNIT_HEAD", unitId: 1 }] };
    expect(availableSteps(head, barred)).toEqual(["RECORD_SECRECY_REVIEW"]);
  });

  it("refuses the accountant the head's own sign-off, naming who signs", () => {
    const decision = decide(ROLES["accountant of the unit"], budget("APPROVED", { secrecyReviewed: true }), "SIGN_OFF");
    expect(decision).toEqual({ ok: false, code: "FORBIDDEN", reason: "只有本单位的负责人可以负责人审签。" });
  });

  it("asks an anonymous visitor to sign in", () => {
    expect(decide(null, budget("DRAFT"), "SUBMIT")).toEqual({ ok: false, code: "UNAUTHENTICATED", reason: "请先登录。" });
  });

  it("names who may take the step when the role is wrong (FORBIDDEN)", () => {
    expect(decide(ROLES["finance reviewer of the region"], budget("DRAFT"), "SUBMIT")).toEqual({
      ok: false,
      code: "FORBIDDEN",
      reason: "只有本单位的填报人可以报送。",
    });
    expect(decide(ROLES["department reviewer of the department"], budget("FINANCE_REVIEW"), "RETURN")).toMatchObject({
      code: "FORBIDDEN",
      reason: "预算当前处于“财政审核中”阶段，只有本级财政部门的审核人可以退回。",
    });
  });

  it("refuses self-review with its own message", () => {
    expect(decide(ROLES["accountant of the unit who also reviews its region"], budget("FINANCE_REVIEW"), "APPROVE")).toMatchObject({
      code: "FORBIDDEN",
      reason: "不能审核本人填报单位的预算（批复）。",
    });
  });

  it("names the state when the right role tries a step the state does not allow (CONFLICT)", () => {
    expect(decide(ROLES["accountant of the unit"], budget("APPROVED"), "SUBMIT")).toEqual({
      ok: false,
      code: "CONFLICT",
      reason: "预算当前状态为“已批复”，不能报送。",
    });
    expect(decide(ROLES["finance reviewer of the region"], budget("SUBMITTED"), "APPROVE")).toMatchObject({ code: "CONFLICT" });
  });

  it("does not let a step be skipped", () => {
    expect(decide(ROLES["head of the unit"], budget("APPROVED"), "SIGN_OFF")).toMatchObject({
      code: "CONFLICT",
      reason: "请先完成并记录保密审查，再进行负责人审签。",
    });
    expect(decide(ROLES["accountant of the unit"], budget("APPROVED"), "RECORD_PAPER_SIGN_OFF")).toMatchObject({ code: "CONFLICT" });
    expect(decide(ROLES["accountant of the unit"], budget("APPROVED", { secrecyReviewed: true }), "PUBLISH")).toMatchObject({
      code: "CONFLICT",
    });
    expect(
      decide(ROLES["finance reviewer of the region"], budget("SUBMITTED", { hasDepartmentReview: true }), "START_FINANCE_REVIEW"),
    ).toMatchObject({ code: "CONFLICT", reason: "该预算须先经主管部门审核，再提交财政审核。" });
    expect(decide(ROLES["accountant of the unit"], budget("PUBLISHED", { isNewestVersion: false }), "OPEN_CORRECTION")).toMatchObject({
      code: "CONFLICT",
    });
  });
});

describe("availableSteps", () => {
  const base = { ...UNIT, hasDepartmentReview: true, secrecyReviewed: false, secrecyReviewBarredUserId: null, isNewestVersion: true };
  it.each([
    ["accountant of the unit", "DRAFT", ["SUBMIT"]],
    ["accountant of the unit", "SUBMITTED", ["WITHDRAW"]],
    ["department reviewer of the department", "SUBMITTED", ["START_DEPARTMENT_REVIEW"]],
    ["department reviewer of the department", "DEPARTMENT_REVIEW", ["START_FINANCE_REVIEW", "RETURN"]],
    ["finance reviewer of the region", "FINANCE_REVIEW", ["RETURN", "APPROVE"]],
    ["accountant of the unit", "APPROVED", ["RECORD_SECRECY_REVIEW"]],
    ["head of the unit", "APPROVED", ["RECORD_SECRECY_REVIEW"]],
    ["head of the unit", "DRAFT", []],
    ["accountant of the unit", "PUBLISHED", ["OPEN_CORRECTION"]],
    ["administrator", "FINANCE_REVIEW", []],
    ["anonymous", "DRAFT", []],
  ] as const)("%s, %s → %o", (role, status, steps) => {
    expect(availableSteps(ROLES[role], { ...base, status })).toEqual(steps);
  });
});
