import {
  isAccountantOf,
  isDepartmentReviewerOf,
  isFinanceReviewerOf,
  isUnitHeadOf,
  type BudgetScope,
  type Viewer,
} from "@/lib/auth/policies";
import { BUDGET_STATUS_LABELS } from "@/lib/budgets/status-labels";
import type { BudgetStatus } from "@/lib/generated/prisma/enums";

/**
 * The one workflow of a budget version, as pure data and two functions (`decide`,
 * `availableSteps`). Every use case that changes a budget's status asks `decide` first, inside
 * its transaction; screens ask `availableSteps` which buttons to show. The table test in
 * state-machine.test.ts is the specification.
 *
 *   DRAFT ──SUBMIT──▶ SUBMITTED ──START_DEPARTMENT_REVIEW──▶ DEPARTMENT_REVIEW ──START_FINANCE_REVIEW──▶ FINANCE_REVIEW
 *                     │  ▲  └──────────START_FINANCE_REVIEW (no department review)──────────────────────▲       │
 *             WITHDRAW│  │SUBMIT                                 RETURN (department)                      RETURN │ APPROVE
 *                     ▼  │                                            ▼                                    ▼       ▼
 *                   DRAFT RETURNED ◀───────────────────────────────────────────────────────────────────────┘   APPROVED
 *   APPROVED ──RECORD_SECRECY_REVIEW (status unchanged)──▶ APPROVED ──SIGN_OFF | RECORD_PAPER_SIGN_OFF──▶ SIGNED_OFF ──PUBLISH──▶ PUBLISHED
 *   PUBLISHED (newest version) ──OPEN_CORRECTION──▶ a new version n+1 in DRAFT, through the same chain.
 *
 * Who: the unit's accountant (填报人) submits, withdraws, publishes and opens corrections; the
 * secrecy review is recorded by the accountant or the unit's head, but not by the person who
 * submitted the version when the unit has another account; the unit's head (单位负责人) signs
 * off with their own account, or, where the unit signs on paper, the accountant uploads the
 * signed 审签单 (RECORD_PAPER_SIGN_OFF); the department's reviewer takes the
 * department stage, the region's finance reviewer the finance stage. Nobody reviews a budget of a
 * unit they are the accountant of (separation of duties); administrators take no steps.
 *
 * Deviations from workflow-contract.md (all additive):
 * - a refusal also carries `code` (UNAUTHENTICATED; FORBIDDEN when the viewer's role may never
 *   take the step on this budget; CONFLICT when it may but not in this state), which the use
 *   cases throw as AppError;
 * - every use case input accepts `clientAddress?: string | null` (server actions pass
 *   `await getClientAddress()` from lib/auth/client-address.ts) for the audit row, and every use
 *   case takes `now` last;
 * - `publishUnitBudget(db, viewer, { budgetId, clientAddress? }, renderers, now?)`;
 *   `addReviewComment` also takes `parentId?` (a reply on the same budget);
 *   `resolveReviewComment(db, viewer, { commentId, clientAddress? })` is audited as
 *   `budget.comment_resolve`;
 * - RECORD_SECRECY_REVIEW is refused once recorded (it is not offered twice);
 * - publication (publishBudget) accepts SIGNED_OFF only, as this machine says.
 */

export type WorkflowStep =
  | "SUBMIT"
  | "WITHDRAW"
  | "START_DEPARTMENT_REVIEW"
  | "START_FINANCE_REVIEW"
  | "RETURN"
  | "APPROVE"
  | "RECORD_SECRECY_REVIEW"
  | "SIGN_OFF"
  | "RECORD_PAPER_SIGN_OFF"
  | "PUBLISH"
  | "OPEN_CORRECTION";

export const WORKFLOW_STEPS: readonly WorkflowStep[] = [
  "SUBMIT",
  "WITHDRAW",
  "START_DEPARTMENT_REVIEW",
  "START_FINANCE_REVIEW",
  "RETURN",
  "APPROVE",
  "RECORD_SECRECY_REVIEW",
  "SIGN_OFF",
  "RECORD_PAPER_SIGN_OFF",
  "PUBLISH",
  "OPEN_CORRECTION",
];

/** What the machine needs to know about a budget version besides where it sits. */
export interface WorkflowBudget extends BudgetScope {
  /** the unit's department reviews first (主管部门初审) */
  hasDepartmentReview: boolean;
  /** 保密审查 recorded */
  secrecyReviewed: boolean;
  /**
   * who may not record the 保密审查: the person who submitted this version, when the unit has
   * another account (accountant or head) who can; null when nobody is barred
   */
  secrecyReviewBarredUserId: string | null;
  /** no later version of the same unit and year exists */
  isNewestVersion: boolean;
}

