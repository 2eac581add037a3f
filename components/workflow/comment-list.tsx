import { formatChinaDateTime } from "@/components/disclosure/china-time";
import { anchorLabel, type AnchorContext } from "@/lib/review/anchors";
import type { CommentView } from "@/lib/review/queries";

/** Review comments, each with where it points, who wrote it and when. */
export function CommentList({
  comments,
  context,
  showAnchor = true,
}: {
  comments: readonly CommentView[];
  context: AnchorContext;
  /** off where the list sits next to the table it is about */
  showAnchor?: boolean;
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
        </li>
      ))}
    </ul>
  );
}
