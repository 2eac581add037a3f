import type { Viewer } from "@/lib/auth/policies";
import type { DbClient } from "@/lib/budgets/db-client";
import { assertStep, loadWorkflowTarget, requireViewer, runWorkflowUseCase, writeTransition, type WorkflowRequest } from "./workflow-access";

export type WithdrawBudgetInput = WorkflowRequest;

/** 撤回: the unit's accountant takes a submitted budget back to draft, only before review starts. */
export function withdrawBudget(
  db: DbClient,
  viewer: Viewer | null,
  request: WithdrawBudgetInput,
  now: Date = new Date(),
): Promise<{ budgetId: number }> {
  return runWorkflowUseCase(db, viewer, request, { action: "budget.withdraw" }, async (tx) => {
    const actor = requireViewer(viewer);
    const target = await loadWorkflowTarget(tx, actor, request.budgetId);
    const to = assertStep(actor, target, "WITHDRAW");
    await writeTransition(tx, target, {
      action: "WITHDRAW",
      to,
      viewer: actor,
      now,
      data: { submittedAt: null },
      audit: { action: "budget.withdraw", clientAddress: request.clientAddress },
    });
    return { budgetId: target.id };
  });
}
