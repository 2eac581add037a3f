import { formatChinaDateTime } from "@/components/disclosure/china-time";
import { ActionForm, type WorkflowAction } from "./action-form";
import { anchorLabel, type AnchorContext } from "@/lib/review/anchors";
import type { CommentView } from "@/lib/review/queries";

/** Review comments, each with where it points, who wrote it and when. */
export function CommentList({
  comments,
  context,
  showAnchor = true,
  resolve,
}: {
  comments: readonly CommentView[];
  context: AnchorContext;
  /** off where the list sits next to the table it is about */
  showAnchor?: boolean;
  /** lets the reviewer mark open comments resolved */
  resolve?: { action: WorkflowAction; budgetId: number };
}) {
  return (
    <ul className="space-y-2">
      {comments.map((comment) => (
        <li
          key={comment.id}
          data-comment-id={comment.id}
          className={`rounded border px-3 py-2 ${comment.resolvedAt === null ? "border-amber-400 bg-amber-50" : "border-slate-300 bg-slate-50"}`}
        >
          <p className="flex flex-wrap gap-x-3 text-sm text-slate-700">
            {showAnchor || comment.anchorRow !== null ? (
              <span className="font-medium text-slate-900">{anchorLabel(comment, context)}</span>
            ) : null}
            <span>{comment.authorName}</span>
            <time dateTime={comment.createdAt.toISOString()} className="tabular-nums">
              {formatChinaDateTime(comment.createdAt)}
            </time>
            {comment.resolvedAt !== null && <span>已解决{comment.resolvedByName === null ? "" : `（${comment.resolvedByName}）`}</span>}
          </p>
          <p className="mt-1 whitespace-pre-line">{comment.body}</p>
          {resolve !== undefined && comment.resolvedAt === null && (
            <div className="mt-2 text-sm">
              <ActionForm
                action={resolve.action}
                hidden={{ budgetId: resolve.budgetId, commentId: comment.id }}
                submitLabel="标记已解决"
                pendingLabel="正在标记…"
                tone="secondary"
                label={`将意见“${comment.body.slice(0, 20)}”标记为已解决`}
              />
            </div>
          )}
        </li>
      ))}
    </ul>
  );
}
