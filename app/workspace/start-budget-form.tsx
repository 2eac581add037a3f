"use client";

import Link from "next/link";
import { useActionState } from "react";
import { ErrorSummary } from "@/components/ui/error-summary";
import { workspaceBudgetPath } from "@/lib/budgets/workspace-paths";
import { createDraftAction, type CreateDraftState } from "./actions";

const primary =
  "rounded bg-blue-800 px-4 py-2 font-semibold text-white hover:bg-blue-900 focus:outline-2 focus:outline-offset-2 focus:outline-blue-800 disabled:cursor-wait disabled:bg-slate-500";
const secondary =
  "rounded border border-blue-800 bg-white px-4 py-2 font-semibold text-blue-900 hover:bg-blue-50 focus:outline-2 focus:outline-offset-2 focus:outline-blue-800 disabled:cursor-wait disabled:opacity-60";

/**
 * Starts a year the region has opened: from last year's approved budget when there is one, or
 * empty. Works without JavaScript. When carried lines need new codes, lists them before opening the draft.
 */
export function StartBudgetForm({ unitCode, year, priorYear, submissionDeadline }: { unitCode: string; year: number; priorYear: number | null; submissionDeadline: string }) {
  const [state, formAction, isPending] = useActionState<CreateDraftState, FormData>(createDraftAction, null);
  const failure = state !== null && !state.ok ? state : null;
  if (state?.ok === true) {
    return (
      <div role="status" className="mt-4 rounded border-l-4 border-amber-600 bg-amber-50 p-4 text-amber-950">
        <p className="font-semibold">
          已创建{year}年草稿。以下 {state.data.linesToRecode.length} 行沿用的科目在{year}年科目表中已取消或更名，请重新选择科目：
        </p>
        <ul className="mt-2 list-disc space-y-1 pl-5">
          {state.data.linesToRecode.map((line, index) => (
            <li key={index}>{line.message}</li>
          ))}
        </ul>
        <Link href={workspaceBudgetPath(unitCode, year)} className="mt-3 inline-block font-semibold text-blue-800 underline underline-offset-2 hover:text-blue-950">
          打开{year}年预算
        </Link>
      </div>
    );
  }
  return (
    <form action={formAction} aria-label={`开始${year}年预算`} className="mt-4 rounded border border-slate-300 p-4">
      <input type="hidden" name="unitCode" value={unitCode} />
      <input type="hidden" name="year" value={year} />
      <p className="mb-3">
        财政部门已开放{year}年预算，报送截止日期 {submissionDeadline}。
        {priorYear === null ? "本单位没有已批复的上年预算，请新建空白预算。" : ""}
      </p>
      {failure !== null && (
        <div className="mb-3">
          <ErrorSummary title="未能创建" message={failure.message} result={failure} />
        </div>
      )}
      <div className="flex flex-wrap gap-3">
        {priorYear !== null && (
          <button type="submit" name="start" value="prior" disabled={isPending} className={primary}>
            {isPending ? "正在创建…" : `从${priorYear}年预算创建${year}年草稿`}
          </button>
        )}
        <button type="submit" name="start" value="empty" disabled={isPending} className={priorYear === null ? primary : secondary}>
          {`新建空白的${year}年预算`}
        </button>
      </div>
    </form>
  );
}
