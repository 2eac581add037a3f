"use client";

import { useActionState, useState } from "react";
import { CodeBookDiffView } from "@/components/codebooks/code-book-diff";
import { ErrorSummary } from "@/components/ui/error-summary";
import { SCHEME_LABELS } from "@/lib/codebooks/code-structure";
import type { CodeBookImportPlan } from "@/lib/codebooks/prepare-code-book-import";
import { importCodeBookAction, previewCodeBookAction, type ImportState, type PreviewState } from "./actions";

/** The reader refuses bigger files; saying so before the upload spares a 10 MB round trip. */
const MAX_FILE_BYTES = 10 * 1024 * 1024;

const inputClass =
  "block w-full rounded border border-slate-400 bg-white px-3 py-2 text-base text-slate-900 focus:border-blue-700 focus:outline-2 focus:outline-offset-1 focus:outline-blue-700 aria-[invalid=true]:border-red-700";
const buttonClass =
  "rounded bg-blue-800 px-4 py-2 font-semibold text-white hover:bg-blue-900 focus:outline-2 focus:outline-offset-2 focus:outline-blue-800 disabled:cursor-wait disabled:bg-slate-500";

/** Upload → preview (problems, or the diff) → confirm with the effective date. */
export function CodeBookImport({ defaultYear }: { defaultYear: number }) {
  const [previewState, previewAction, isPreviewing] = useActionState<PreviewState, FormData>(previewCodeBookAction, null);
  const [fileError, setFileError] = useState<string | null>(null);
  const failure = previewState !== null && !previewState.ok ? previewState : null;
  const result = previewState?.ok === true ? previewState.data : null;
  const fieldError = (name: string) => failure?.fieldErrors[name]?.join(" ") ?? null;

  return (
    <div>
      <form
        action={previewAction}
        aria-label="上传科目表"
        className="space-y-4 rounded border border-slate-300 p-4"
        onSubmit={(event) => {
          if (fileError !== null) event.preventDefault();
        }}
      >
        {failure !== null && <ErrorSummary title="未能预览" message={failure.message} result={failure} />}
        <div className="grid gap-4 sm:grid-cols-2">
          <div>
            <label htmlFor="codebook-year" className="mb-1 block font-medium">
              预算年度
            </label>
            <input
              id="codebook-year"
              name="year"
              inputMode="numeric"
              defaultValue={failure?.values.year ?? String(defaultYear)}
              aria-invalid={fieldError("year") !== null}
              className={inputClass}
            />
            {fieldError("year") !== null && <p className="mt-1 text-sm text-red-800">{fieldError("year")}</p>}
          </div>
          <div>
            <label htmlFor="codebook-file" className="mb-1 block font-medium">
              科目表文件
            </label>
            <input
              id="codebook-file"
              name="file"
              type="file"
              accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
              aria-describedby="codebook-file-hint"
              aria-invalid={fileError !== null || fieldError("file") !== null}
              className={inputClass}
              onChange={(event) => {
                const file = event.currentTarget.files?.[0];
                setFileError(file !== undefined && file.size > MAX_FILE_BYTES ? `文件太大（${(file.size / 1024 / 1024).toFixed(1)} MB），科目表文件不应超过 10 MB。` : null);
              }}
            />
            <p id="codebook-file-hint" className="mt-1 text-sm text-slate-700">
              .xlsx 或 .csv，含“科目编码”“科目名称”两列（或“编码/代码”“名称”，或一列“科目”写成“2013701 行政运行”），不超过 10 MB。
            </p>
            {(fileError ?? fieldError("file")) !== null && <p className="mt-1 text-sm text-red-800">{fileError ?? fieldError("file")}</p>}
          </div>
        </div>
        <button type="submit" disabled={isPreviewing} className={buttonClass}>
          {isPreviewing ? "正在检查…" : "预览"}
        </button>
      </form>

      {result !== null && "problems" in result && <Problems problems={result.problems.map((p) => p.message)} />}
      {result !== null && "plan" in result && <PlanPreview key={JSON.stringify([result.plan.year, result.plan.fileName, result.plan.nextRevision])} plan={result.plan} />}
    </div>
  );
}

