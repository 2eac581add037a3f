import type { BudgetHistoryEntry } from "@/lib/audit/budget-history";
import { chinaDateTime } from "@/lib/audit/audit-labels";

const KIND_LABELS = { workflow: "流程", edit: "编辑", audit: "操作记录" } as const;

/**
 * 预算历史: who did what to a budget version, when, and with what result (workflow steps and
 * audited actions, refusals included), oldest first. Place it on any page that has loaded the
 * entries with loadBudgetHistory (lib/audit/budget-history.ts).
 */
export function BudgetHistory({ entries, headingLevel = 2 }: { entries: readonly BudgetHistoryEntry[]; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <section aria-labelledby="budget-history-heading">
      <Heading id="budget-history-heading" className="mb-3 text-lg font-semibold">
        预算历史
      </Heading>
      {entries.length === 0 ? (
        <p className="rounded border border-slate-300 bg-slate-50 p-4">暂无记录。</p>
      ) : (
        <div role="region" aria-label="预算历史记录" tabIndex={0} className="overflow-x-auto rounded border border-slate-300 focus:outline-2 focus:outline-blue-800">
          <table className="w-full min-w-[40rem] border-collapse text-sm">
            <thead className="bg-slate-100 text-left">
              <tr>
                <th scope="col" className="px-3 py-2 font-semibold whitespace-nowrap">时间（北京时间）</th>
                <th scope="col" className="px-3 py-2 font-semibold whitespace-nowrap">操作人</th>
                <th scope="col" className="px-3 py-2 font-semibold whitespace-nowrap">操作</th>
                <th scope="col" className="px-3 py-2 font-semibold whitespace-nowrap">结果</th>
                <th scope="col" className="px-3 py-2 font-semibold">说明</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-200">
              {entries.map((entry) => (
                <tr key={entry.key} className="align-top">
                  <td className="px-3 py-2 font-mono whitespace-nowrap tabular-nums">{chinaDateTime(entry.at)}</td>
                  <td className="px-3 py-2">{entry.who}</td>
                  <td className="px-3 py-2 whitespace-nowrap">
                    {entry.what}
                    <span className="ml-1 text-xs text-slate-600">（{KIND_LABELS[entry.kind]}）</span>
                  </td>
                  <td className={`px-3 py-2 whitespace-nowrap ${entry.isSuccess ? "text-slate-900" : "font-medium text-red-800"}`}>{entry.result}</td>
                  <td className="px-3 py-2 whitespace-pre-line">{entry.note ?? ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
