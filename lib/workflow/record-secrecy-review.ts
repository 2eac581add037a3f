import type { Viewer } from "@/lib/auth/policies";
import type { DbClient } from "@/lib/budgets/db-client";
import { assertStep, loadWorkflowTarget, requireText, requireViewer, runWorkflowUseCase, writeTransition, type WorkflowRequest } from "./workflow-access";

export interface RecordSecrecyReviewInput extends WorkflowRequest {
  /** what the reviewer checked, e.g. 已核对项目名称与政府采购明细，不含涉密信息 */
  statement: string;
}

export const SECRECY_STATEMENT_LIMIT = 200;

/**
 * 保密审查: the person who reviewed the approved budget for secrets before publication records it
 * with a short statement: the unit's accountant or head, but not the one who submitted it when the
 * unit has another account (the state machine's secrecyReviewBarredUserId). The status stays
 * APPROVED; sign-off needs this first.
 */
export function recordSecrecyReview(
  db: DbClient,
  viewer: Viewer | null,
  request: RecordSecrecyReviewInput,
  now: Date = new Date(),
): Promise<{ budgetId: number; secrecyReviewedAt: Date; statement: string }> {
  return runWorkflowUseCase(db, viewer, request, { action: "budget.secrecy_review" }, async (tx) => {
    const actor = requireViewer(viewer);
    const target = await loadWorkflowTarget(tx, actor, request.budgetId);
    const to = assertStep(actor, target, "RECORD_SECRECY_REVIEW");
    const statement = requireText(request.statement, "statement", "保密审查说明", SECRECY_STATEMENT_LIMIT);
    await writeTransition(tx, target, {
      action: "RECORD_SECRECY_REVIEW",
      to,
      viewer: actor,
      now,
      comment: statement,
      data: { secrecyReviewedAt: now, secrecyReviewedById: actor.userId, secrecyStatement: statement },
      audit: { action: "budget.secrecy_review", clientAddress: request.clientAddress, details: { statement } },
    });
    return { budgetId: target.id, secrecyReviewedAt: now, statement };
  });
}
