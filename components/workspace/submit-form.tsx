"use client";

import { useActionState } from "react";
import { ErrorSummary } from "@/components/ui/error-summary";
import type { ActionResult } from "@/lib/action";

export type SubmitState = ActionResult<{ unitCode: string; year: number }> | null;

export interface WarningToExplain {
  key: string;
  message: string;
}

interface SubmitFormProps {
  unitCode: string;
  year: number;
  lockVersion: number;
  /** why the budget cannot be submitted yet; null when it can */
  blockedReason: string | null;
  warnings: WarningToExplain[];
  /** the server action that submits (app/workspace/budgets/[year]/actions.ts) */
  submitAction: (previous: SubmitState, formData: FormData) => Promise<SubmitState>;
}

/** 报送: a plain form posting to a server action, so it works without JavaScript. */
export function SubmitForm({ unitCode, year, lockVersion, blockedReason, warnings, submitAction }: SubmitFormProps) {
  const [state, formAction, isPending] = useActionState<SubmitState, FormData>(submitAction, null);
  const failure = state !== null && !state.ok ? state : null;

  return (
    <form action={formAction} noValidate className="space-y-4">
      {failure !== null && <ErrorSummary title="报送未成功" message={failure.message} result={failure} />}
      <input type="hidden" name="unitCode" value={unitCode} />
      <input type="hidden" name="year" value={year} />
      <input type="hidden" name="lockVersion" value={lockVersion} />
      {blockedReason === null &&
        warnings.map((warning, index) => {
          const id = `explanation-${index}`;
          const errors = failure?.fieldErrors[warning.key] ?? [];
          return (
            <div key={warning.key}>
              <input type="hidden" name="explanationKey" value={warning.key} />
              <label htmlFor={id} className="mb-1 block font-medium">
                提示说明：{warning.message}
              </label>
              <textarea
                id={id}
                name="explanation"
                rows={2}
                required
                defaultValue={failure?.values[warning.key] ?? ""}
                aria-invalid={errors.length > 0}
                aria-describedby={errors.length > 0 ? `${id}-error` : undefined}
                className="block w-full rounded border border-slate-400 px-3 py-2 text-base text-slate-900 focus:border-blue-700 focus:outline-2 focus:outline-offset-1 focus:outline-blue-700 aria-[invalid=true]:border-red-700"
              />
              {errors.length > 0 && (
                <p id={`${id}-error`} className="mt-1 text-sm text-red-800">
                  {errors.join(" ")}
                </p>
              )}
            </div>
          );
        })}
      {blockedReason !== null && (
        <p id="submit-blocked" className="text-red-900">
          {blockedReason}
        </p>
      )}
      <button
        type="submit"
        disabled={isPending || blockedReason !== null}
        aria-describedby={blockedReason !== null ? "submit-blocked" : undefined}
        className="rounded bg-blue-800 px-4 py-2.5 font-semibold text-white hover:bg-blue-900 focus:outline-2 focus:outline-offset-2 focus:outline-blue-800 disabled:cursor-not-allowed disabled:bg-slate-500"
      >
        {isPending ? "正在报送…" : "报送"}
      </button>
    </form>
  );
}
