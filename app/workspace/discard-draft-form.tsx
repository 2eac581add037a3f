"use client";

import { useActionState } from "react";
import { ErrorSummary } from "@/components/ui/error-summary";
import { discardDraftAction, type DiscardDraftState } from "./actions";

/** Discarding a never-submitted draft, behind a disclosure and a confirmation box. */
export function DiscardDraftForm({ unitCode, year, version }: { unitCode: string; year: number; version: number }) {
  const [state, formAction, isPending] = useActionState<DiscardDraftState, FormData>(discardDraftAction, null);
  if (state?.ok === true) {
    return (
      <p role="status" className="text-sm text-green-900">
        {state.data.message}
      </p>
    );
  }
  const failure = state !== null && !state.ok ? state : null;
  return (
    <details className="w-full text-sm">
      <summary className="cursor-pointer text-red-800 underline underline-offset-2">放弃草稿</summary>
      <form action={formAction} aria-label={`放弃${year}年预算草稿`} className="mt-2 space-y-2 rounded border border-red-300 bg-red-50 p-3">
        {failure !== null && <ErrorSummary title="未能放弃" message={failure.fieldErrors.confirm?.join(" ") ?? failure.message} result={failure} />}
        <input type="hidden" name="unitCode" value={unitCode} />
        <input type="hidden" name="year" value={year} />
        <input type="hidden" name="version" value={version} />
        <p>放弃后，该草稿（第{version}版）所录内容将被删除，不能恢复。{version > 1 ? "已公开的上一版不受影响。" : ""}</p>
        <label className="flex items-center gap-2">
          <input type="checkbox" name="confirm" value="yes" className="h-4 w-4" />
          我确认放弃{year}年预算第{version}版草稿
        </label>
        <button
          type="submit"
          disabled={isPending}
          className="rounded bg-red-800 px-3 py-1.5 font-semibold text-white hover:bg-red-900 focus:outline-2 focus:outline-offset-2 focus:outline-red-800 disabled:opacity-60"
        >
          {isPending ? "正在放弃…" : "确认放弃"}
        </button>
      </form>
    </details>
  );
}
