"use client";

import { startTransition, useActionState, useState, type FormEvent } from "react";
import { ErrorSummary } from "@/components/ui/error-summary";
import type { ActionResult } from "@/lib/action";
import type { PriorYearPreviewView, PriorYearSection } from "@/lib/prior-year-import/prior-year-preview";
import { PriorYearImportPreview } from "./prior-year-import-preview";

type Action<T> = (previous: ActionResult<T> | null, formData: FormData) => Promise<ActionResult<T> | null>;

interface PriorYearImportProps {
  unitCode: string;
  year: number;
  maxBytes: number;
  maxFiles: number;
  previewAction: Action<PriorYearPreviewView>;
  confirmAction: Action<{ changed: number }>;
}

/**
 * 导入上年已公开文件: choose last year's published document (one PDF or .docx, or narrative and
 * tables as two files), see what was read beside where it was printed, choose which texts to
 * start from, then confirm. Nothing is saved before the confirmation; the files are sent again
 * with it, so the server never keeps an upload between the two steps.
 */
export function PriorYearImport({ unitCode, year, maxBytes, maxFiles, previewAction, confirmAction }: PriorYearImportProps) {
  const [files, setFiles] = useState<File[]>([]);
  const [fileError, setFileError] = useState<{ message: string } | null>(null);
  const [previewState, runPreview, isPreviewing] = useActionState(previewAction, null);
  const [confirmState, runConfirm, isConfirming] = useActionState(confirmAction, null);

  const formWith = (extra: [string, string][] = []) => {
    const data = new FormData();
    data.set("unitCode", unitCode);
    data.set("year", String(year));
    for (const file of files) data.append("file", file);
    for (const [k, v] of extra) data.append(k, v);
    return data;
  };

  function onPreview(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (files.length === 0) {
      setFileError({ message: "请先选择上年的预算公开文件（PDF 或 .docx）。" });
      return;
    }
    if (files.length > maxFiles) {
      setFileError({ message: `一次最多选择${maxFiles}个文件（公开说明和公开表分开发布时选择两个文件）。` });
      return;
    }
    const size = files.reduce((s, f) => s + f.size, 0);
    if (size > maxBytes) {
      setFileError({ message: `文件合计 ${(size / 1024 / 1024).toFixed(1)} MB，超过上限 ${maxBytes / 1024 / 1024} MB；预算公开文件通常只有几MB。` });
      return;
    }
    setFileError(null);
    startTransition(() => runPreview(formWith()));
  }

  const preview = previewState?.ok ? previewState.data : null;
  const busy = isPreviewing || isConfirming;
  return (
    <div>
      <form onSubmit={onPreview} className="mb-6 flex flex-wrap items-end gap-3 rounded border border-slate-300 bg-slate-50 p-4">
        <div className="min-w-0">
          <label htmlFor="published-file" className="mb-1 block font-semibold">
            {year - 1}年预算公开文件（PDF 或 .docx；说明和表格分开发布时可选两个文件）
          </label>
          <input
            id="published-file"
            name="file"
            type="file"
            multiple
            accept=".pdf,.docx,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            onChange={(event) => setFiles(Array.from(event.target.files ?? []))}
            className="block max-w-full text-sm"
          />
        </div>
        <button type="submit" disabled={busy} className="rounded bg-blue-800 px-4 py-2 font-semibold text-white hover:bg-blue-900 disabled:opacity-60">
          {isPreviewing ? "正在读取…" : "读取并预览"}
        </button>
      </form>
      {fileError && <ErrorSummary title="无法预览" message={fileError.message} result={fileError} />}
      {previewState && !previewState.ok && <ErrorSummary title="无法导入该文件" message={previewState.message} result={previewState} />}
      {preview && (
        <PriorYearImportPreview
          preview={preview}
          busy={busy}
          confirmError={confirmState && !confirmState.ok ? confirmState : null}
          onConfirm={(accept: PriorYearSection[]) =>
            startTransition(() => runConfirm(formWith([["lockVersion", String(preview.lockVersion)], ...accept.map((a): [string, string] => ["accept", a])])))
          }
        />
      )}
    </div>
  );
}
