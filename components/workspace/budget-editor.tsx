"use client";

import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { DisclosureDocument } from "@/components/disclosure/disclosure-document";
import { parseBudgetInput, type BudgetDraftInput } from "@/lib/budgets/budget-input-schema";
import { findingKey } from "@/lib/budgets/finding-key";
import { checkDisclosure, groupBySection, hasBlockingErrors, type Finding } from "@/lib/disclosure/check";
import { amountUnitLabel, formatAmount } from "@/lib/disclosure/money";
import type { DerivedTable, DerivedTables } from "@/lib/disclosure/table-model";
import { BASIC_CATEGORIES, EXPENDITURE_KINDS, FUND_SOURCES, type AmountUnit, type CodeBook, type Fen } from "@/lib/disclosure/types";
import { draftFen } from "@/lib/entry/amount-entry";
import { budgetFromDraft, type BudgetIdentity } from "@/lib/entry/draft-budget";
import { EDITOR_SECTIONS, findingTarget, type EditorSectionId } from "@/lib/entry/finding-target";
import { BASIC_CATEGORY_LABELS, EXPENDITURE_KIND_LABELS, FUND_SOURCE_LABELS } from "@/lib/disclosure/labels";
import { mergeDraft } from "@/lib/entry/merge-draft";
import { basicEconomicKey, expenditureKey, type PriorYearLines } from "@/lib/entry/prior-lines";
import { buildSnapshotContent } from "@/lib/publication/snapshot-content-core";
import { AmountInput } from "./amount-input";
import { ChangeLog, type ChangeEntry } from "./change-log";
import { EditorContext, fieldId, type EditorContextValue, type InvalidEntry } from "./editor-context";
import {
  AssetsSection,
  GlossarySection,
  NarrativeSection,
  ProcurementSection,
  ProjectsSection,
  ThreePublicSection,
  UnitSection,
} from "./editor-sections";
import { LinesGrid, type GridColumn } from "./lines-grid";
import { SubmitForm, type SubmitState } from "./submit-form";

export type SaveDraftOutcome =
  | { ok: true; lockVersion: number; changedFields: number; savedAt: string; changes: ChangeEntry[] }
  | { ok: false; kind: "invalid" | "conflict" | "refused" | "error"; message: string; fieldErrors: Record<string, string[]> };

export interface BudgetEditorProps {
  identity: BudgetIdentity;
  initialDraft: BudgetDraftInput;
  codeBook: CodeBook;
  lockVersion: number;
  editable: boolean;
  prior: PriorYearLines | null;
  changes: ChangeEntry[];
  /** the signed-in user, for the per-user entry unit */
  userId: string;
  saveAction: (request: { unitCode: string; year: number; baseLockVersion: number; draft: BudgetDraftInput }) => Promise<SaveDraftOutcome>;
  submitAction: (previous: SubmitState, formData: FormData) => Promise<SubmitState>;
  /** the published document's stylesheet (read on the server: components/disclosure/document-css.ts reads a file) */
  documentCss: string;
}

type SaveStatus =
  | { kind: "idle" }
  | { kind: "pending" }
  | { kind: "saving" }
  | { kind: "saved"; at: string }
  | { kind: "failed"; message: string }
  | { kind: "conflict"; message: string };

interface Backup {
  lockVersion: number;
  savedAt: string;
  /** the draft as last saved (or loaded), to tell which parts the accountant changed */
  base: BudgetDraftInput;
  draft: BudgetDraftInput;
  invalidEntries: Record<string, InvalidEntry>;
}

const PART_LABELS: Partial<Record<keyof BudgetDraftInput, string>> = {
  unit: "单位信息",
  income: "收入",
  expenditure: "支出",
  basicEconomic: "基本支出经济分类",
  yearEndCarryover: "年终结转结余",
  projects: "项目",
  threePublic: "三公经费",
  procurement: "政府采购",
  assets: "国有资产",
  priorYear: "上年数",
  narrative: "情况说明",
  glossary: "名词解释",
  amountUnit: "金额单位",
};

/** Autosave waits this long after the last change. */
export const AUTOSAVE_DELAY_MS = 1500;

const backupPrefix = (identity: BudgetIdentity) => `gongkai:draft:${identity.unit.code}:${identity.year}:`;

