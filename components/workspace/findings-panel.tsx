"use client";

import { findingKey } from "@/lib/budgets/finding-key";
import { groupBySection, type Finding } from "@/lib/disclosure/check";
import type { budgetFromDraft } from "@/lib/entry/draft-budget";
import { findingTarget } from "@/lib/entry/finding-target";
import { fieldId, type InvalidEntry } from "./editor-context";

/** Moves focus to a draft path's field (or the first field under it), else to a section's heading. */
export function focusTarget(path: string | null, section: string): void {
  const exact = path === null ? null : document.getElementById(fieldId(path));
  const under = path === null ? null : document.querySelector<HTMLElement>(`[id^="${CSS.escape(fieldId(`${path}.`))}"]:is(input, select, textarea)`);
  const target = exact ?? under ?? document.getElementById(`heading-${section}`);
  if (target === null) return;
  target.scrollIntoView({ block: "center" });
  target.focus();
}

export function FindingsPanel({
  findings,
  fieldErrors,
  invalidEntries,
  budget,
}: {
  findings: Finding[];
  fieldErrors: Record<string, string[]>;
  invalidEntries: Record<string, InvalidEntry>;
  budget: ReturnType<typeof budgetFromDraft>;
}) {
  const groups = groupBySection(findings).filter((g) => g.findings.length > 0);
  const inputs = [
    ...Object.entries(invalidEntries).map(([path, entry]) => ({ path, message: entry.message })),
    ...Object.entries(fieldErrors).flatMap(([path, messages]) => messages.map((message) => ({ path, message }))),
  ];
  return (
    <section aria-labelledby="findings-heading" className="rounded border border-slate-300 p-3">
      <h2 id="findings-heading" className="mb-2 text-lg font-semibold">
        一致性检查
      </h2>
      <p className="sr-only" aria-live="polite">
        {findings.length === 0 ? "未发现问题" : `发现${findings.length}个问题`}
      </p>
      {inputs.length > 0 && (
        <div className="mb-3">
          <h3 className="mb-1 font-semibold">输入有误</h3>
          <ul className="space-y-1 text-sm">
            {inputs.slice(0, 50).map(({ path, message }) => (
              <li key={`${path}:${message}`}>
                <a
                  href={`#${fieldId(path)}`}
                  onClick={(event) => {
                    event.preventDefault();
                    focusTarget(path, path.split(".")[0] ?? "unit");
                  }}
                  className="text-red-900 underline underline-offset-2"
                >
                  {message}
                </a>
              </li>
            ))}
          </ul>
        </div>
      )}
      {findings.length === 0 && inputs.length === 0 ? (
        <p className="rounded border border-green-700 bg-green-50 px-3 py-2 text-green-900">未发现问题</p>
      ) : (
        <ul className="space-y-3" aria-label="检查发现的问题">
          {groups.map((group) => (
            <li key={group.section}>
              <h3 className="mb-1 font-semibold">{group.label}</h3>
              <ul className="space-y-1.5 text-sm">
                {group.findings.map((finding) => {
                  const target = findingTarget(finding, budget);
                  return (
                    <li key={findingKey(finding)} className="flex gap-2">
                      <span
                        className={
                          finding.severity === "error"
                            ? "h-fit shrink-0 rounded bg-red-100 px-1.5 font-semibold text-red-900"
                            : "h-fit shrink-0 rounded bg-amber-100 px-1.5 font-semibold text-amber-900"
                        }
                      >
                        {finding.severity === "error" ? "错误" : "提醒"}
                      </span>
                      <a
                        href={target.path === null ? `#section-${target.section}` : `#${fieldId(target.path)}`}
                        onClick={(event) => {
                          event.preventDefault();
                          focusTarget(target.path, target.section);
                        }}
                        className="text-slate-900 underline decoration-slate-400 underline-offset-2 hover:decoration-slate-900"
                      >
                        {finding.message}
                      </a>
                    </li>
                  );
                })}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
