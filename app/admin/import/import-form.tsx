"use client";

import { useRef, useState, useTransition, type FormEvent, type ReactNode } from "react";
import { buttonClass, inputClass, secondaryButtonClass } from "@/components/organisation/form-parts";
import type { ActionResult } from "@/lib/action";

const MAX_BYTES = 10 * 1024 * 1024;

export interface ImportPreviewBase {
  fingerprint: string;
  problems: { message: string }[];
}

interface ImportFormProps<P extends ImportPreviewBase, A> {
  kind: string;
  regions: readonly { value: string; label: string }[];
  templateHref: string;
  preview: (formData: FormData) => Promise<ActionResult<P>>;
  apply: (formData: FormData) => Promise<ActionResult<A>>;
  renderPreview: (preview: P) => ReactNode;
  renderApplied: (applied: A) => ReactNode;
  /** whether the preview would write anything at all */
  hasWrites: (preview: P) => boolean;
}

/**
 * Two steps on one screen: 预览 sends the file and shows the dry run; 确认导入 sends the same file
 * again with the dry run's fingerprint, so what is written is what was shown.
 */
export function ImportForm<P extends ImportPreviewBase, A>({ kind, regions, templateHref, preview, apply, renderPreview, renderApplied, hasWrites }: ImportFormProps<P, A>) {
  const formRef = useRef<HTMLFormElement>(null);
  const [previewed, setPreviewed] = useState<P | null>(null);
  const [applied, setApplied] = useState<A | null>(null);
  const [refusal, setRefusal] = useState<{ message: string; details: string[] } | null>(null);
  const [isPending, startTransition] = useTransition();

  const formData = (): FormData | null => {
    const form = formRef.current;
    if (form === null) return null;
    const data = new FormData(form);
    const file = data.get("file");
    if (!(file instanceof File) || file.size === 0) {
      setRefusal({ message: "请选择要导入的文件（.xlsx 或 .csv）。", details: [] });
      return null;
    }
    if (file.size > MAX_BYTES) {
      setRefusal({ message: `文件“${file.name}”有 ${(file.size / 1024 / 1024).toFixed(1)} MB，超过 10 MB 的上限，未上传。请删去不需要的工作表或分成几个文件。`, details: [] });
      return null;
    }
    return data;
  };
  const showRefusal = (result: { message: string; fieldErrors: Record<string, string[]> }) =>
    setRefusal({ message: result.message, details: Object.values(result.fieldErrors).flat() });

  const onPreview = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setPreviewed(null);
    setApplied(null);
    setRefusal(null);
    const data = formData();
    if (data === null) return;
    startTransition(async () => {
      const result = await preview(data);
      if (result.ok) setPreviewed(result.data);
      else showRefusal(result);
    });
  };
  const onApply = () => {
    const data = formData();
    if (data === null || previewed === null) return;
    data.set("fingerprint", previewed.fingerprint);
    setRefusal(null);
    startTransition(async () => {
      const result = await apply(data);
      if (result.ok) {
        setApplied(result.data);
        setPreviewed(null);
      } else showRefusal(result);
    });
  };
  const reset = () => {
    setPreviewed(null);
    setApplied(null);
    setRefusal(null);
  };

  return (
    <div className="space-y-6">
      <form ref={formRef} onSubmit={onPreview} noValidate aria-label={`导入${kind}`} className="max-w-xl space-y-4 rounded border border-slate-300 p-4 sm:p-5">
        <div>
          <label htmlFor="import-region" className="mb-1 block font-medium">导入到地区</label>
          <select id="import-region" name="regionId" defaultValue={regions.length === 1 ? regions[0]?.value : ""} onChange={reset} className={inputClass}>
            {regions.length !== 1 && <option value="">请选择地区</option>}
            {regions.map((region) => (
              <option key={region.value} value={region.value}>{region.label}</option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="import-file" className="mb-1 block font-medium">文件（.xlsx 或 .csv，不超过 10 MB）</label>
          <input id="import-file" name="file" type="file" accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv" onChange={reset} className="block w-full text-base" aria-describedby="import-file-hint" />
          <p id="import-file-hint" className="mt-1 text-sm text-slate-700">
            按表头文字识别各列（可用常见别名）。<a href={templateHref} className="text-blue-800 underline underline-offset-2" download>下载模板</a>
          </p>
        </div>
        <button type="submit" disabled={isPending} className={buttonClass}>
          {isPending && previewed === null ? "正在检查…" : "预览导入"}
        </button>
      </form>

      {refusal !== null && (
        <div role="alert" className="rounded border-l-4 border-red-700 bg-red-50 px-4 py-3 text-red-900">
          <p className="font-medium">{refusal.message}</p>
          {refusal.details.length > 0 && (
            <ul className="mt-2 list-disc space-y-1 pl-5 text-sm">
              {refusal.details.map((detail) => <li key={detail}>{detail}</li>)}
            </ul>
          )}
        </div>
      )}

      {previewed !== null && (
        <section aria-labelledby="preview-heading" className="space-y-4">
          <h2 id="preview-heading" className="text-lg font-semibold">预览（尚未写入）</h2>
          {previewed.problems.length > 0 && (
            <div role="alert" className="rounded border-l-4 border-red-700 bg-red-50 px-4 py-3 text-red-900">
              <p className="font-medium">有 {previewed.problems.length} 处问题，整个文件不能导入。请修改文件后重新预览：</p>
              <ul className="mt-2 list-disc space-y-1 pl-5 text-sm">
                {previewed.problems.map((problem, index) => <li key={index}>{problem.message}</li>)}
              </ul>
            </div>
          )}
          {renderPreview(previewed)}
          {previewed.problems.length === 0 && (
            <div className="flex flex-wrap items-center gap-3">
              <button type="button" onClick={onApply} disabled={isPending} className={buttonClass}>
                {isPending ? "正在导入…" : hasWrites(previewed) ? "确认导入" : "确认（没有需要写入的变化）"}
              </button>
              <button type="button" onClick={reset} disabled={isPending} className={secondaryButtonClass}>取消</button>
            </div>
          )}
        </section>
      )}

      {applied !== null && (
        <section aria-labelledby="applied-heading" className="space-y-4">
          <h2 id="applied-heading" className="text-lg font-semibold">导入完成</h2>
          {renderApplied(applied)}
        </section>
      )}
    </div>
  );
}

/** A small table of the dry run or result, horizontally scrollable on a phone. */
export function ResultTable({ label, headers, rows }: { label: string; headers: readonly string[]; rows: readonly (readonly ReactNode[])[] }) {
  return (
    <div role="region" aria-label={label} tabIndex={0} className="max-h-[32rem] overflow-auto rounded border border-slate-300 focus:outline-2 focus:outline-blue-800">
      <table className="w-full min-w-[36rem] border-collapse text-sm">
        <caption className="sr-only">{label}</caption>
        <thead className="sticky top-0 bg-slate-100 text-left">
          <tr>
            {headers.map((header) => <th key={header} scope="col" className="px-3 py-2 font-semibold">{header}</th>)}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200">
          {rows.map((cells, index) => (
            <tr key={index} className="align-top">
              {cells.map((cell, column) => <td key={column} className="px-3 py-1.5">{cell}</td>)}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
