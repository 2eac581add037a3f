import { formatChinaDateTime } from "@/components/disclosure/china-time";
import { groupChangedRows, type ChangedRow } from "@/lib/disclosure/table-diff";
import type { PublishedChanges } from "@/lib/review/queries";
import { signedWan, wan } from "./figures";

const CELL = "px-2 py-1.5 sm:px-3";

function ChangedRowsTable({ rows, caption }: { rows: readonly ChangedRow[]; caption: string }) {
  return (
    <div className="overflow-x-auto" role="region" aria-label={`${caption}（可横向滚动）`} tabIndex={0}>
      <table className="w-full border-collapse text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-100">
          <tr>
            <th scope="col" className={`${CELL} text-left`}>表</th>
            <th scope="col" className={`${CELL} text-left`}>项目</th>
            <th scope="col" className={`${CELL} text-left`}>栏目</th>
            <th scope="col" className={`${CELL} text-right`}>已公开（万元）</th>
            <th scope="col" className={`${CELL} text-right`}>更正后（万元）</th>
            <th scope="col" className={`${CELL} text-right`}>增减</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200">
          {rows.map((row) => (
            <tr key={`${row.table}|${row.rowKey}|${row.columns.join()}`}>
              <td className={`${CELL} whitespace-nowrap`}>表{row.table}</td>
              <th scope="row" className={`${CELL} text-left font-normal`}>{row.rowLabel}</th>
              <td className={CELL}>{row.columns.join("、")}</td>
              <td className={`${CELL} text-right tabular-nums whitespace-nowrap`}>
                <del className="text-slate-700">{row.oldFen === null ? "无此行" : wan(row.oldFen)}</del>
              </td>
              <td className={`${CELL} text-right tabular-nums whitespace-nowrap`}>
                <ins className="font-medium no-underline">{row.newFen === null ? "无此行" : wan(row.newFen)}</ins>
              </td>
              <td className={`${CELL} text-right tabular-nums whitespace-nowrap`}>{signedWan((row.newFen ?? 0) - (row.oldFen ?? 0))}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * A correction's figures against the published version it corrects, row by row: old → new. The
 * rows that were changed come first; the totals, 类 and 款 that moved with them are folded away.
 */
export function PublishedChangesView({ published }: { published: PublishedChanges }) {
  const rows = groupChangedRows(published.changes);
  const lines = rows.filter((row) => !row.isSubtotal);
  const subtotals = rows.filter((row) => row.isSubtotal);
  return (
    <section aria-labelledby="published-changes-heading" className="mb-8" data-testid="published-changes">
      <h2 id="published-changes-heading" className="mb-1 text-lg font-semibold">
        与已公开第{published.version}版相比的更正
      </h2>
      <p className="mb-3 text-sm text-slate-700">
        第{published.version}版于 {formatChinaDateTime(published.publishedAt)} 公开。
        {rows.length === 0
          ? "九张表的金额与已公开版本相同。"
          : `更正了 ${lines.length} 行，合计、类、款随之变动 ${subtotals.length} 行；公开后，这些数字会列在更正说明中。`}
      </p>
      {lines.length > 0 && <ChangedRowsTable rows={lines} caption="更正的行" />}
      {subtotals.length > 0 && (
        <details className="mt-3">
          <summary className="cursor-pointer font-medium text-blue-800">随之变动的合计、类、款（{subtotals.length} 行）</summary>
          <div className="mt-2">
            <ChangedRowsTable rows={subtotals} caption="随之变动的合计、类、款" />
          </div>
        </details>
      )}
    </section>
  );
}