function timeText(iso: string): string {
  const date = new Date(iso);
  return `${String(date.getHours()).padStart(2, "0")}:${String(date.getMinutes()).padStart(2, "0")}`;
}

function readBackups(prefix: string): { key: string; backup: Backup }[] {
  const found: { key: string; backup: Backup }[] = [];
  try {
    for (let i = 0; i < localStorage.length; i += 1) {
      const key = localStorage.key(i);
      if (key === null || !key.startsWith(prefix)) continue;
      const text = localStorage.getItem(key);
      if (text !== null) found.push({ key, backup: JSON.parse(text) as Backup });
    }
  } catch {
    // Storage unavailable or a broken entry: nothing to offer.
  }
  return found;
}

function clearBackups(prefix: string): void {
  for (const { key } of readBackups(prefix)) localStorage.removeItem(key);
}

/**
 * The accountant's entry form: every part of the budget in the document's order, checked as the
 * accountant types (the same checker and the same nine tables as publication), saved
 * automatically, never losing what was typed.
 */
export function BudgetEditor(props: BudgetEditorProps) {
  const { identity, codeBook, editable, prior, saveAction, submitAction, userId } = props;
  const readOnly = !editable;
  const [draft, setDraft] = useState<BudgetDraftInput>(props.initialDraft);
  const [lockVersion, setLockVersion] = useState(props.lockVersion);
  const [revision, setRevision] = useState(0);
  const [status, setStatus] = useState<SaveStatus>({ kind: "idle" });
  const [serverErrors, setServerErrors] = useState<Record<string, string[]>>({});
  const [invalidEntries, setInvalidEntries] = useState<Record<string, InvalidEntry>>({});
  const [entryUnit, setEntryUnit] = useState<AmountUnit>(props.initialDraft.amountUnit === "YUAN" ? "YUAN" : "WAN_YUAN");
  const [changes, setChanges] = useState(props.changes);
  const [offer, setOffer] = useState<Backup | null>(null);
  const [copied, setCopied] = useState(false);
  const [restored, setRestored] = useState<string[] | null>(null);

  const draftRef = useRef(draft);
  const baseRef = useRef(props.initialDraft);
  const invalidRef = useRef(invalidEntries);
  const lockRef = useRef(props.lockVersion);
  const revisionRef = useRef(0);
  const savedRevisionRef = useRef(0);
  const savingRef = useRef(false);
  const conflictRef = useRef(false);
  const timerRef = useRef<ReturnType<typeof setTimeout> | null>(null);
  const sectionRef = useRef<EditorSectionId | null>(null);
  const prefix = backupPrefix(identity);
  const unitKey = `gongkai:entry-unit:${userId}`;

  useEffect(() => {
    draftRef.current = draft;
    invalidRef.current = invalidEntries;
  }, [draft, invalidEntries]);

  // The per-user entry unit and any draft a refused or interrupted save left behind.
  useEffect(() => {
    const stored = localStorage.getItem(unitKey);
    if (stored === "YUAN" || stored === "WAN_YUAN") setEntryUnit(stored);
    if (readOnly) return;
    const backups = readBackups(prefix);
    const latest = backups.sort((a, b) => b.backup.savedAt.localeCompare(a.backup.savedAt))[0];
    if (latest !== undefined && JSON.stringify(latest.backup.draft) !== JSON.stringify(props.initialDraft)) setOffer(latest.backup);
    else clearBackups(prefix);
  }, [prefix, readOnly, unitKey, props.initialDraft]);

  const change = useCallback((update: (draft: BudgetDraftInput) => BudgetDraftInput) => {
    setDraft((current) => update(current));
    revisionRef.current += 1;
    setRevision(revisionRef.current);
  }, []);

  const save = useCallback(async (): Promise<void> => {
    if (timerRef.current !== null) clearTimeout(timerRef.current);
    timerRef.current = null;
    if (readOnly || conflictRef.current || savingRef.current) return;
    if (revisionRef.current === savedRevisionRef.current) return;
    savingRef.current = true;
    const revisionSent = revisionRef.current;
    const sent = draftRef.current;
    setStatus({ kind: "saving" });
    let result: SaveDraftOutcome;
    try {
      result = await saveAction({ unitCode: identity.unit.code, year: identity.year, baseLockVersion: lockRef.current, draft: sent });
    } catch {
      result = { ok: false, kind: "error", message: "网络中断或服务器无响应，修改尚未保存，将在您下次修改时重试。", fieldErrors: {} };
    }
    savingRef.current = false;
    if (result.ok) {
      lockRef.current = result.lockVersion;
      setLockVersion(result.lockVersion);
      savedRevisionRef.current = revisionSent;
      baseRef.current = sent;
      setServerErrors({});
      setChanges(result.changes);
      setStatus({ kind: "saved", at: result.savedAt });
      if (revisionRef.current === revisionSent) clearBackups(prefix);
      else timerRef.current = setTimeout(() => void save(), AUTOSAVE_DELAY_MS);
      return;
    }
    setServerErrors(result.fieldErrors);
    if (result.kind === "conflict") {
      conflictRef.current = true;
      setStatus({ kind: "conflict", message: result.message });
    } else {
      setStatus({ kind: "failed", message: result.message });
    }
  }, [identity.unit.code, identity.year, prefix, readOnly, saveAction]);

  // Debounced autosave and a copy in the browser's storage, so a refused save loses nothing.
  useEffect(() => {
    if (readOnly || revision === 0 || revision === savedRevisionRef.current) return;
    try {
      const backup: Backup = {
        lockVersion: lockRef.current,
        savedAt: new Date().toISOString(),
        base: baseRef.current,
        draft: draftRef.current,
        invalidEntries: invalidRef.current,
      };
      localStorage.setItem(`${prefix}v${lockRef.current}`, JSON.stringify(backup));
    } catch {
      // Storage full or disabled: the autosave still runs.
    }
    if (conflictRef.current) return;
    setStatus((s) => (s.kind === "saving" ? s : { kind: "pending" }));
    if (timerRef.current !== null) clearTimeout(timerRef.current);
    timerRef.current = setTimeout(() => void save(), AUTOSAVE_DELAY_MS);
  }, [revision, prefix, readOnly, save]);

  // Leaving the page with unsaved changes: save now and let the browser ask.
  useEffect(() => {
    if (readOnly) return;
    const beforeUnload = (event: BeforeUnloadEvent) => {
      if (revisionRef.current !== savedRevisionRef.current && !conflictRef.current) {
        void save();
        event.preventDefault();
      }
    };
    const hidden = () => {
      if (document.visibilityState === "hidden") void save();
    };
    window.addEventListener("beforeunload", beforeUnload);
    document.addEventListener("visibilitychange", hidden);
    return () => {
      window.removeEventListener("beforeunload", beforeUnload);
      document.removeEventListener("visibilitychange", hidden);
    };
  }, [readOnly, save]);

  function enterSection(section: EditorSectionId): void {
    if (sectionRef.current !== null && sectionRef.current !== section) void save();
    sectionRef.current = section;
  }

  // Live checks and the preview, from the draft as typed (deferred so typing stays smooth).
  const deferred = useDeferredValue(draft);
  const live = useMemo(() => {
    const budget = budgetFromDraft(deferred, identity);
    const parsed = parseBudgetInput(deferred, codeBook);
    const findings = checkDisclosure({ budget, codeBook });
    const content = buildSnapshotContent(budget, codeBook, { version: 1, publishedAt: new Date(0).toISOString(), approvedAt: null, correctionNote: null });
    return { budget, fieldErrors: parsed.ok ? {} : parsed.fieldErrors, findings, content };
  }, [deferred, identity, codeBook]);

  const fieldErrors = useMemo(() => {
    const merged: Record<string, string[]> = { ...live.fieldErrors };
    for (const [path, messages] of Object.entries(serverErrors)) {
      merged[path] = [...new Set([...(merged[path] ?? []), ...messages])];
    }
    return merged;
  }, [live.fieldErrors, serverErrors]);

  const context: EditorContextValue = useMemo(
    () => ({
      documentUnit: draft.amountUnit === "YUAN" ? "YUAN" : "WAN_YUAN",
      entryUnit,
      codeBook,
      readOnly,
      fieldErrors,
      invalidEntries,
      setInvalidEntry: (path, entry) =>
        setInvalidEntries((current) => {
          if (entry === null) {
            if (!(path in current)) return current;
            const { [path]: _removed, ...rest } = current;
            return rest;
          }
          return { ...current, [path]: entry };
        }),
      clearInvalid: (pathPrefix) =>
        setInvalidEntries((current) => Object.fromEntries(Object.entries(current).filter(([path]) => !path.startsWith(pathPrefix)))),
    }),
    [draft.amountUnit, entryUnit, codeBook, readOnly, fieldErrors, invalidEntries],
  );

  function chooseEntryUnit(unit: AmountUnit): void {
    setEntryUnit(unit);
    localStorage.setItem(unitKey, unit);
  }

  const errorCount = live.findings.filter((f) => f.severity === "error").length;
  const inputProblems = Object.keys(fieldErrors).length + Object.keys(invalidEntries).length;
  const unsaved = revision !== savedRevisionRef.current || status.kind === "saving" || status.kind === "pending";
  const blockedReason =
    status.kind === "conflict"
      ? "他人已修改本预算，请先重新加载。"
      : inputProblems > 0
        ? `还有${inputProblems}处输入有误，改正后才能报送。`
        : hasBlockingErrors(live.findings)
          ? "预算还有错误，改正后才能报送。"
          : unsaved
            ? "修改尚未保存，保存后才能报送。"
            : null;

  const lineSections = (
    <LineSections draft={draft} change={change} prior={prior} tables={live.content.tables} documentUnit={context.documentUnit} entryUnit={entryUnit} onEnter={enterSection} />
  );

  return (
    <EditorContext.Provider value={context}>
      {offer !== null && (
        <div role="alert" className="mb-4 rounded border-l-4 border-amber-600 bg-amber-50 px-4 py-3 text-amber-950">
          <p className="font-semibold">发现本页上次未保存的修改</p>
          <p className="mt-1 text-sm">
            这些修改记录于{timeText(offer.savedAt)}，基于版本号{offer.lockVersion}的内容；此后他人已保存，当前版本号为{lockVersion}。恢复时，您改过的部分将替换为您的内容，其他部分保留他人已保存的内容，并自动保存。
          </p>
          <div className="mt-2 flex flex-wrap gap-2">
            <button
              type="button"
              className="rounded bg-blue-800 px-3 py-1.5 text-sm font-semibold text-white hover:bg-blue-900 focus:outline-2 focus:outline-offset-2 focus:outline-blue-800"
              onClick={() => {
                const restored = offer;
                setOffer(null);
                clearBackups(prefix);
                setInvalidEntries(restored.invalidEntries ?? {});
                const merged = restored.base === undefined ? { draft: restored.draft, taken: [] } : mergeDraft(draftRef.current, restored.base, restored.draft);
                setRestored(merged.taken.map((key) => PART_LABELS[key] ?? key));
                change(() => merged.draft);
              }}
            >
              恢复我的修改
            </button>
            <CopyButton text={JSON.stringify(offer.draft, null, 2)} />
            <button
              type="button"
              className="rounded border border-slate-500 px-3 py-1.5 text-sm hover:bg-slate-100 focus:outline-2 focus:outline-slate-700"
              onClick={() => {
                setOffer(null);
                clearBackups(prefix);
              }}
            >
              放弃这些修改
            </button>
          </div>
        </div>
      )}

      {restored !== null && (
        <p role="status" className="mb-4 rounded border-l-4 border-green-700 bg-green-50 px-4 py-3 text-green-900">
          已恢复您的修改{restored.length > 0 ? `（${restored.join("、")}）` : ""}，正在自动保存。
        </p>
      )}

      {status.kind === "conflict" && (
        <div role="alert" className="mb-4 rounded border-l-4 border-red-700 bg-red-50 px-4 py-3 text-red-900">
          <p className="font-semibold">保存失败：他人已先保存了这份预算</p>
          <p className="mt-1 text-sm">{status.message}</p>
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
      )}

      <div className="sticky top-0 z-10 -mx-4 mb-4 border-b border-slate-300 bg-white/95 px-4 py-2 backdrop-blur">
        <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
          {!readOnly && <SaveStatusText status={status} />}
          {!readOnly && (
            <fieldset className="flex items-center gap-2 text-sm">
              <legend className="sr-only">录入金额单位</legend>
              <span aria-hidden="true">录入单位：</span>
              {(["WAN_YUAN", "YUAN"] as const).map((unit) => (
                <label key={unit} className="flex items-center gap-1">
                  <input type="radio" name="entry-unit" checked={entryUnit === unit} onChange={() => chooseEntryUnit(unit)} />
                  {amountUnitLabel(unit)}
                </label>
              ))}
            </fieldset>
          )}
          <span className="text-sm text-slate-700">
            公开文件金额单位：{amountUnitLabel(context.documentUnit)} · 错误 {errorCount} 项
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

      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <div className="min-w-0 space-y-8">
          <EditorSection id="unit" title="单位信息" onEnter={enterSection}>
            <UnitSection draft={draft} change={change} />
          </EditorSection>
          {lineSections}
          <EditorSection id="projects" title="项目" onEnter={enterSection}>
            <ProjectsSection draft={draft} change={change} prior={prior} />
          </EditorSection>
          <EditorSection id="threePublic" title="三公经费" onEnter={enterSection}>
            <ThreePublicSection draft={draft} change={change} prior={prior} table={live.content.tables.T9} />
          </EditorSection>
          <EditorSection id="procurement" title="政府采购" onEnter={enterSection}>
            <ProcurementSection draft={draft} change={change} />
          </EditorSection>
          <EditorSection id="assets" title="国有资产" onEnter={enterSection}>
            <AssetsSection draft={draft} change={change} />
          </EditorSection>
          <EditorSection id="narrative" title="情况说明" onEnter={enterSection}>
            <NarrativeSection draft={draft} change={change} budget={live.budget} />
          </EditorSection>
          <EditorSection id="glossary" title="名词解释" onEnter={enterSection}>
            <GlossarySection draft={draft} change={change} />
          </EditorSection>
        </div>

        <aside className="lg:sticky lg:top-28 lg:max-h-[calc(100vh-8rem)] lg:self-start lg:overflow-y-auto">
          <FindingsPanel findings={live.findings} fieldErrors={fieldErrors} invalidEntries={invalidEntries} budget={live.budget} />
        </aside>
      </div>

      {editable && (
        <section aria-labelledby="submit-heading" className="mt-8 rounded border border-slate-300 p-4 sm:p-5">
          <h2 id="submit-heading" className="mb-3 text-lg font-semibold">
            报送
          </h2>
          <SubmitForm
            unitCode={identity.unit.code}
            year={identity.year}
            lockVersion={lockVersion}
            blockedReason={blockedReason}
            warnings={live.findings.filter((f) => f.severity === "warning").map((f) => ({ key: findingKey(f), message: f.message }))}
            submitAction={submitAction}
          />
        </section>
      )}

      <section id="section-preview" aria-labelledby="preview-heading" className="mt-8 scroll-mt-28">
        <h2 id="preview-heading" className="mb-1 text-lg font-semibold">
          公开预览
        </h2>
        <p className="mb-4 text-sm text-slate-700">以下是本预算公开后的样式，九张表和情况说明与公开页面一致，随录入即时更新。</p>
        <style>{props.documentCss}</style>
        <div className="overflow-x-auto rounded border border-slate-300 p-2 sm:p-4">
          <DisclosureDocument content={live.content} />
        </div>
      </section>

      <section id="section-changes" aria-labelledby="changes-heading" className="mt-8 scroll-mt-28">
        <h2 id="changes-heading" className="mb-3 text-lg font-semibold">
          修改记录
        </h2>
        <ChangeLog changes={changes} unit={context.documentUnit} />
      </section>
    </EditorContext.Provider>
  );
}

