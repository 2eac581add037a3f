"use client";

import { startTransition, useActionState, useEffect, useRef, useState, type FormEvent } from "react";
import { ErrorSummary } from "@/components/ui/error-summary";
import type { ActionResult } from "@/lib/action";
import type { ImportPreviewResult } from "@/lib/budget-import/workspace-import";
import { MAX_WORKBOOK_BYTES } from "@/lib/import/excel/limits";
import { ExcelImportPreview } from "./excel-import-preview";

type Action<T> = (previous: ActionResult<T> | null, formData: FormData) => Promise<ActionResult<T> | null>;

interface ExcelImportProps {
  unitCode: string;
  year: number;
  documentCss: string;
  previewAction: Action<ImportPreviewResult>;
  confirmAction: Action<{ problems: string[] }>;
  mappingAction: Action<{ header: string; field: string }>;
}

/**
 * The accountant's Excel import: choose a workbook, see everything it would change (figures with
 * their cells, unreadable cells, unknown headers, the nine tables, the checker's findings), map
 * unknown headers, then confirm. Nothing is saved before the confirmation; the same file is sent
 * again with it, so the server never keeps an upload between the two steps.
 */
export function ExcelImport({ unitCode, year, documentCss, previewAction, confirmAction, mappingAction }: ExcelImportProps) {
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<{ message: string } | null>(null);
  const [previewState, runPreview, isPreviewing] = useActionState(previewAction, null);
  const [confirmState, runConfirm, isConfirming] = useActionState(confirmAction, null);
  const [mappingState, runMapping, isMapping] = useActionState(mappingAction, null);
  const lastMapping = useRef<object | null>(null);

  const formWith = (extra: Record<string, string> = {}) => {
    const data = new FormData();
    data.set("unitCode", unitCode);
    data.set("year", String(year));
    if (file) data.set("file", file);
    for (const [key, value] of Object.entries(extra)) data.set(key, value);
    return data;
  };

  // A mapping that was saved changes how the same file reads: preview it again.
  useEffect(() => {
    if (mappingState?.ok && lastMapping.current !== mappingState) {
      lastMapping.current = mappingState;
      startTransition(() => runPreview(formWith()));
    }
  });

  function onPreview(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (file === null) {
      setFileError({ message: "请先选择要导入的 Excel 文件（.xlsx）。" });
      return;
    }
    if (file.size > MAX_WORKBOOK_BYTES) {
      setFileError({ message: `文件大小 ${Math.round(file.size / 1024 / 1024)} MB 超过上限 10 MB，请拆分后分别导入。` });
      return;
    }
    setFileError(null);
    startTransition(() => runPreview(formWith()));
  }

  const result = previewState?.ok ? previewState.data : null;
  const busy = isPreviewing || isConfirming || isMapping;
  return (
    <div>
      <form onSubmit={onPreview} className="mb-6 flex flex-wrap items-end gap-3 rounded border border-slate-300 bg-slate-50 p-4">
        <div>
          <label htmlFor="workbook" className="mb-1 block font-semibold">
            预算工作簿（.xlsx，最大 10 MB）
          </label>
          <input
            id="workbook"
            name="file"
            type="file"
            accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
            onChange={(event) => setFile(event.target.files?.[0] ?? null)}
            className="block max-w-full text-sm"
          />
        </div>
        <button type="submit" disabled={busy} className="rounded bg-blue-800 px-4 py-2 font-semibold text-white hover:bg-blue-900 disabled:opacity-60">
          {isPreviewing ? "正在读取…" : "预览"}
        </button>
      </form>
      {fileError && <ErrorSummary title="无法预览" message={fileError.message} result={fileError} />}
      {previewState && !previewState.ok && <ErrorSummary title="无法预览" message={previewState.message} result={previewState} />}
      {result && !result.ok && (
        <ErrorSummary title="无法导入该文件" message={result.problems.map((p) => p.message).join("\n")} result={result} />
      )}
      {result?.ok && (
        <ExcelImportPreview
          preview={result.preview}
          documentCss={documentCss}
          busy={busy}
          mappingError={mappingState && !mappingState.ok ? mappingState.message : null}
          confirmError={confirmState && !confirmState.ok ? confirmState : null}
          onMap={(mapping) => startTransition(() => runMapping(formWith({ unitCode, ...mapping })))}
          onConfirm={() => startTransition(() => runConfirm(formWith({ lockVersion: String(result.preview.lockVersion) })))}
        />
      )}
    </div>
  );
}
