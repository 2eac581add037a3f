import { formatChinaDateTime } from "@/components/disclosure/china-time";
import { anchorLabel, type AnchorContext } from "@/lib/review/anchors";
import type { CommentView } from "@/lib/review/queries";
import { ActionForm, type WorkflowAction } from "./action-form";

function Byline({ comment }: { comment: CommentView }) {
  return (
    <>
      <span>{comment.authorName}</span>
      <time dateTime={comment.createdAt.toISOString()} className="tabular-nums">
        {formatChinaDateTime(comment.createdAt)}
      </time>
    </>
  );
}

/**
 * Review comments, each with where it points, who wrote it and when, and the replies under it.
 * Replies (the unit's answers on a returned budget) are listed with the comment they answer.
 */
export function CommentList({
  comments,
  context,
  showAnchor = true,
  resolve,
  reply,
}: {
  comments: readonly CommentView[];
  context: AnchorContext;
  /** off where the list sits next to the table it is about */
  showAnchor?: boolean;
  /** lets the reviewer mark open comments resolved */
  resolve?: { action: WorkflowAction; budgetId: number };
  /** lets the unit's accountant answer a comment on a returned budget */
  reply?: { action: WorkflowAction; budgetId: number };
}) {
  const ids = new Set(comments.map((c) => c.id));
  const topLevel = comments.filter((c) => c.parentId === null || !ids.has(c.parentId));
  const repliesTo = (id: number) => comments.filter((c) => c.parentId === id);
  return (
    <ul className="space-y-2">
      {topLevel.map((comment) => {
        const replies = repliesTo(comment.id);
        const excerpt = comment.body.slice(0, 20);
        return (
          <li
            key={comment.id}
            data-comment-id={comment.id}
            className={`rounded border px-3 py-2 ${comment.resolvedAt === null ? "border-amber-400 bg-amber-50" : "border-slate-300 bg-slate-50"}`}
          >
            <p className="flex flex-wrap gap-x-3 text-sm text-slate-700">
              {showAnchor || comment.anchorRow !== null ? (
                <span className="font-medium text-slate-900">{anchorLabel(comment, context)}</span>
              ) : null}
              <Byline comment={comment} />
              {comment.resolvedAt !== null && <span>已解决{comment.resolvedByName === null ? "" : `（${comment.resolvedByName}）`}</span>}
            </p>
            <p className="mt-1 whitespace-pre-line">{comment.body}</p>
            {replies.length > 0 && (
              <ul className="mt-2 space-y-1 border-l-4 border-slate-300 pl-3" aria-label={`对意见“${excerpt}”的回复`}>
                {replies.map((answer) => (
                  <li key={answer.id} data-comment-id={answer.id}>
                    <p className="flex flex-wrap gap-x-3 text-sm text-slate-700">
                      <span className="font-medium text-slate-900">回复</span>
                      <Byline comment={answer} />
                    </p>
                    <p className="whitespace-pre-line">{answer.body}</p>
                  </li>
                ))}
              </ul>
            )}
            {resolve !== undefined && comment.resolvedAt === null && (
              <div className="mt-2 text-sm">
                <ActionForm
                  action={resolve.action}
                  hidden={{ budgetId: resolve.budgetId, commentId: comment.id }}
                  submitLabel="标记已解决"
                  pendingLabel="正在标记…"
                  tone="secondary"
                  label={`将意见“${excerpt}”标记为已解决`}
                />
              </div>
            )}
            {reply !== undefined && (
              <details className="mt-2">
                <summary className="cursor-pointer text-sm font-medium text-blue-900">回复此意见</summary>
                <div className="mt-2">
                  <ActionForm
                    action={reply.action}
                    hidden={{
                      budgetId: reply.budgetId,
                      parentId: comment.id,
                      anchorTable: comment.anchorTable ?? "",
                      anchorRow: comment.anchorRow ?? "",
                      anchorSection: comment.anchorSection ?? "",
                    }}
                    submitLabel="回复"
                    pendingLabel="正在回复…"
                    tone="secondary"
                    label={`回复意见“${excerpt}”`}
                  >
                    <label htmlFor={`reply-${comment.id}`} className="mb-1 block text-sm font-medium">
                      回复内容
                    </label>
                    <textarea
                      id={`reply-${comment.id}`}
                      name="body"
                      rows={2}
                      required
                      maxLength={2000}
                      className="block w-full rounded border border-slate-400 bg-white px-3 py-2 text-base focus:border-blue-700 focus:outline-2 focus:outline-offset-1 focus:outline-blue-700"
                    />
                  </ActionForm>
                </div>
              </details>
            )}
          </li>
        );
      })}
    </ul>
  );
}
