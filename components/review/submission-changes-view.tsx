import { formatChinaDateTime } from "@/components/disclosure/china-time";
import type { ChangesSinceSubmission } from "@/lib/review/queries";
import { signedWan } from "./figures";

/** What the unit changed since its previous submission, one row per field: old → new. */
export function SubmissionChangesView({ changes, isCorrection = false }: { changes: ChangesSinceSubmission; isCorrection?: boolean }) {
  return (
    <section aria-labelledby="changes-heading" className="mb-8">
      <h2 id="changes-heading" className="mb-1 text-lg font-semibold">
        本次报送的修改
      </h2>
      {changes.previousSubmittedAt === null ? (
        <p className="text-slate-700">
          {isCorrection ? "这是本更正版本的首次报送；与已公开版本的对比见上。" : "这是本预算的首次报送，没有可对比的上次报送。"}
        </p>
      ) : changes.changes.length === 0 ? (
        <p className="text-slate-700">
          与上次报送（{formatChinaDateTime(changes.previousSubmittedAt)}）相比，没有修改。
        </p>
      ) : (
        <>
          <p className="mb-3 text-sm text-slate-700">
            上次报送：{formatChinaDateTime(changes.previousSubmittedAt)}；本次报送：
            {changes.latestSubmittedAt === null ? "—" : formatChinaDateTime(changes.latestSubmittedAt)}。共 {changes.changes.length} 处修改。
          </p>
          <div className="overflow-x-auto" role="region" aria-label="修改明细（可横向滚动）" tabIndex={0}>
            <table className="w-full border-collapse text-sm">
              <caption className="sr-only">修改明细</caption>
              <thead className="bg-slate-100">
                <tr>
                  <th scope="col" className="px-2 py-1.5 sm:px-3 text-left">内容</th>
                  <th scope="col" className="px-2 py-1.5 sm:px-3 text-right">原值</th>
                  <th scope="col" className="px-2 py-1.5 sm:px-3 text-right">新值</th>
                  <th scope="col" className="px-2 py-1.5 sm:px-3 text-right">增减（万元）</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-200">
                {changes.changes.map((change) => (
                  <tr key={change.path} data-path={change.path}>
                    <th scope="row" className="px-2 py-1.5 sm:px-3 text-left font-normal">{change.label}</th>
                    <td className="px-2 py-1.5 sm:px-3 text-right tabular-nums whitespace-nowrap">
                      <del className="text-slate-700">{change.oldText}</del>
                    </td>
                    <td className="px-2 py-1.5 sm:px-3 text-right tabular-nums whitespace-nowrap">
                      <ins className="font-medium no-underline">{change.newText}</ins>
                    </td>
                    <td className="px-2 py-1.5 sm:px-3 text-right tabular-nums whitespace-nowrap">{change.deltaFen === null ? "" : signedWan(change.deltaFen)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
