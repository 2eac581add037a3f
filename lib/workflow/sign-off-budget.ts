import type { Viewer } from "@/lib/auth/policies";
import type { DbClient } from "@/lib/budgets/db-client";
import {
  assertStep,
  loadWorkflowTarget,
  requireText,
  requireViewer,
  runWorkflowUseCase,
  writeTransition,
  type WorkflowRequest,
} from "./workflow-access";

export interface SignOffBudgetInput extends WorkflowRequest {
  /** the name of the head of the unit (负责人) who signed, often on paper */
  signerName: string;
}

export const SIGNER_NAME_LIMIT = 50;

/**
 * 负责人审签: the unit's accountant records that the head of the unit signed the approved budget
 * for publication: the signer's name, who recorded it and when. Needs the secrecy review first.
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
    const signerName = requireText(request.signerName, "signerName", "审签负责人姓名", SIGNER_NAME_LIMIT);
    await writeTransition(tx, target, {
      action: "SIGN_OFF",
      to,
      viewer: actor,
      now,
      comment: signerName,
      data: { headSignedAt: now, headSignedById: actor.userId, headSignerName: signerName },
      audit: { action: "budget.sign_off", clientAddress: request.clientAddress, details: { signerName } },
    });
    return { budgetId: target.id, headSignedAt: now, signerName };
  });
}
