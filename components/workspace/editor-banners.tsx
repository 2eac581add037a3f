"use client";

import { useState, useSyncExternalStore, type ReactNode } from "react";
import type { BudgetDraftInput } from "@/lib/budgets/budget-input-schema";
import { amountUnitLabel } from "@/lib/disclosure/money";
import type { AmountUnit } from "@/lib/disclosure/types";
import { EDITOR_SECTIONS, type EditorSectionId } from "@/lib/entry/finding-target";
import { timeText, type Backup, type SaveStatus } from "./use-draft-autosave";

/** One part of the entry form, with the heading findings move focus to. */
export function EditorSection({ id, title, onEnter, children }: { id: EditorSectionId; title: string; onEnter?: (id: EditorSectionId) => void; children: ReactNode }) {
  return (
    <section id={`section-${id}`} aria-labelledby={`heading-${id}`} className="scroll-mt-28" onFocusCapture={() => onEnter?.(id)}>
      <h2 id={`heading-${id}`} tabIndex={-1} className="mb-3 border-b border-slate-300 pb-1 text-xl font-semibold focus:outline-2 focus:outline-blue-700">
        {title}
      </h2>
      {children}
    </section>
  );
}

const noSubscription = () => () => undefined;

/** True once the page runs in the browser: without JavaScript nothing is saved, so nothing promises it. */
function useHydrated(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}

/** Shown only when the browser runs no JavaScript: the form checks and saves nothing then. */
export function NoScriptNotice() {
  return (
    <noscript>
      <p className="mb-4 rounded border-l-4 border-red-700 bg-red-50 px-4 py-3 font-semibold text-red-900">
        本页的录入表单需要启用 JavaScript：未启用时，表单中输入的内容不会检查，也不会保存。请在浏览器中启用 JavaScript 后刷新本页。
      </p>
    </noscript>
  );
}

function SaveStatusText({ status }: { status: SaveStatus }) {
  const hydrated = useHydrated();
  if (!hydrated) return null;
  const text =
    status.kind === "saving"
      ? "保存中…"
      : status.kind === "pending"
        ? "有未保存的修改"
        : status.kind === "saved"
          ? `已保存 ${timeText(status.at)}`
          : status.kind === "failed"
            ? `保存失败：${status.message}`
            : status.kind === "conflict"
              ? "保存失败：他人已先保存"
              : "已加载，修改后自动保存";
  const tone = status.kind === "failed" || status.kind === "conflict" ? "text-red-800 font-semibold" : status.kind === "saved" ? "text-green-900" : "text-slate-800";
  return (
    <p role="status" aria-live="polite" data-testid="save-status" className={`text-sm ${tone}`}>
      {text}
    </p>
  );
}

function CopyButton({ text, onCopied }: { text: string; onCopied?: () => void }) {
  return (
    <button
      type="button"
      className="rounded border border-slate-500 px-3 py-1.5 text-sm hover:bg-slate-100 focus:outline-2 focus:outline-slate-700"
      onClick={() => {
        void navigator.clipboard?.writeText(text).then(onCopied, () => undefined);
      }}
    >
      复制我的修改
    </button>
  );
}

/** A draft an earlier save left in this browser: restore, copy or discard it. */
export function RestoreOffer({ offer, lockVersion, onRestore, onDiscard }: { offer: Backup; lockVersion: number; onRestore: () => void; onDiscard: () => void }) {
  return (
    <div role="alert" className="mb-4 rounded border-l-4 border-amber-600 bg-amber-50 px-4 py-3 text-amber-950">
      <p className="font-semibold">发现本页上次未保存的修改</p>
      <p className="mt-1 text-sm">
        这些修改记录于{timeText(offer.savedAt)}，基于版本号{offer.lockVersion}的内容；此后他人已保存，当前版本号为{lockVersion}。恢复时，您改过的部分将替换为您的内容，其他部分保留他人已保存的内容，并自动保存。
      </p>
      <div className="mt-2 flex flex-wrap gap-2">
        <button
          type="button"
          className="rounded bg-blue-800 px-3 py-1.5 text-sm font-semibold text-white hover:bg-blue-900 focus:outline-2 focus:outline-offset-2 focus:outline-blue-800"
          onClick={onRestore}
        >
          恢复我的修改
        </button>
        <CopyButton text={JSON.stringify(offer.draft, null, 2)} />
        <button type="button" className="rounded border border-slate-500 px-3 py-1.5 text-sm hover:bg-slate-100 focus:outline-2 focus:outline-slate-700" onClick={onDiscard}>
          放弃这些修改
        </button>
      </div>
    </div>
  );
}

