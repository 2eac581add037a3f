import { formatChinaDateTime } from "@/components/disclosure/china-time";
import type { PublishedChanges } from "@/lib/review/queries";
import { signedWan, wan } from "./figures";

/** A correction's figures against the published version it corrects, row by row: old → new. */
export function PublishedChangesView({ published }: { published: PublishedChanges }) {
  const { changes } = published;
  return (
    <section aria-labelledby="published-changes-heading" className="mb-8" data-testid="published-changes">
      <h2 id="published-changes-heading" className="mb-1 text-lg font-semibold">
        与已公开第{published.version}版相比的更正
      </h2>
      <p className="mb-3 text-sm text-slate-700">
        第{published.version}版于 {formatChinaDateTime(published.publishedAt)} 公开。
        {changes.length === 0 ? "九张表的金额与已公开版本相同。" : `九张表中共 ${changes.length} 个数字不同；公开后，这些数字会列在更正说明中。`}
      </p>
      {changes.length > 0 && (
        <div className="overflow-x-auto" role="region" aria-label="与已公开版本相比的更正（可横向滚动）" tabIndex={0}>
          <table className="w-full border-collapse text-sm">
            <caption className="sr-only">与已公开版本相比的更正</caption>
            <thead className="bg-slate-100">
              <tr>
                <th scope="col" className="px-2 py-1.5 text-left sm:px-3">表</th>
                <th scope="col" className="px-2 py-1.5 text-left sm:px-3">项目</th>
                <th scope="col" className="px-2 py-1.5 text-left sm:px-3">栏目</th>
                <th scope="col" className="px-2 py-1.5 text-right sm:px-3">已公开（万元）</th>
                <th scope="col" className="px-2 py-1.5 text-right sm:px-3">更正后（万元）</th>
                <th scope="col" className="px-2 py-1.5 text-right sm:px-3">增减</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-200">
              {changes.map((change) => (
                <tr key={`${change.table}|${change.rowKey}|${change.columnLabel}`}>
                  <td className="px-2 py-1.5 whitespace-nowrap sm:px-3">表{change.table}</td>
                  <th scope="row" className="px-2 py-1.5 text-left font-normal sm:px-3">{change.rowLabel}</th>
                  <td className="px-2 py-1.5 sm:px-3">{change.columnLabel}</td>
                  <td className="px-2 py-1.5 text-right tabular-nums whitespace-nowrap sm:px-3">
                    <del className="text-slate-700">{change.oldFen === null ? "无此行" : wan(change.oldFen)}</del>
                  </td>
                  <td className="px-2 py-1.5 text-right tabular-nums whitespace-nowrap sm:px-3">
                    <ins className="font-medium no-underline">{change.newFen === null ? "无此行" : wan(change.newFen)}</ins>
                  </td>
                  <td className="px-2 py-1.5 text-right tabular-nums whitespace-nowrap sm:px-3">{signedWan((change.newFen ?? 0) - (change.oldFen ?? 0))}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
