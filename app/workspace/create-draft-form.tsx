"use client";

import { useActionState } from "react";
import { createDraftAction, type CreateDraftState } from "./actions";

/** Starts next year's draft from last year's approved budget; works without JavaScript. */
export function CreateDraftForm({ unitCode, year, priorYear }: { unitCode: string; year: number; priorYear: number }) {
  const [state, formAction, isPending] = useActionState<CreateDraftState, FormData>(createDraftAction, null);
  const failure = state !== null && !state.ok ? state : null;
  return (
    <form action={formAction} className="mt-4">
      <input type="hidden" name="unitCode" value={unitCode} />
      <input type="hidden" name="year" value={year} />
      {failure !== null && (
        <p role="alert" className="mb-3 rounded border-l-4 border-red-700 bg-red-50 px-4 py-3 text-red-900">
          {failure.message}
        </p>
      )}
      <button
        type="submit"
        disabled={isPending}
        className="rounded bg-blue-800 px-4 py-2 font-semibold text-white hover:bg-blue-900 focus:outline-2 focus:outline-offset-2 focus:outline-blue-800 disabled:cursor-wait disabled:bg-slate-500"
      >
        {isPending ? "正在创建…" : `从${priorYear}年预算创建${year}年草稿`}
      </button>
    </form>
  );
}
