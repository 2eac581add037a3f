"use client";

import { useActionState } from "react";
import { ErrorSummary } from "@/components/ui/error-summary";
import { publishDepartmentAction, type PublishDepartmentState } from "./actions";

interface PublishFormProps {
  departmentId: number;
  year: number;
  /** the version this publication will be */
  version: number;
  /** a republication needs a 更正说明 */
  needsCorrectionNote: boolean;
}

/** 公开部门预算: a plain form posting to a server action, so it works without JavaScript. */
export function PublishForm({ departmentId, year, version, needsCorrectionNote }: PublishFormProps) {
  const [state, formAction, isPending] = useActionState<PublishDepartmentState, FormData>(publishDepartmentAction, null);
  const failure = state !== null && !state.ok ? state : null;
  const noteErrors = failure?.fieldErrors.correctionNote ?? [];

  return (
    <form action={formAction} noValidate className="space-y-4">
      {failure !== null && <ErrorSummary title="公开未成功" message={failure.message} result={failure} />}
      <input type="hidden" name="departmentId" value={departmentId} />
      <input type="hidden" name="year" value={year} />
      {needsCorrectionNote && (
        <div>
          <label htmlFor="correction-note" className="mb-1 block font-medium">
            更正说明（第{version}版，必填）
          </label>
          <textarea
            id="correction-note"
            name="correctionNote"
            rows={3}
            required
            defaultValue={failure?.values.correctionNote ?? ""}
            aria-invalid={noteErrors.length > 0}
            aria-describedby={noteErrors.length > 0 ? "correction-note-error" : "correction-note-hint"}
            className="block w-full rounded border border-slate-400 px-3 py-2 text-base text-slate-900 focus:border-blue-700 focus:outline-2 focus:outline-offset-1 focus:outline-blue-700 aria-[invalid=true]:border-red-700"
          />
          {noteErrors.length > 0 ? (
            <p id="correction-note-error" className="mt-1 text-sm text-red-800">
              {noteErrors.join(" ")}
            </p>
          ) : (
            <p id="correction-note-hint" className="mt-1 text-sm text-slate-700">
              说明哪些单位的预算作了更正、更正了什么；将与新版本一同公开。
            </p>
          )}
        </div>
      )}
      <button
        type="submit"
        disabled={isPending}
        className="rounded bg-blue-800 px-4 py-2 font-semibold text-white hover:bg-blue-900 focus:outline-2 focus:outline-offset-2 focus:outline-blue-800 disabled:opacity-60"
      >
        {isPending ? "正在公开…" : "公开部门预算"}
      </button>
    </form>
  );
}
