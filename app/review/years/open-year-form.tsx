"use client";

import { useActionState } from "react";
import { ErrorSummary } from "@/components/ui/error-summary";
import type { MessageActionState } from "@/lib/action";
import { openBudgetYearAction } from "./actions";

const inputClass =
  "block w-full rounded border border-slate-400 bg-white px-3 py-2 text-base text-slate-900 focus:border-blue-700 focus:outline-2 focus:outline-offset-1 focus:outline-blue-700 aria-[invalid=true]:border-red-700";

export interface RevisionChoice {
  id: number;
  label: string;
}

/** Opens (or changes) a budget year of one region: the year, its code book revision, the deadline. */
export function OpenYearForm({ regionId, regionName, defaultYear, revisions }: { regionId: number; regionName: string; defaultYear: number; revisions: RevisionChoice[] }) {
  const [state, formAction, isPending] = useActionState<MessageActionState, FormData>(openBudgetYearAction, null);
  const failure = state !== null && !state.ok ? state : null;
  const values = failure?.values ?? {};
  const errorOf = (name: string) => failure?.fieldErrors[name]?.join(" ") ?? null;
  const prefix = `open-${regionId}`;
  return (
    <form action={formAction} aria-label={`开放${regionName}的预算年度`} className="space-y-4 rounded border border-slate-300 p-4">
      {failure !== null && <ErrorSummary title="未能开放" message={failure.message} result={failure} />}
      {state?.ok === true && (
        <p role="status" className="rounded border-l-4 border-green-700 bg-green-50 px-3 py-2 text-green-900">
          {state.data.message}
        </p>
      )}
      <input type="hidden" name="regionId" value={regionId} />
      <div className="grid gap-4 sm:grid-cols-3">
        {[
          { name: "year", label: "预算年度", input: <input id={`${prefix}-year`} name="year" inputMode="numeric" defaultValue={values.year ?? String(defaultYear)} aria-invalid={errorOf("year") !== null} className={inputClass} /> },
          {
            name: "codeBookRevisionId",
            label: "科目表版本",
            input: (
              <select id={`${prefix}-codeBookRevisionId`} name="codeBookRevisionId" defaultValue={values.codeBookRevisionId ?? String(revisions[0]?.id ?? "")} aria-invalid={errorOf("codeBookRevisionId") !== null} className={inputClass}>
                {revisions.map((r) => (
                  <option key={r.id} value={r.id}>
                    {r.label}
                  </option>
                ))}
              </select>
            ),
          },
          {
            name: "submissionDeadline",
            label: "报送截止日期",
            input: <input id={`${prefix}-submissionDeadline`} name="submissionDeadline" type="date" defaultValue={values.submissionDeadline ?? ""} aria-invalid={errorOf("submissionDeadline") !== null} className={inputClass} />,
          },
        ].map((field) => (
          <div key={field.name}>
            <label htmlFor={`${prefix}-${field.name}`} className="mb-1 block font-medium">
              {field.label}
            </label>
            {field.input}
            {errorOf(field.name) !== null && <p className="mt-1 text-sm text-red-800">{errorOf(field.name)}</p>}
          </div>
        ))}
      </div>
      <button
        type="submit"
        disabled={isPending || revisions.length === 0}
        className="rounded bg-blue-800 px-4 py-2 font-semibold text-white hover:bg-blue-900 focus:outline-2 focus:outline-offset-2 focus:outline-blue-800 disabled:cursor-not-allowed disabled:bg-slate-500"
      >
        {isPending ? "正在保存…" : "开放预算年度"}
      </button>
    </form>
  );
}