function Problems({ problems }: { problems: string[] }) {
  return (
    <section aria-labelledby="codebook-problems" className="mt-6 rounded border-l-4 border-red-700 bg-red-50 p-4 text-red-900" role="alert">
      <h2 id="codebook-problems" className="font-semibold">
        科目表未导入：发现 {problems.length} 个问题，请修改文件后重新预览
      </h2>
      <ul className="mt-2 list-disc space-y-1 pl-5">
        {problems.slice(0, 100).map((problem, index) => (
          <li key={index}>{problem}</li>
        ))}
      </ul>
      {problems.length > 100 && <p className="mt-2">另有 {problems.length - 100} 个问题未列出。</p>}
    </section>
  );
}

function PlanPreview({ plan }: { plan: CodeBookImportPlan }) {
  const [state, importAction, isImporting] = useActionState<ImportState, FormData>(importCodeBookAction, null);
  const label = `${plan.year}年第 ${plan.nextRevision} 版`;
  const baseline = plan.baseline === null ? null : `${plan.baseline.year}年第 ${plan.baseline.revision} 版`;
  const { diff } = plan;
  if (state?.ok === true) {
    return (
      <p role="status" className="mt-6 rounded border-l-4 border-green-700 bg-green-50 px-4 py-3 text-green-900">
        {state.data.message}
      </p>
    );
  }
  return (
    <section aria-labelledby="codebook-preview" className="mt-6">
      <h2 id="codebook-preview" className="text-lg font-semibold">
        预览：{label}科目表
      </h2>
      <p className="mt-1 text-slate-800">
        文件“{plan.fileName}”：支出功能分类科目 {plan.functional.length} 个，支出经济分类科目 {plan.economic.length} 个。
        {plan.carriedSchemes.map((scheme) => `文件中没有${SCHEME_LABELS[scheme]}，沿用${baseline ?? ""}的。`).join("")}
      </p>
      <p className="mt-1 text-slate-800">
        {baseline === null
          ? "此前没有科目表可比较：全部为新增。"
          : `与${baseline}相比：新增 ${diff.added.length} 个，取消 ${diff.removed.length} 个，更名 ${diff.renamed.length} 个，未变 ${diff.unchangedCount} 个。`}
        {plan.nextRevision > 1 && "这是年度中的修订：已按旧版录入的预算仍使用旧版，新开始的预算可由财政部门选用新版。"}
      </p>
      {baseline !== null && <CodeBookDiffView diff={diff} />}
      <form action={importAction} aria-label="确认导入科目表" className="mt-6 space-y-4 rounded border border-slate-300 p-4">
        {state !== null && !state.ok && <ErrorSummary title="未能导入" message={state.message} result={state} />}
        <input type="hidden" name="plan" value={JSON.stringify(plan)} />
        <div className="grid gap-4 sm:grid-cols-2">
          <div>
            <label htmlFor="codebook-effective-on" className="mb-1 block font-medium">
              生效日期
            </label>
            <input
              id="codebook-effective-on"
              name="effectiveOn"
              type="date"
              defaultValue={plan.nextRevision === 1 ? `${plan.year}-01-01` : new Date().toISOString().slice(0, 10)}
              className={inputClass}
            />
          </div>
          <div>
            <label htmlFor="codebook-note" className="mb-1 block font-medium">
              说明（可选）
            </label>
            <input id="codebook-note" name="note" placeholder="例如：财政部关于修订科目的通知" className={inputClass} />
          </div>
        </div>
        <button type="submit" disabled={isImporting} className={buttonClass}>
          {isImporting ? "正在导入…" : `确认导入为${label}`}
        </button>
      </form>
    </section>
  );
}
