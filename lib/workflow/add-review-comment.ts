import { AppError } from "@/lib/app-error";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import { canCommentOnBudget, type Viewer } from "@/lib/auth/policies";
import type { DbClient } from "@/lib/budgets/db-client";
import { loadWorkflowTarget, requireText, requireViewer, runWorkflowUseCase, targetDetails, type WorkflowRequest } from "./workflow-access";

export interface AddReviewCommentInput extends WorkflowRequest {
  /** 表 number 1–9; omitted for a comment on the narrative or the whole budget */
  anchorTable?: number | null;
  /** row key within the table (a classification code, a project code …) */
  anchorRow?: string | null;
  /** narrative or form section, e.g. "narrative.operatingFundsUse" */
  anchorSection?: string | null;
  body: string;
  /** the comment this one replies to (same budget) */
  parentId?: number | null;
}

export interface AddedReviewComment {
  commentId: number;
  budgetId: number;
  createdAt: Date;
}

export const COMMENT_BODY_LIMIT = 2000;
const ANCHOR_LIMIT = 200;

/**
 * 审核意见: the reviewer of the stage the budget is in comments on a table row, a section or the
 * whole budget; on a returned budget the unit's accountant may reply. Comments do not change the
 * budget's status or lockVersion; each one is audited (budget.comment).
 */
export function addReviewComment(
  db: DbClient,
  viewer: Viewer | null,
  request: AddReviewCommentInput,
  now: Date = new Date(),
): Promise<AddedReviewComment> {
  return runWorkflowUseCase(db, viewer, request, { action: "budget.comment" }, async (tx) => {
    const actor = requireViewer(viewer);
    const target = await loadWorkflowTarget(tx, actor, request.budgetId);
    if (!canCommentOnBudget(actor, target)) {
      throw new AppError(
        "FORBIDDEN",
        "只有当前审核环节的审核人可以填写审核意见；预算退回后，本单位的填报人可以回复。",
      );
    }
    const body = requireText(request.body, "body", "审核意见", COMMENT_BODY_LIMIT);
    const anchorTable = request.anchorTable ?? null;
    if (anchorTable !== null && !(Number.isInteger(anchorTable) && anchorTable >= 1 && anchorTable <= 9)) {
      throw new AppError("INVALID_INPUT", "表号应为 1 到 9。", { anchorTable: ["表号应为 1 到 9"] });
    }
    const anchorRow = optionalAnchor(request.anchorRow, "anchorRow");
    const anchorSection = optionalAnchor(request.anchorSection, "anchorSection");
    const parentId = request.parentId ?? null;
    if (parentId !== null) {
      const parent = await tx.reviewComment.findFirst({ where: { id: parentId, budgetId: target.id }, select: { id: true } });
      if (parent === null) throw new AppError("INVALID_INPUT", "要回复的审核意见不存在。", { parentId: ["要回复的审核意见不存在"] });
    }
    const comment = await tx.reviewComment.create({
      data: { budgetId: target.id, anchorTable, anchorRow, anchorSection, body, authorId: actor.userId, parentId, createdAt: now },
      select: { id: true },
    });
    await writeAuditEvent(tx, {
      action: "budget.comment",
      result: "SUCCESS",
      userId: actor.userId,
      objectType: "budget",
      objectId: String(target.id),
      clientAddress: request.clientAddress ?? null,
      details: { ...targetDetails(target), status: target.status, commentId: comment.id, anchorTable, anchorRow, anchorSection, parentId },
    });
    return { commentId: comment.id, budgetId: target.id, createdAt: now };
  });
}

function optionalAnchor(value: string | null | undefined, field: string): string | null {
  const text = value?.trim() ?? "";
  if (text === "") return null;
  if (text.length > ANCHOR_LIMIT) throw new AppError("INVALID_INPUT", "批注位置无效。", { [field]: ["批注位置无效"] });
  return text;
}