export type Decision =
  | { ok: true; to: BudgetStatus }
  | { ok: false; code: "UNAUTHENTICATED" | "FORBIDDEN" | "CONFLICT"; reason: string };

/** Chinese names of the steps, for messages and buttons. */
export const STEP_LABELS: Record<WorkflowStep, string> = {
  SUBMIT: "报送",
  WITHDRAW: "撤回",
  START_DEPARTMENT_REVIEW: "开始主管部门审核",
  START_FINANCE_REVIEW: "提交财政审核",
  RETURN: "退回",
  APPROVE: "批复",
  RECORD_SECRECY_REVIEW: "记录保密审查",
  SIGN_OFF: "负责人审签",
  RECORD_PAPER_SIGN_OFF: "上传纸质审签单",
  PUBLISH: "公开",
  OPEN_CORRECTION: "更正",
};

type Actor = "ACCOUNTANT" | "UNIT_HEAD" | "DEPARTMENT_REVIEWER" | "FINANCE_REVIEWER";

const ACTOR_LABELS: Record<Actor, string> = {
  ACCOUNTANT: "本单位的填报人",
  UNIT_HEAD: "本单位的负责人",
  DEPARTMENT_REVIEWER: "主管部门的审核人",
  FINANCE_REVIEWER: "本级财政部门的审核人",
};

interface Transition {
  step: WorkflowStep;
  from: BudgetStatus;
  actor: Actor;
  to: BudgetStatus;
  /** a further condition on the budget (and who acts): the refusal reason, or null when it holds */
  unless?: (budget: WorkflowBudget, viewer: Viewer) => string | Refusal | null;
}

/** A refusal of who acts rather than of the budget's state. */
interface Refusal {
  code: "FORBIDDEN";
  reason: string;
}

function secrecyReviewRefusal(budget: WorkflowBudget, viewer: Viewer): string | Refusal | null {
  if (budget.secrecyReviewed) return "保密审查已经记录。";
  if (budget.secrecyReviewBarredUserId === viewer.userId) {
    return { code: "FORBIDDEN", reason: "保密审查须由报送人以外的人员（本单位的另一位填报人或负责人）记录。" };
  }
  return null;
}

function signOffRefusal(budget: WorkflowBudget): string | null {
  return budget.secrecyReviewed ? null : "请先完成并记录保密审查，再进行负责人审签。";
}

/** Every allowed transition; anything not listed is refused. */
const TRANSITIONS: readonly Transition[] = [
  { step: "SUBMIT", from: "DRAFT", actor: "ACCOUNTANT", to: "SUBMITTED" },
  { step: "SUBMIT", from: "RETURNED", actor: "ACCOUNTANT", to: "SUBMITTED" },
  { step: "WITHDRAW", from: "SUBMITTED", actor: "ACCOUNTANT", to: "DRAFT" },
  {
    step: "START_DEPARTMENT_REVIEW",
    from: "SUBMITTED",
    actor: "DEPARTMENT_REVIEWER",
    to: "DEPARTMENT_REVIEW",
    unless: (b) => (b.hasDepartmentReview ? null : "该部门未设主管部门审核环节，预算直接由财政部门审核。"),
  },
  {
    step: "START_FINANCE_REVIEW",
    from: "SUBMITTED",
    actor: "FINANCE_REVIEWER",
    to: "FINANCE_REVIEW",
    unless: (b) => (b.hasDepartmentReview ? "该预算须先经主管部门审核，再提交财政审核。" : null),
  },
  { step: "START_FINANCE_REVIEW", from: "DEPARTMENT_REVIEW", actor: "DEPARTMENT_REVIEWER", to: "FINANCE_REVIEW" },
  { step: "RETURN", from: "DEPARTMENT_REVIEW", actor: "DEPARTMENT_REVIEWER", to: "RETURNED" },
  { step: "RETURN", from: "FINANCE_REVIEW", actor: "FINANCE_REVIEWER", to: "RETURNED" },
  { step: "APPROVE", from: "FINANCE_REVIEW", actor: "FINANCE_REVIEWER", to: "APPROVED" },
  { step: "RECORD_SECRECY_REVIEW", from: "APPROVED", actor: "ACCOUNTANT", to: "APPROVED", unless: secrecyReviewRefusal },
  { step: "RECORD_SECRECY_REVIEW", from: "APPROVED", actor: "UNIT_HEAD", to: "APPROVED", unless: secrecyReviewRefusal },
  { step: "SIGN_OFF", from: "APPROVED", actor: "UNIT_HEAD", to: "SIGNED_OFF", unless: signOffRefusal },
  { step: "RECORD_PAPER_SIGN_OFF", from: "APPROVED", actor: "ACCOUNTANT", to: "SIGNED_OFF", unless: signOffRefusal },
  { step: "PUBLISH", from: "SIGNED_OFF", actor: "ACCOUNTANT", to: "PUBLISHED" },
  {
    step: "OPEN_CORRECTION",
    from: "PUBLISHED",
    actor: "ACCOUNTANT",
    to: "DRAFT",
    unless: (b) => (b.isNewestVersion ? null : "该版本已有更正版本，只能更正最新的版本。"),
  },
];