type Change = (update: (draft: BudgetDraftInput) => BudgetDraftInput) => void;

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

function SaveStatusText({ status }: { status: SaveStatus }) {
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

// ---------------------------------------------------------------------------
// Findings
// ---------------------------------------------------------------------------

/** Moves focus to a draft path's field (or the first field under it), else to a section's heading. */
export function focusTarget(path: string | null, section: string): void {
  const exact = path === null ? null : document.getElementById(fieldId(path));
  const under = path === null ? null : document.querySelector<HTMLElement>(`[id^="${CSS.escape(fieldId(`${path}.`))}"]:is(input, select, textarea)`);
  const target = exact ?? under ?? document.getElementById(`heading-${section}`);
  if (target === null) return;
  target.scrollIntoView({ block: "center" });
  target.focus();
}

function FindingsPanel({
  findings,
  fieldErrors,
  invalidEntries,
  budget,
}: {
  findings: Finding[];
  fieldErrors: Record<string, string[]>;
  invalidEntries: Record<string, InvalidEntry>;
  budget: ReturnType<typeof budgetFromDraft>;
}) {
  const groups = groupBySection(findings).filter((g) => g.findings.length > 0);
  const inputs = [
    ...Object.entries(invalidEntries).map(([path, entry]) => ({ path, message: entry.message })),
    ...Object.entries(fieldErrors).flatMap(([path, messages]) => messages.map((message) => ({ path, message }))),
  ];
  return (
    <section aria-labelledby="findings-heading" className="rounded border border-slate-300 p-3">
      <h2 id="findings-heading" className="mb-2 text-lg font-semibold">
        一致性检查
      </h2>
      <p className="sr-only" aria-live="polite">
        {findings.length === 0 ? "未发现问题" : `发现${findings.length}个问题`}
      </p>
      {inputs.length > 0 && (
        <div className="mb-3">
          <h3 className="mb-1 font-semibold">输入有误</h3>
          <ul className="space-y-1 text-sm">
            {inputs.slice(0, 50).map(({ path, message }) => (
              <li key={`${path}:${message}`}>
                <a
                  href={`#${fieldId(path)}`}
                  onClick={(event) => {
                    event.preventDefault();
                    focusTarget(path, path.split(".")[0] ?? "unit");
                  }}
                  className="text-red-900 underline underline-offset-2"
                >
                  {message}
                </a>
              </li>
            ))}
          </ul>
        </div>
      )}
      {findings.length === 0 && inputs.length === 0 ? (
        <p className="rounded border border-green-700 bg-green-50 px-3 py-2 text-green-900">未发现问题</p>
      ) : (
        <ul className="space-y-3" aria-label="检查发现的问题">
          {groups.map((group) => (
            <li key={group.section}>
              <h3 className="mb-1 font-semibold">{group.label}</h3>
              <ul className="space-y-1.5 text-sm">
                {group.findings.map((finding) => {
                  const target = findingTarget(finding, budget);
                  return (
                    <li key={findingKey(finding)} className="flex gap-2">
                      <span
                        className={
                          finding.severity === "error"
                            ? "h-fit shrink-0 rounded bg-red-100 px-1.5 font-semibold text-red-900"
                            : "h-fit shrink-0 rounded bg-amber-100 px-1.5 font-semibold text-amber-900"
                        }
                      >
                        {finding.severity === "error" ? "错误" : "提醒"}
                      </span>
                      <a
                        href={target.path === null ? `#section-${target.section}` : `#${fieldId(target.path)}`}
                        onClick={(event) => {
                          event.preventDefault();
                          focusTarget(target.path, target.section);
                        }}
                        className="text-slate-900 underline decoration-slate-400 underline-offset-2 hover:decoration-slate-900"
                      >
                        {finding.message}
                      </a>
                    </li>
                  );
                })}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

// ---------------------------------------------------------------------------
// Line tables: income, expenditure, basic expenditure by economic classification
// ---------------------------------------------------------------------------

function priorCells(current: string, priorFen: Fen | undefined, documentUnit: AmountUnit, entryUnit: AmountUnit, year: number): ReactNode[] {
  const parsed = draftFen(current, documentUnit) ?? 0;
  if (priorFen === undefined) return [<span key="p">—</span>, <span key="c">{year}年无此行（新增）</span>];
  const delta = parsed - priorFen;
  return [
    <span key="p">{formatAmount(priorFen, entryUnit, { grouping: true })}</span>,
    <span key="c" className={delta > 0 ? "text-red-900" : delta < 0 ? "text-green-900" : ""}>
      {delta === 0 ? "持平" : `${delta > 0 ? "+" : "−"}${formatAmount(Math.abs(delta), entryUnit, { grouping: true })}`}
    </span>,
  ];
}

/** The derived 类/款 rows of a table (never typed), as a compact read-only summary. */
function DerivedSummary({ table, columns, caption, entryUnit }: { table: DerivedTable; columns: string[]; caption: string; entryUnit: AmountUnit }) {
  const indexes = columns.map((key) => table.columns.findIndex((c) => c.key === key));
  const codeAt = table.columns.findIndex((c) => c.key === "code");
  const nameAt = table.columns.findIndex((c) => c.key === "name");
  const rows = table.rows.filter((r) => r.kind === "total" || r.kind === "class" || r.kind === "section");
  return (
    <div className="mb-3 overflow-x-auto">
      <table className="w-full min-w-[30rem] border-collapse text-sm" data-testid={`derived-${table.id}`}>
        <caption className="mb-1 text-left text-sm font-medium text-slate-800">{caption}（自动计算，单位：{amountUnitLabel(entryUnit)}）</caption>
        <thead className="bg-slate-50 text-left">
          <tr>
            <th scope="col" className="px-2 py-1 font-medium">
              科目
            </th>
            {indexes.map((i, n) => (
              <th key={columns[n]} scope="col" className="px-2 py-1 text-right font-medium">
                {table.columns[i]?.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} className={`border-t border-slate-200 ${row.kind === "total" ? "font-semibold" : ""}`}>
              <th scope="row" className="whitespace-nowrap px-2 py-1 text-left font-normal" style={{ paddingLeft: `${0.5 + row.level * 0.75}rem` }}>
                {[row.cells[codeAt], row.cells[nameAt]].filter((c) => typeof c === "string" && c !== "").join(" ")}
              </th>
              {indexes.map((i, n) => {
                const value = row.cells[i];
                return (
                  <td key={columns[n]} className="px-2 py-1 text-right tabular-nums">
                    {typeof value === "number" ? formatAmount(value, entryUnit, { grouping: true }) : ""}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function LineSections({
  draft,
  change,
  prior,
  tables,
  documentUnit,
  entryUnit,
  onEnter,
}: {
  draft: BudgetDraftInput;
  change: Change;
  prior: PriorYearLines | null;
  tables: DerivedTables;
  onEnter: (id: EditorSectionId) => void;
  documentUnit: AmountUnit;
  entryUnit: AmountUnit;
}) {
  const sources = Object.fromEntries(FUND_SOURCES.map((s) => [s, FUND_SOURCE_LABELS[s]]));
  const kinds = Object.fromEntries(EXPENDITURE_KINDS.map((k) => [k, EXPENDITURE_KIND_LABELS[k]]));
  const categories = Object.fromEntries(BASIC_CATEGORIES.map((c) => [c, BASIC_CATEGORY_LABELS[c]]));
  const priorExtra = <R extends Record<string, unknown>>(key: (row: R) => string, record: Record<string, Fen> | undefined) =>
    prior === null || record === undefined
      ? undefined
      : {
          labels: [`${prior.year}年`, "比上年增减"],
          cells: (row: R) => priorCells(String(row.amount ?? ""), record[key(row)], documentUnit, entryUnit, prior.year),
        };
  const t1 = tables.T1;
  const totalRow = t1.rows.find((r) => r.key === "grand-total");
  const incomeAt = t1.columns.findIndex((c) => c.key === "income");
  const expenditureAt = t1.columns.findIndex((c) => c.key === "expenditure");
  const incomeTotal = Number(totalRow?.cells[incomeAt] ?? 0);
  const expenditureTotal = Number(totalRow?.cells[expenditureAt] ?? 0);

  const incomeColumns: GridColumn[] = [
    { key: "source", label: "收入来源", type: "choice", labels: sources },
    { key: "amount", label: "金额", type: "amount" },
  ];
  const expenditureColumns: GridColumn[] = [
    { key: "functionalCode", label: "功能分类科目（项）", type: "code", scheme: "functional" },
    { key: "kind", label: "支出类型", type: "choice", labels: kinds },
    { key: "source", label: "资金来源", type: "choice", labels: sources },
    { key: "amount", label: "金额", type: "amount" },
  ];
  const basicColumns: GridColumn[] = [
    { key: "economicCode", label: "经济分类科目（款）", type: "code", scheme: "economic" },
    { key: "category", label: "人员经费/公用经费", type: "choice", labels: categories },
    { key: "source", label: "资金来源", type: "choice", labels: sources },
    { key: "amount", label: "金额", type: "amount" },
  ];

  return (
    <>
      <EditorSection id="income" onEnter={onEnter} title="收入">
        <p className="mb-3 text-sm text-slate-800">按资金来源填写本年收入和上年结转结余。</p>
        <LinesGrid
          name="income"
          caption="收入明细"
          columns={incomeColumns}
          rows={draft.income}
          onRowsChange={(rows) => change((d) => ({ ...d, income: rows as BudgetDraftInput["income"] }))}
          newRow={() => ({ source: "GENERAL_BUDGET", amount: "" })}
          extra={priorExtra((row) => String(row.source), prior?.income)}
        />
        <dl className="mt-3 grid grid-cols-2 gap-2 rounded bg-slate-50 px-3 py-2 text-sm sm:grid-cols-3" data-testid="totals">
          <div>
            <dt className="text-slate-700">收入总计</dt>
            <dd className="font-semibold tabular-nums" data-testid="income-total">
              {formatAmount(incomeTotal, entryUnit, { grouping: true })}
            </dd>
          </div>
          <div>
            <dt className="text-slate-700">支出总计</dt>
            <dd className="font-semibold tabular-nums" data-testid="expenditure-total">
              {formatAmount(expenditureTotal, entryUnit, { grouping: true })}
            </dd>
          </div>
          <div>
            <dt className="text-slate-700">差额</dt>
            <dd className={`font-semibold tabular-nums ${incomeTotal !== expenditureTotal ? "text-red-800" : ""}`}>
              {formatAmount(incomeTotal - expenditureTotal, entryUnit, { grouping: true })}
            </dd>
          </div>
        </dl>
      </EditorSection>

      <EditorSection id="expenditure" onEnter={onEnter} title="支出">
        <p className="mb-3 text-sm text-slate-800">按功能分类“项”级科目、支出类型和资金来源填写。类、款合计自动计算，无需填写。</p>
        <DerivedSummary table={tables.T3} columns={["total", "basic", "project"]} caption="支出按功能分类汇总" entryUnit={entryUnit} />
        <LinesGrid
          name="expenditure"
          caption="支出明细"
          columns={expenditureColumns}
          rows={draft.expenditure}
          onRowsChange={(rows) => change((d) => ({ ...d, expenditure: rows as BudgetDraftInput["expenditure"] }))}
          newRow={() => ({ functionalCode: "", kind: "BASIC", source: "GENERAL_BUDGET", amount: "" })}
          extra={priorExtra((row) => expenditureKey({ functionalCode: String(row.functionalCode), kind: row.kind as never, source: row.source as never }), prior?.expenditure)}
        />
        <div className="mt-4 max-w-xs">
          <label htmlFor={fieldId("yearEndCarryover")} className="mb-1 block font-medium">
            年终结转结余（{amountUnitLabel(entryUnit)}）
          </label>
          <AmountInput path="yearEndCarryover" value={draft.yearEndCarryover} onChange={(v) => change((d) => ({ ...d, yearEndCarryover: v }))} label="年终结转结余" />
        </div>
      </EditorSection>

      <EditorSection id="basic" onEnter={onEnter} title="基本支出经济分类">
        <p className="mb-3 text-sm text-slate-800">按部门预算支出经济分类“款”级科目填写基本支出，分人员经费和公用经费。类合计自动计算。</p>
        <DerivedSummary table={tables.T6} columns={["total", "personnel", "public"]} caption="基本支出按经济分类汇总" entryUnit={entryUnit} />
        <LinesGrid
          name="basicEconomic"
          caption="基本支出经济分类明细"
          columns={basicColumns}
          rows={draft.basicEconomic}
          onRowsChange={(rows) => change((d) => ({ ...d, basicEconomic: rows as BudgetDraftInput["basicEconomic"] }))}
          newRow={() => ({ economicCode: "", category: "PERSONNEL", source: "GENERAL_BUDGET", amount: "" })}
          extra={priorExtra((row) => basicEconomicKey({ economicCode: String(row.economicCode), category: row.category as never, source: row.source as never }), prior?.basicEconomic)}
        />
      </EditorSection>
    </>
  );
}