export function RestoredNotice({ parts }: { parts: string[] }) {
  return (
    <p role="status" className="mb-4 rounded border-l-4 border-green-700 bg-green-50 px-4 py-3 text-green-900">
      已恢复您的修改{parts.length > 0 ? `（${parts.join("、")}）` : ""}，正在自动保存。
    </p>
  );
}

/** Someone saved first: the typed draft stays on the page and can be copied before reloading. */
export function ConflictBanner({ message, draft }: { message: string; draft: BudgetDraftInput }) {
  const [copied, setCopied] = useState(false);
  return (
    <div role="alert" className="mb-4 rounded border-l-4 border-red-700 bg-red-50 px-4 py-3 text-red-900">
      <p className="font-semibold">保存失败：他人已先保存了这份预算</p>
      <p className="mt-1 text-sm">{message}</p>
      <p className="mt-1 text-sm">您输入的内容仍在本页，并已暂存在本浏览器中；重新加载后可以恢复或复制。</p>
      <div className="mt-2 flex flex-wrap gap-2">
        <button
          type="button"
          onClick={() => window.location.reload()}
          className="rounded bg-red-800 px-3 py-1.5 text-sm font-semibold text-white hover:bg-red-900 focus:outline-2 focus:outline-offset-2 focus:outline-red-800"
        >
          重新加载
        </button>
        <CopyButton text={JSON.stringify(draft, null, 2)} onCopied={() => setCopied(true)} />
        {copied && <span className="self-center text-sm">已复制到剪贴板。</span>}
      </div>
    </div>
  );
}

/** The sticky bar: save status, the entry unit, the error count and links to every part. */
export function EditorToolbar({
  status,
  readOnly,
  entryUnit,
  documentUnit,
  errorCount,
  onEntryUnit,
}: {
  status: SaveStatus;
  readOnly: boolean;
  entryUnit: AmountUnit;
  documentUnit: AmountUnit;
  errorCount: number;
  onEntryUnit: (unit: AmountUnit) => void;
}) {
  return (
    <div className="sticky top-0 z-10 -mx-4 mb-4 border-b border-slate-300 bg-white/95 px-4 py-2 backdrop-blur">
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
        {!readOnly && <SaveStatusText status={status} />}
        {!readOnly && (
          <fieldset className="flex items-center gap-2 text-sm">
            <legend className="sr-only">录入金额单位</legend>
            <span aria-hidden="true">录入单位：</span>
            {(["WAN_YUAN", "YUAN"] as const).map((unit) => (
              <label key={unit} className="flex items-center gap-1">
                <input type="radio" name="entry-unit" checked={entryUnit === unit} onChange={() => onEntryUnit(unit)} />
                {amountUnitLabel(unit)}
              </label>
            ))}
          </fieldset>
        )}
        <span className="text-sm text-slate-700">
          公开文件金额单位：{amountUnitLabel(documentUnit)} · 错误 {errorCount} 项
        </span>
      </div>
      <nav aria-label="预算各部分" className="mt-2 overflow-x-auto">
        <ul className="flex gap-1 whitespace-nowrap text-sm">
          {[...EDITOR_SECTIONS, { id: "preview", label: "公开预览" }, { id: "changes", label: "修改记录" }].map((s) => (
            <li key={s.id}>
              <a href={`#section-${s.id}`} className="block rounded px-2 py-1 text-blue-800 underline-offset-2 hover:bg-blue-50 hover:underline">
                {s.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
    </div>
  );
}