function actsAs(viewer: Viewer | null, actor: Actor, budget: BudgetScope): boolean {
  switch (actor) {
    case "ACCOUNTANT":
      return isAccountantOf(viewer, budget.unitId);
    case "UNIT_HEAD":
      return isUnitHeadOf(viewer, budget.unitId);
    // Separation of duties: the unit's own accountant never reviews it, whatever else they hold.
    case "DEPARTMENT_REVIEWER":
      return !isAccountantOf(viewer, budget.unitId) && isDepartmentReviewerOf(viewer, budget.departmentId);
    case "FINANCE_REVIEWER":
      return !isAccountantOf(viewer, budget.unitId) && isFinanceReviewerOf(viewer, budget.regionId);
  }
}

/** Whether `viewer` may take `step` on `budget` now, and the status it leads to. */
export function decide(viewer: Viewer | null, budget: WorkflowBudget, step: WorkflowStep): Decision {
  const label = STEP_LABELS[step];
  if (viewer === null) return { ok: false, code: "UNAUTHENTICATED", reason: "请先登录。" };
  const forStep = TRANSITIONS.filter((t) => t.step === step);
  const ownActors = new Set(forStep.map((t) => t.actor).filter((actor) => actsAs(viewer, actor, budget)));
  if (ownActors.size === 0) {
    const who = [...new Set(forStep.map((t) => ACTOR_LABELS[t.actor]))].join("或");
    const selfReview = forStep.some((t) => t.actor === "DEPARTMENT_REVIEWER" || t.actor === "FINANCE_REVIEWER") && isAccountantOf(viewer, budget.unitId);
    return {
      ok: false,
      code: "FORBIDDEN",
      reason: selfReview ? `不能审核本人填报单位的预算（${label}）。` : `只有${who}可以${label}。`,
    };
  }
  const inState = forStep.filter((t) => t.from === budget.status);
  if (inState.length === 0) {
    return { ok: false, code: "CONFLICT", reason: `预算当前状态为“${BUDGET_STATUS_LABELS[budget.status]}”，不能${label}。` };
  }
  const mine = inState.filter((t) => ownActors.has(t.actor));
  if (mine.length === 0) {
    const who = [...new Set(inState.map((t) => ACTOR_LABELS[t.actor]))].join("或");
    return { ok: false, code: "FORBIDDEN", reason: `预算当前处于“${BUDGET_STATUS_LABELS[budget.status]}”阶段，只有${who}可以${label}。` };
  }
  for (const transition of mine) {
    const refusal = transition.unless?.(budget, viewer) ?? null;
    if (refusal === null) return { ok: true, to: transition.to };
    if (transition === mine.at(-1)) {
      return typeof refusal === "string" ? { ok: false, code: "CONFLICT", reason: refusal } : { ok: false, ...refusal };
    }
  }
  return { ok: false, code: "CONFLICT", reason: `不能${label}。` };
}

/** The steps `viewer` may take on `budget` now, in workflow order: the buttons a screen shows. */
export function availableSteps(viewer: Viewer | null, budget: WorkflowBudget): WorkflowStep[] {
  return WORKFLOW_STEPS.filter((step) => decide(viewer, budget, step).ok);
}

/**
 * The statuses a step may start from, whoever takes it: for code that checks the state without
 * a viewer (the publication of a version the use case already authorized, the demo seed).
 */
export function statusesAllowing(step: WorkflowStep): BudgetStatus[] {
  return [...new Set(TRANSITIONS.filter((t) => t.step === step).map((t) => t.from))];
}
