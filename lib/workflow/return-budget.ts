import { AppError } from "@/lib/app-error";
import type { Viewer } from "@/lib/auth/policies";
import type { DbClient, DbReader } from "@/lib/budgets/db-client";
import { COMMENT_BODY_LIMIT } from "./add-review-comment";
import {
  assertStep,
  loadWorkflowTarget,
  requireViewer,
  runWorkflowUseCase,
  writeTransition,
  type WorkflowRequest,
} from "./workflow-access";

export interface ReturnBudgetInput extends WorkflowRequest {
  /** 退回意见; required when no comment of this review round is open */
  message?: string | null;
}

export interface ReturnedBudget {
  budgetId: number;
  /** the open comments of this round the accountant is asked to address (including one made from the message) */
  openComments: number;
}

export const RETURN_NEEDS_COMMENT = "退回前请至少写一条审核意见，说明需要修改的地方。";

/**
 * 退回: the reviewer of the current stage hands the budget back to the unit for changes. Needs at
 * least one comment: an open (unresolved) comment made in this review round (since the last
 * submission), or the message. A message always becomes a comment on the whole budget, which the
 * unit reads beside the row comments and can answer; it is also the RETURN event's comment.
 */
export function returnBudget(db: DbClient, viewer: Viewer | null, request: ReturnBudgetInput, now: Date = new Date()): Promise<ReturnedBudget> {
  return runWorkflowUseCase(db, viewer, request, { action: "budget.return" }, async (tx) => {
    const actor = requireViewer(viewer);
    const target = await loadWorkflowTarget(tx, actor, request.budgetId);
    const to = assertStep(actor, target, "RETURN");
    const message = request.message?.trim() ?? "";
    if (message.length > COMMENT_BODY_LIMIT) {
      throw new AppError("INVALID_INPUT", `退回意见过长：最多${COMMENT_BODY_LIMIT}个字。`, { message: [`最多${COMMENT_BODY_LIMIT}个字`] });
    }
    let openComments = await countOpenCommentsOfRound(tx, target.id);
    if (openComments === 0 && message === "") throw new AppError("INVALID_INPUT", RETURN_NEEDS_COMMENT, { message: [RETURN_NEEDS_COMMENT] });
    // The message reaches the unit where it reads the row comments: as a comment on the whole budget.
    if (message !== "") {
      await tx.reviewComment.create({ data: { budgetId: target.id, body: message, authorId: actor.userId, createdAt: now } });
      openComments += 1;
    }
    await writeTransition(tx, target, {
      action: "RETURN",
      to,
      viewer: actor,
      now,
      comment: message === "" ? null : message,
      audit: { action: "budget.return", clientAddress: request.clientAddress, details: { openComments } },
    });
    return { budgetId: target.id, openComments };
  });
}

/** Unresolved comments written since the budget was last submitted (this review round). */
export async function countOpenCommentsOfRound(tx: DbReader, budgetId: number): Promise<number> {
  const lastSubmit = await tx.budgetEvent.findFirst({
    where: { budgetId, action: "SUBMIT" },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    select: { at: true },
  });
  return tx.reviewComment.count({
    where: { budgetId, resolvedAt: null, ...(lastSubmit === null ? {} : { createdAt: { gte: lastSubmit.at } }) },
  });
}
