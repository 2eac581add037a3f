"use client";

import { useState } from "react";
import { BudgetTable } from "@/components/disclosure/budget-table";
import { ErrorSummary } from "@/components/ui/error-summary";
import type { ImportPreviewView } from "@/lib/budget-import/workspace-import";

interface ExcelImportPreviewProps {
  preview: ImportPreviewView;
  documentCss: string;
  busy: boolean;
  mappingError: string | null;
  confirmError: { message: string } | null;
  onMap: (mapping: { sheetKind: string; header: string; field: string }) => void;
  onConfirm: () => void;
}

/** Everything an import would change, before anything is saved. */
export function ExcelImportPreview({ preview, documentCss, busy, mappingError, confirmError, onMap, onConfirm }: ExcelImportPreviewProps) {
  const errors = preview.problems.filter((p) => p.severity === "error");
  const warnings = preview.problems.filter((p) => p.severity === "warning");
  const blocking = preview.findings.filter((f) => f.severity === "error").length;
  return (
    <section aria-labelledby="preview-title" className="space-y-8">
      <div>
        <h2 id="preview-title" className="text-xl font-bold">
          预览：{preview.fileName}
        </h2>
        <p className="mt-1 text-slate-800" role="status">
          识别为{preview.shape === "flat" ? "预算明细导出（每行一条）" : "预算公开表工作簿"}，工作簿金额单位：{preview.workbookUnit}；导入数字 {preview.figures.length} 个。尚未保存任何内容。
        </p>
        <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-sm text-slate-700" aria-label="工作表">
          {preview.sheets.map((s) => (
            <li key={s.name}>
              “{s.name}” → {s.kindLabel ?? <span className="text-amber-800">未识别</span>}
            </li>
          ))}
        </ul>
      </div>

      {preview.problems.length > 0 && (
        <div>
          <h3 className="mb-2 text-lg font-semibold">
            需要处理的单元格（{errors.length} 个错误，{warnings.length} 个提醒）
          </h3>
          <ul className="space-y-1" data-testid="import-problems">
            {[...errors, ...warnings].map((p, i) => (
              <li key={i} className={p.severity === "error" ? "border-l-4 border-red-700 bg-red-50 px-3 py-1 text-red-900" : "border-l-4 border-amber-600 bg-amber-50 px-3 py-1 text-amber-950"}>
                <span className="font-semibold">{p.severity === "error" ? "错误" : "提醒"}：</span>
                {p.message}
              </li>
            ))}
          </ul>
        </div>
      )}

      {preview.unknownHeaders.length > 0 && (
        <div>
          <h3 className="mb-2 text-lg font-semibold">未识别的表头</h3>
          <p className="mb-2 text-sm text-slate-700">指定一次后，本地区各单位以后导入的工作簿都按此识别。</p>
          {mappingError && <ErrorSummary title="未能保存对应关系" message={mappingError} result={{ mappingError }} />}
          <ul className="space-y-2">
            {preview.unknownHeaders.map((h) => (
              <UnknownHeaderForm key={`${h.sheet}-${h.row}-${h.column}`} header={h} busy={busy} onMap={onMap} />
            ))}
          </ul>
        </div>
      )}

      <div className="rounded border border-slate-300 p-4">
        {confirmError && <ErrorSummary title="未能导入" message={confirmError.message} result={confirmError} />}
        {preview.canSave ? (
          <>
            <p className="mb-3">
              确认后，工作簿中的数字将替换{preview.heading.year}年预算草稿中的对应内容（单位情况、说明文字等保持不变），并记入修改记录。
              {blocking > 0 && ` 检查发现 ${blocking} 个错误，保存后可在表单中修改。`}
            </p>
            <button type="button" onClick={onConfirm} disabled={busy} className="rounded bg-green-800 px-4 py-2 font-semibold text-white hover:bg-green-900 disabled:opacity-60">
              确认导入，保存为草稿
            </button>
          </>
        ) : (
          <p className="font-semibold text-red-900">工作簿有 {errors.length} 个错误，不能保存。请在 Excel 中修改后重新导出，再上传预览。</p>
        )}
      </div>

      {preview.findings.length > 0 && (
        <div>
          <h3 className="mb-2 text-lg font-semibold">检查结果（导入后的草稿）</h3>
          <ul className="space-y-1 text-sm">
            {preview.findings.map((f, i) => (
              <li key={i}>
                <span className={f.severity === "error" ? "font-semibold text-red-800" : "font-semibold text-amber-800"}>
                  {f.severity === "error" ? "错误" : "提醒"} {f.rule}
                </span>{" "}
                {f.message}
              </li>
            ))}
          </ul>
        </div>
      )}

      <div>
        <h3 className="mb-2 text-lg font-semibold">导入的数字及来源单元格</h3>
        <div className="max-h-96 overflow-auto rounded border border-slate-300" tabIndex={0} role="region" aria-label="导入的数字及来源单元格">
          <table className="w-full min-w-[36rem] text-sm">
            <thead className="sticky top-0 bg-slate-100">
              <tr>
                <th scope="col" className="px-2 py-1 text-left">内容</th>
                <th scope="col" className="px-2 py-1 text-right">金额</th>
                <th scope="col" className="px-2 py-1 text-left">来源</th>
              </tr>
            </thead>
            <tbody>
              {preview.figures.map((f, i) => (
                <tr key={i} className="border-t border-slate-200">
                  <td className="px-2 py-1">{f.label}</td>
                  <td className="px-2 py-1 text-right tabular-nums whitespace-nowrap">{f.amount}</td>
                  <td className="px-2 py-1 text-slate-700">
                    {f.sources.join("、")}
                    {f.moreSources > 0 && ` 等共 ${f.sources.length + f.moreSources} 个单元格`}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>

      <div>
        <h3 className="mb-2 text-lg font-semibold">导入后的九张公开表</h3>
        <style>{documentCss}</style>
        <div className="doc">
          {preview.tables.map(({ table, sheetName }) => (
            <div key={table.id} className="mb-6">
              <p className="text-sm text-slate-700">{sheetName ? `来自工作表“${sheetName}”` : "工作簿中没有这张表：由导入的数字生成"}</p>
              <BudgetTable table={table} heading={preview.heading} />
            </div>
          ))}
        </div>
      </div>
    </section>
  );
}

function UnknownHeaderForm({ header, busy, onMap }: { header: ImportPreviewView["unknownHeaders"][number]; busy: boolean; onMap: ExcelImportPreviewProps["onMap"] }) {
  const [field, setField] = useState("");
  const id = `map-${header.sheet}-${header.row}-${header.column}`;
  return (
    <li className="flex flex-wrap items-center gap-2 rounded border border-amber-300 bg-amber-50 px-3 py-2">
      <label htmlFor={id}>
        工作表“{header.sheet}”第 {header.row + 1} 行的表头“<strong>{header.header}</strong>”对应：
      </label>
      <select id={id} value={field} onChange={(event) => setField(event.target.value)} className="rounded border border-slate-400 px-2 py-1">
        <option value="">请选择</option>
        {header.candidates.map((c) => (
          <option key={c.field} value={c.field}>
            {c.label}
          </option>
        ))}
      </select>
      <button
        type="button"
        disabled={busy || field === ""}
        onClick={() => onMap({ sheetKind: header.sheetKind, header: header.header, field })}
        className="rounded bg-blue-800 px-3 py-1 text-white hover:bg-blue-900 disabled:opacity-60"
      >
        保存对应关系
      </button>
    </li>
  );
}
