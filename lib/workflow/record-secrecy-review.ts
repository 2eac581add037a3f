import type { Viewer } from "@/lib/auth/policies";
import type { DbClient } from "@/lib/budgets/db-client";
import { assertStep, loadWorkflowTarget, requireViewer, runWorkflowUseCase, writeTransition, type WorkflowRequest } from "./workflow-access";

export type RecordSecrecyReviewInput = WorkflowRequest;

/**
 * 保密审查: the unit's accountant records that the approved budget passed the secrecy review
 * before publication (who and when). The status stays APPROVED; sign-off needs this first.
 */
export function recordSecrecyReview(
  db: DbClient,
  viewer: Viewer | null,
  request: RecordSecrecyReviewInput,
  now: Date = new Date(),
): Promise<{ budgetId: number; secrecyReviewedAt: Date }> {
  return runWorkflowUseCase(db, viewer, request, { action: "budget.secrecy_review" }, async (tx) => {
    const actor = requireViewer(viewer);
    const target = await loadWorkflowTarget(tx, actor, request.budgetId);
    const to = assertStep(actor, target, "RECORD_SECRECY_REVIEW");
    await writeTransition(tx, target, {
      action: "RECORD_SECRECY_REVIEW",
      to,
      viewer: actor,
      now,
      data: { secrecyReviewedAt: now, secrecyReviewedById: actor.userId },
      audit: { action: "budget.secrecy_review", clientAddress: request.clientAddress },
    });
    return { budgetId: target.id, secrecyReviewedAt: now };
  });
}
