import { AppError } from "@/lib/app-error";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import { canResolveReviewComment, type Viewer } from "@/lib/auth/policies";
import { auditingRefusals } from "@/lib/budgets/budget-access";
import type { DbClient } from "@/lib/budgets/db-client";
import { CONFLICT_MESSAGE, loadWorkflowTarget, requireViewer, targetDetails } from "./workflow-access";

export interface ResolveReviewCommentInput {
  commentId: number;
  clientAddress?: string | null;
}

export interface ResolvedReviewComment {
  commentId: number;
  budgetId: number;
  resolvedAt: Date;
}

const COMMENT_NOT_FOUND = "未找到该审核意见，或您无权查看。";

/**
 * Marks a review comment resolved (已解决): the reviewer of the stage the budget is in, typically
 * after the resubmitted budget shows the fix. Once only; audited as budget.comment_resolve.
 */
export function resolveReviewComment(
  db: DbClient,
  viewer: Viewer | null,
  request: ResolveReviewCommentInput,
  now: Date = new Date(),
): Promise<ResolvedReviewComment> {
  return auditingRefusals(
    db,
    viewer,
    {
      action: "budget.comment_resolve",
      details: { commentId: request.commentId },
      clientAddress: request.clientAddress ?? null,
    },
    () =>
      db.$transaction(async (tx) => {
        const actor = requireViewer(viewer);
        const comment = Number.isSafeInteger(request.commentId)
          ? await tx.reviewComment.findUnique({ where: { id: request.commentId }, select: { id: true, budgetId: true, resolvedAt: true } })
          : null;
        if (comment === null) throw new AppError("NOT_FOUND", COMMENT_NOT_FOUND);
        const target = await loadWorkflowTarget(tx, actor, comment.budgetId);
        if (!canResolveReviewComment(actor, target)) {
          throw new AppError("FORBIDDEN", "只有当前审核环节的审核人可以把审核意见标记为已解决。");
        }
        if (comment.resolvedAt !== null) throw new AppError("CONFLICT", "该审核意见已标记为已解决。");
        const { count } = await tx.reviewComment.updateMany({
          where: { id: comment.id, resolvedAt: null },
          data: { resolvedAt: now, resolvedById: actor.userId },
        });
        if (count !== 1) throw new AppError("CONFLICT", CONFLICT_MESSAGE);
        await writeAuditEvent(tx, {
          action: "budget.comment_resolve",
          result: "SUCCESS",
          userId: actor.userId,
          objectType: "budget",
          objectId: String(target.id),
          clientAddress: request.clientAddress ?? null,
          details: { ...targetDetails(target), commentId: comment.id },
        });
        return { commentId: comment.id, budgetId: target.id, resolvedAt: now };
      }),
  );
}
