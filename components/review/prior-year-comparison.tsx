import type { ComparedFigure, PriorYearComparison } from "@/lib/review/comparison";
import { ChangeText, wan } from "./figures";

function FigureTable({ caption, figures, firstColumn }: { caption: string; figures: readonly ComparedFigure[]; firstColumn: string }) {
  return (
    <div className="mb-4 overflow-x-auto" role="region" aria-label={`${caption}（可横向滚动）`} tabIndex={0}>
      <table className="w-full border-collapse text-sm">
        <caption className="mb-1 text-left font-semibold">{caption}</caption>
        <thead className="bg-slate-100">
          <tr>
            <th scope="col" className="px-2 py-1.5 sm:px-3 text-left">{firstColumn}</th>
            <th scope="col" className="px-2 py-1.5 sm:px-3 text-right">本年</th>
            <th scope="col" className="px-2 py-1.5 sm:px-3 text-right">上年</th>
            <th scope="col" className="px-2 py-1.5 sm:px-3 text-right">增减</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200">
          {figures.map((figure) => (
            <tr key={figure.key}>
              <th scope="row" className="px-2 py-1.5 sm:px-3 text-left font-normal">{figure.label}</th>
              <td className="px-2 py-1.5 sm:px-3 text-right tabular-nums whitespace-nowrap">{wan(figure.current)}</td>
              <td className="px-2 py-1.5 sm:px-3 text-right tabular-nums whitespace-nowrap">{figure.prior === null ? "—" : wan(figure.prior)}</td>
              <td className="px-2 py-1.5 sm:px-3 text-right tabular-nums whitespace-nowrap">
                <ChangeText figure={figure} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** This year's key figures and tables 1 and 3 next to last year's, in 万元. */
export function PriorYearComparisonView({ comparison }: { comparison: PriorYearComparison }) {
  return (
    <section aria-labelledby="prior-year-heading" className="mb-8">
      <h2 id="prior-year-heading" className="mb-1 text-lg font-semibold">
        与上年对比
      </h2>
      {comparison.source === "none" ? (
        <p className="text-slate-700">没有{comparison.priorYear}年的预算数据，无法对比。</p>
      ) : (
        <>
          <p className="mb-3 text-sm text-slate-700">
            {comparison.source === "budget"
              ? `上年数取自本单位${comparison.priorYear}年已批复的预算（第${comparison.priorVersion}版）。`
              : `系统中没有本单位${comparison.priorYear}年的预算，上年数为本预算填报的上年预算数。`}
            金额单位：万元。
          </p>
          <FigureTable caption="主要指标" figures={comparison.totals} firstColumn="指标" />
          {comparison.table1.length > 0 && <FigureTable caption="表1 单位预算收支总表" figures={comparison.table1} firstColumn="项目" />}
          {comparison.table3.length > 0 && <FigureTable caption="表3 单位预算支出总表（合计）" figures={comparison.table3} firstColumn="科目" />}
        </>
      )}
    </section>
  );
}
