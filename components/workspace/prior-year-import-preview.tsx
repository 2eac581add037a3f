"use client";

import { useState } from "react";
import { ErrorSummary } from "@/components/ui/error-summary";
import type { PriorYearPreviewView, PriorYearSection, SourceView } from "@/lib/prior-year-import/prior-year-preview";

interface PriorYearImportPreviewProps {
  preview: PriorYearPreviewView;
  busy: boolean;
  confirmError: { message: string } | null;
  onConfirm: (accept: PriorYearSection[]) => void;
}

function Source({ source }: { source: SourceView | null }) {
  if (source === null) return <span className="text-slate-600">由原文多个数字相加得出</span>;
  return (
    <>
      <span className="block">
        第{source.page}页《{source.table}》第{source.row}行，“{source.column}”列
      </span>
      {source.printed && <span className="mt-1 block font-mono text-sm text-slate-700">原文：{source.printed}</span>}
    </>
  );
}

/** What starting the year from last year's document would write, beside where each figure was printed. */
export function PriorYearImportPreview({ preview, busy, confirmError, onConfirm }: PriorYearImportPreviewProps) {
  const [accepted, setAccepted] = useState<PriorYearSection[]>(preview.sections.filter((s) => s.paragraphs.length > 0).map((s) => s.key));
  const { document: doc } = preview;
  const errors = preview.findings.filter((f) => f.severity === "error");
  return (
    <section aria-labelledby="prior-preview-title" className="space-y-8">
      <div>
        <h2 id="prior-preview-title" className="text-xl font-bold break-all">
          预览：{preview.fileNames.join("、")}
        </h2>
        <p className="mt-1 text-slate-800" role="status">
          识别为“{doc.unitName}”{doc.year}年{doc.scopeLabel}（{doc.templateLabel}，共{doc.pages}页，金额单位：{doc.amountUnit}）。尚未保存任何内容。
        </p>
      </div>

      <section aria-labelledby="prior-figures-title">
        <h3 id="prior-figures-title" className="mb-2 text-lg font-semibold">
          上年数及其在原文中的位置
        </h3>
        <div className="overflow-x-auto">
          <table className="w-full border-collapse text-left">
            <thead>
              <tr className="border-b-2 border-slate-400">
                <th scope="col" className="py-2 pr-3">项目</th>
                <th scope="col" className="py-2 pr-3">填入草稿的上年数</th>
                <th scope="col" className="py-2">原文（页、表、行、列）</th>
              </tr>
            </thead>
            <tbody>
              {preview.figures.map((f) => (
                <tr key={f.key} className="border-b border-slate-200 align-top">
                  <th scope="row" className="py-2 pr-3 font-semibold whitespace-nowrap">{f.label}</th>
                  <td className="py-2 pr-3 whitespace-nowrap tabular-nums">
                    {f.read ? f.amount : <span className="text-red-800">未能读出</span>}
                    {f.rounded && <span className="block text-sm text-slate-600">原文 {f.readYuan}，按万元保留两位小数</span>}
                  </td>
                  <td className="py-2">{f.read ? <Source source={f.source} /> : "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {preview.otherFigures.length > 0 && (
          <details className="mt-3">
            <summary className="cursor-pointer text-blue-800 underline underline-offset-2">原文中读出的其他数字（供核对）</summary>
            <ul className="mt-2 space-y-2">
              {preview.otherFigures.map((f) => (
                <li key={f.label}>
                  <span className="font-semibold">{f.label}</span> {f.amount}：<Source source={f.source} />
                </li>
              ))}
            </ul>
          </details>
        )}
      </section>

      <section aria-labelledby="prior-unread-title">
        <h3 id="prior-unread-title" className="mb-2 text-lg font-semibold">
          未能读出的内容
        </h3>
        {preview.unread.length === 0 ? (
          <p className="text-slate-800">上年数和说明文字均已读出。</p>
        ) : (
          <ul className="space-y-1" data-testid="prior-unread">
            {preview.unread.map((text) => (
              <li key={text} className="border-l-4 border-amber-600 bg-amber-50 px-3 py-1 text-amber-950">
                {text}
              </li>
            ))}
          </ul>
        )}
        {preview.findings.length > 0 && (
          <details className="mt-3" open={errors.length > 0}>
            <summary className="cursor-pointer text-blue-800 underline underline-offset-2">
              原文检查发现 {preview.findings.length} 处问题（{errors.length} 个错误），不影响导入上年数
            </summary>
            <ul className="mt-2 space-y-1">
              {preview.findings.map((f, i) => (
                <li key={i} className="text-sm">
                  <span className="font-semibold">{f.rule}</span> {f.severity === "error" ? "错误" : "提醒"}：{f.message}
                  {f.where && <span className="text-slate-600">（{f.where}）</span>}
                </li>
              ))}
            </ul>
          </details>
        )}
      </section>

      <section aria-labelledby="prior-texts-title">
        <h3 id="prior-texts-title" className="mb-1 text-lg font-semibold">
          说明文字：作为今年的起始文本
        </h3>
        <p className="mb-3 text-sm text-slate-700">勾选的部分替换草稿中现有的文字，保存后仍可在表单中修改；不勾选的保持不变。</p>
        <div className="space-y-6">
          {preview.sections.map((s) => {
            const checked = accepted.includes(s.key);
            return (
              <fieldset key={s.key} className="rounded border border-slate-300 p-3">
                <legend className="px-1 font-semibold">{s.label}</legend>
                <label className="mb-2 flex items-center gap-2">
                  <input
                    type="checkbox"
                    checked={checked}
                    disabled={s.paragraphs.length === 0 || busy}
                    onChange={(event) => setAccepted((list) => (event.target.checked ? [...list, s.key] : list.filter((k) => k !== s.key)))}
                  />
                  采用上年文件中的“{s.label}”
                </label>
                <div className="grid gap-3 md:grid-cols-2">
                  <div>
                    <p className="text-sm font-semibold text-slate-700">上年文件{s.page ? `（第${s.page}页）` : ""}</p>
                    {s.paragraphs.length === 0 ? (
                      <p className="text-amber-900">未找到</p>
                    ) : (
                      s.paragraphs.map((p, i) => (
                        <p key={i} className="mt-1 text-sm">
                          {p}
                        </p>
                      ))
                    )}
                  </div>
                  <div>
                    <p className="text-sm font-semibold text-slate-700">草稿现有</p>
                    {s.current.length === 0 ? (
                      <p className="text-sm text-slate-600">（空）</p>
                    ) : (
                      s.current.map((p, i) => (
                        <p key={i} className="mt-1 text-sm text-slate-700">
                          {p}
                        </p>
                      ))
                    )}
                  </div>
                </div>
              </fieldset>
            );
          })}
        </div>
      </section>

      {confirmError && <ErrorSummary title="未保存" message={confirmError.message} result={confirmError} />}
      <div className="flex flex-wrap items-center gap-3">
        <button type="button" disabled={busy} onClick={() => onConfirm(accepted)} className="rounded bg-green-800 px-4 py-2 font-semibold text-white hover:bg-green-900 disabled:opacity-60">
          {busy ? "正在保存…" : `确认导入${doc.year}年数据`}
        </button>
        <span className="text-sm text-slate-700">写入上年数{accepted.length > 0 ? `和 ${accepted.length} 部分说明文字` : ""}，记入修改记录。</span>
      </div>
    </section>
  );
}
