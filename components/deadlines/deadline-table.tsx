import { BUDGET_STATUS_LABELS } from "@/lib/budgets/status-labels";
import type { DeadlineRow } from "@/lib/deadlines/queries";
import { chinaDate, DEADLINE_STATUS_LABELS, type DeadlineStatus } from "@/lib/deadlines/publication-deadline";

const BADGE: Record<DeadlineStatus, string> = {
  OVERDUE: "border-red-700 bg-red-50 text-red-900",
  PENDING: "border-amber-600 bg-amber-50 text-amber-900",
  NOT_SUBMITTED: "border-slate-500 bg-slate-50 text-slate-800",
  IN_REVIEW: "border-blue-700 bg-blue-50 text-blue-900",
  PUBLISHED_LATE: "border-orange-700 bg-orange-50 text-orange-900",
  PUBLISHED_ON_TIME: "border-green-700 bg-green-50 text-green-900",
};

function dateText(instant: Date | null): string {
  return instant === null ? "—" : chinaDate(instant);
}

function detail(row: DeadlineRow): string | null {
  const a = row.assessment;
  switch (a.status) {
    case "PENDING":
      return a.daysLeft === 0 ? `今日截止（${a.dueDate}）` : `剩 ${a.daysLeft} 天（截止 ${a.dueDate}）`;
    case "OVERDUE":
      return `已逾期 ${a.daysLate} 天（截止 ${a.dueDate}）`;
    case "PUBLISHED_LATE":
      return `晚 ${a.daysLate} 天（截止 ${a.dueDate}）`;
    case "PUBLISHED_ON_TIME":
      return `截止 ${a.dueDate}`;
    default:
      return null;
  }
}

/**
 * The deadline table, with the unit and its deadline state first (what a phone shows without scrolling). It scrolls sideways inside its own box (keyboard-focusable), so the page
 * itself never scrolls sideways on a phone.
 */
export function DeadlineTable({ rows, caption }: { rows: readonly DeadlineRow[]; caption: string }) {
  if (rows.length === 0) {
    return <p className="rounded border border-slate-300 bg-slate-50 p-4">没有符合条件的单位。</p>;
  }
  return (
    <div role="region" aria-label={caption} tabIndex={0} className="overflow-x-auto rounded border border-slate-300 focus:outline-2 focus:outline-blue-800">
      <table className="w-full min-w-[56rem] border-collapse text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-100 text-left">
          <tr>
            <th scope="col" className="px-3 py-2 font-semibold">单位</th>
            <th scope="col" className="px-3 py-2 font-semibold">公开情况</th>
            <th scope="col" className="px-3 py-2 font-semibold">预算状态</th>
            <th scope="col" className="px-3 py-2 font-semibold whitespace-nowrap">批复日期</th>
            <th scope="col" className="px-3 py-2 font-semibold whitespace-nowrap">公开日期</th>
            <th scope="col" className="px-3 py-2 text-right font-semibold whitespace-nowrap">批复后天数</th>
            <th scope="col" className="px-3 py-2 font-semibold whitespace-nowrap">报送日期</th>
            <th scope="col" className="px-3 py-2 font-semibold">主管部门</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200">
          {rows.map((row) => {
            const a = row.assessment;
            const more = detail(row);
            return (
              <tr key={row.unitCode} className="align-top">
                <th scope="row" className="px-3 py-2 text-left font-normal">
                  <span className="font-mono text-slate-700">{row.unitCode}</span>
                  <span className="block font-medium text-slate-900">{row.unitName}</span>
                </th>
                <td className="px-3 py-2">
                  <span className={`inline-block rounded border px-2 py-0.5 font-medium whitespace-nowrap ${BADGE[a.status]}`}>
                    {DEADLINE_STATUS_LABELS[a.status]}
                  </span>
                  {more !== null && <span className="mt-1 block whitespace-nowrap text-slate-700">{more}</span>}
                </td>
                <td className="px-3 py-2 whitespace-nowrap">
                  {row.budgetStatus === null ? "无预算" : `${BUDGET_STATUS_LABELS[row.budgetStatus]}（第${row.version}版）`}
                </td>
                <td className="px-3 py-2 font-mono whitespace-nowrap tabular-nums">{dateText(a.approvedAt)}</td>
                <td className="px-3 py-2 font-mono whitespace-nowrap tabular-nums">{dateText(a.publishedAt)}</td>
                <td className="px-3 py-2 text-right tabular-nums">{a.daysSinceApproval ?? "—"}</td>
                <td className="px-3 py-2 font-mono whitespace-nowrap tabular-nums">{dateText(row.submittedAt)}</td>
                <td className="px-3 py-2">{row.departmentName}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
