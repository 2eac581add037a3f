"use client";

import { useActionState } from "react";
import { ErrorSummary } from "@/components/ui/error-summary";
import { confirmEnrolmentAction, startEnrolmentAction, type EnrolState } from "./actions";

const buttonClass =
  "rounded bg-blue-800 px-4 py-2.5 text-base font-semibold text-white hover:bg-blue-900 focus:outline-2 focus:outline-offset-2 focus:outline-blue-800 disabled:cursor-wait disabled:bg-slate-500";

export function StartEnrolmentForm() {
  const [state, formAction, isPending] = useActionState<EnrolState, FormData>(startEnrolmentAction, null);
  const failure = state !== null && !state.ok ? state : null;
  return (
    <form action={formAction} className="space-y-4">
      {failure !== null && <ErrorSummary title="未能开始设置" message={failure.message} result={failure} />}
      <button type="submit" disabled={isPending} className={buttonClass}>
        {isPending ? "正在生成…" : "开始设置"}
      </button>
    </form>
  );
}

export function ConfirmEnrolmentForm() {
  const [state, formAction, isPending] = useActionState<EnrolState, FormData>(confirmEnrolmentAction, null);
  const failure = state !== null && !state.ok ? state : null;
  const errors = failure?.fieldErrors.code ?? [];
  return (
    <form action={formAction} noValidate className="space-y-4">
      {failure !== null && <ErrorSummary title="设置未完成" message={failure.message} result={failure} />}
      <div>
        <label htmlFor="code" className="mb-1 block font-medium">
          动态口令
        </label>
        <input
          id="code"
          name="code"
          type="text"
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={8}
          required
          aria-invalid={errors.length > 0}
          aria-describedby={errors.length > 0 ? "code-error" : undefined}
          className="block w-full max-w-48 rounded border border-slate-400 px-3 py-2 text-base tracking-widest text-slate-900 focus:border-blue-700 focus:outline-2 focus:outline-offset-1 focus:outline-blue-700 aria-[invalid=true]:border-red-700"
        />
        {errors.length > 0 && (
          <p id="code-error" className="mt-1 text-sm text-red-800">
            {errors.join(" ")}
          </p>
        )}
      </div>
      <button type="submit" disabled={isPending} className={buttonClass}>
        {isPending ? "正在验证…" : "完成设置"}
      </button>
    </form>
  );
}
