import type { ReviewedFinding } from "@/lib/review/queries";

const SEVERITY = {
  error: { label: "错误", className: "bg-red-100 text-red-900" },
  warning: { label: "提醒", className: "bg-amber-100 text-amber-900" },
} as const;

/** The checker's findings as they stand, each warning with what the accountant wrote when submitting. */
export function ReviewedFindings({ findings }: { findings: readonly ReviewedFinding[] }) {
  return (
    <section aria-labelledby="findings-heading" className="mb-8">
      <h2 id="findings-heading" className="mb-3 text-lg font-semibold">
        一致性检查与单位说明
      </h2>
      {findings.length === 0 ? (
        <p className="rounded border border-green-700 bg-green-50 px-4 py-3 text-green-900">未发现问题</p>
      ) : (
        <ul className="divide-y divide-slate-200 rounded border border-slate-300">
          {findings.map((finding) => (
            <li key={finding.key} className="px-4 py-3">
              <p className="flex gap-2">
                <span className={`shrink-0 self-start rounded px-1.5 text-sm font-semibold ${SEVERITY[finding.severity].className}`}>
                  {SEVERITY[finding.severity].label}
                </span>
                <span>
                  <span className="text-slate-700">{finding.sectionLabel}：</span>
                  {finding.message}
                </span>
              </p>
              {finding.severity === "warning" && (
                <p className="mt-1 ml-10 whitespace-pre-line border-l-4 border-slate-300 pl-3 text-slate-800">
                  <span className="font-medium">单位说明：</span>
                  {finding.explanation ?? "（未说明）"}
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
