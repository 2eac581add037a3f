import type { Viewer } from "@/lib/auth/policies";
import type { DbClient } from "@/lib/budgets/db-client";
import { assertStep, loadWorkflowTarget, requireViewer, runWorkflowUseCase, writeTransition, type WorkflowRequest } from "./workflow-access";

export type SignOffBudgetInput = WorkflowRequest;

/**
 * 负责人审签: the unit's head (单位负责人), signed in with their own account, signs the approved
 * and secrecy-reviewed budget off for publication. The signer is the account, never a typed name.
 */
export function signOffBudget(
  db: DbClient,
  viewer: Viewer | null,
  request: SignOffBudgetInput,
  now: Date = new Date(),
): Promise<{ budgetId: number; headSignedAt: Date; signerName: string }> {
  return runWorkflowUseCase(db, viewer, request, { action: "budget.sign_off" }, async (tx) => {
    const actor = requireViewer(viewer);
    const target = await loadWorkflowTarget(tx, actor, request.budgetId);
    const to = assertStep(actor, target, "SIGN_OFF");
    const { name: signerName } = await tx.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { name: true } });
    await writeTransition(tx, target, {
      action: "SIGN_OFF",
      to,
      viewer: actor,
      now,
      comment: signerName,
      data: { headSignedAt: now, headSignedById: actor.userId, headSignerName: signerName },
      audit: { action: "budget.sign_off", clientAddress: request.clientAddress, details: { signerName, method: "account" } },
    });
    return { budgetId: target.id, headSignedAt: now, signerName };
  });
}
