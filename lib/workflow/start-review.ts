import type { Viewer } from "@/lib/auth/policies";
import type { DbClient } from "@/lib/budgets/db-client";
import type { BudgetStatus } from "@/lib/generated/prisma/enums";
import type { WorkflowStep } from "./state-machine";
import { assertStep, loadWorkflowTarget, requireViewer, runWorkflowUseCase, writeTransition, type WorkflowRequest } from "./workflow-access";

export type StartReviewInput = WorkflowRequest;

export interface StartedReview {
  budgetId: number;
  step: Extract<WorkflowStep, "START_DEPARTMENT_REVIEW" | "START_FINANCE_REVIEW">;
  status: BudgetStatus;
}

/**
 * 开始审核: a submitted budget goes to its department's review when the department has one,
 * otherwise straight to the finance bureau; from department review, the department reviewer
 * forwards it to finance (转财政审核). Which step it is follows from the budget; who may take it
 * is the state machine's answer.
 */
export function startReview(db: DbClient, viewer: Viewer | null, request: StartReviewInput, now: Date = new Date()): Promise<StartedReview> {
  return runWorkflowUseCase(db, viewer, request, { action: "budget.start_review" }, async (tx) => {
    const actor = requireViewer(viewer);
    const target = await loadWorkflowTarget(tx, actor, request.budgetId);
    const step = target.status === "SUBMITTED" && target.hasDepartmentReview ? "START_DEPARTMENT_REVIEW" : "START_FINANCE_REVIEW";
    const to = assertStep(actor, target, step);
    await writeTransition(tx, target, {
      action: step,
      to,
      viewer: actor,
      now,
      audit: { action: "budget.start_review", clientAddress: request.clientAddress, details: { step } },
    });
    return { budgetId: target.id, step, status: to };
  });
}
