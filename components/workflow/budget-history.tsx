import { formatChinaDateTime } from "@/components/disclosure/china-time";
import { BUDGET_STATUS_LABELS } from "@/lib/budgets/status-labels";
import type { HistoryEntry } from "@/lib/review/queries";

export const ACTION_LABELS: Record<HistoryEntry["action"], string> = {
  CREATE: "创建",
  SUBMIT: "报送",
  WITHDRAW: "撤回",
  START_DEPARTMENT_REVIEW: "主管部门开始审核",
  START_FINANCE_REVIEW: "财政开始审核",
  RETURN: "退回",
  APPROVE: "批复",
  RECORD_SECRECY_REVIEW: "保密审查",
  SIGN_OFF: "负责人审签",
  PUBLISH: "公开",
};

function commentLine(entry: HistoryEntry): string | null {
  if (entry.comment === null || entry.comment.trim() === "") return null;
  // A submission's comment holds the warnings' explanations, shown with the findings.
  if (entry.action === "SUBMIT") return `附提醒说明 ${entry.comment.split("\n").filter((l) => /^[A-Z]+\d+/.test(l)).length} 条`;
  return entry.comment;
}

/** 办理记录: who took which workflow step when, oldest first. */
export function BudgetHistory({ entries, headingLevel = 2 }: { entries: readonly HistoryEntry[]; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <section aria-labelledby="history-heading" className="mb-8">
      <Heading id="history-heading" className="mb-3 text-lg font-semibold">
        办理记录
      </Heading>
      {entries.length === 0 ? (
        <p className="text-slate-700">暂无记录。</p>
      ) : (
        <ol className="divide-y divide-slate-200 rounded border border-slate-300">
          {entries.map((entry) => {
            const comment = commentLine(entry);
            return (
              <li key={entry.id} className="px-4 py-2">
                <p className="flex flex-wrap gap-x-3">
                  <time dateTime={entry.at.toISOString()} className="tabular-nums text-slate-700">
                    {formatChinaDateTime(entry.at)}
                  </time>
                  <span className="font-medium">{ACTION_LABELS[entry.action]}</span>
                  <span className="text-slate-700">{entry.actorName ?? "系统"}</span>
                  <span className="text-slate-700">
                    {entry.fromStatus === null ? "" : `${BUDGET_STATUS_LABELS[entry.fromStatus]} → `}
                    {BUDGET_STATUS_LABELS[entry.toStatus]}
                  </span>
                </p>
                {comment !== null && <p className="mt-1 whitespace-pre-line text-slate-800">{comment}</p>}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
