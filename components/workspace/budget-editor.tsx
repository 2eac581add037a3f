"use client";

import { startTransition, useEffect, useMemo, useState } from "react";
import { DisclosureDocument } from "@/components/disclosure/disclosure-document";
import { parseBudgetInput, type BudgetDraftInput } from "@/lib/budgets/budget-input-schema";
import { findingKey } from "@/lib/budgets/finding-key";
import { checkDisclosure, hasBlockingErrors } from "@/lib/disclosure/check";
import type { AmountUnit, CodeBook } from "@/lib/disclosure/types";
import { budgetFromDraft, type BudgetIdentity } from "@/lib/entry/draft-budget";
import type { PriorYearLines } from "@/lib/entry/prior-lines";
import { buildSnapshotContent } from "@/lib/publication/snapshot-content-core";
import { ChangeLog, type ChangeEntry } from "./change-log";
import { ConflictBanner, EditorSection, EditorToolbar, NoScriptNotice, RestoredNotice, RestoreOffer } from "./editor-banners";
import { EditorContext, type EditorContextValue } from "./editor-context";
import {
  AssetsSection,
  GlossarySection,
  NarrativeSection,
  ProcurementSection,
  ProjectsSection,
  ThreePublicSection,
  UnitSection,
} from "./editor-sections";
import { FindingsPanel } from "./findings-panel";
import { LineSections } from "./line-sections";
import { SubmitForm, type SubmitState } from "./submit-form";
import { useDraftAutosave, type SaveAction } from "./use-draft-autosave";

export { AUTOSAVE_DELAY_MS, type SaveDraftOutcome } from "./use-draft-autosave";

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
  saveAction: SaveAction;
  submitAction: (previous: SubmitState, formData: FormData) => Promise<SubmitState>;
  /** the published document's stylesheet (read on the server: components/disclosure/document-css.ts reads a file) */
  documentCss: string;
}

/** The checks and the preview follow the draft this long after the last keystroke. */
const CHECK_DELAY_MS = 250;

/** `value` once it has not changed for `delay` ms (applied as a transition, so typing stays first). */
function useSettled<T>(value: T, delay: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    if (Object.is(settled, value)) return;
    const timer = setTimeout(() => startTransition(() => setSettled(value)), delay);
    return () => clearTimeout(timer);
  }, [value, settled, delay]);
  return settled;
}

/**
 * The accountant's entry form: every part of the budget in the document's order, checked as the
 * accountant types (the same checker and the same nine tables as publication), saved
 * automatically (use-draft-autosave.ts), never losing what was typed.
 */
export function BudgetEditor(props: BudgetEditorProps) {
  const { identity, codeBook, editable, prior, saveAction, submitAction, userId } = props;
  const readOnly = !editable;
  const { draft, change, lockVersion, status, unsaved, serverErrors, invalidEntries, setInvalidEntries, changes, offer, restored, restoreOffer, discardOffer, enterSection } =
    useDraftAutosave({ identity, initialDraft: props.initialDraft, lockVersion: props.lockVersion, changes: props.changes, readOnly, saveAction });
  const [entryUnit, setEntryUnit] = useState<AmountUnit>(props.initialDraft.amountUnit === "YUAN" ? "YUAN" : "WAN_YUAN");
  const unitKey = `gongkai:entry-unit:${userId}`;

  // The per-user entry unit.
  useEffect(() => {
    const stored = localStorage.getItem(unitKey);
    if (stored === "YUAN" || stored === "WAN_YUAN") setEntryUnit(stored);
  }, [unitKey]);

  // Live checks and the preview, from the draft as typed once typing pauses: checking the whole
  // budget on every keystroke kept a busy machine from keeping up with fast typing.
  const deferred = useSettled(draft, CHECK_DELAY_MS);
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
    [draft.amountUnit, entryUnit, codeBook, readOnly, fieldErrors, invalidEntries, setInvalidEntries],
  );

  function chooseEntryUnit(unit: AmountUnit): void {
    setEntryUnit(unit);
    localStorage.setItem(unitKey, unit);
  }

  const errorCount = live.findings.filter((f) => f.severity === "error").length;
  const inputProblems = Object.keys(fieldErrors).length + Object.keys(invalidEntries).length;
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

  // Each part re-renders only when its own slice of the draft (or what it shows) changes: a
  // keystroke in one table does not render the other parts, the findings or the preview again.
  const { unit, income, expenditure, basicEconomic, yearEndCarryover, projects, threePublic, procurement, assets, narrative, priorYear, glossary } = draft;
  const tables = live.content.tables;
  const documentUnit = context.documentUnit;
  const lineDraft = useMemo(() => ({ income, expenditure, basicEconomic, yearEndCarryover }), [income, expenditure, basicEconomic, yearEndCarryover]);
  const sections = useMemo(
    () => (
      <>
        <EditorSection id="unit" title="单位信息" onEnter={enterSection}>
          <UnitSection draft={{ unit }} change={change} />
        </EditorSection>
        <LineSections draft={lineDraft} change={change} prior={prior} tables={tables} documentUnit={documentUnit} entryUnit={entryUnit} onEnter={enterSection} />
        <EditorSection id="projects" title="项目" onEnter={enterSection}>
          <ProjectsSection draft={{ projects }} change={change} prior={prior} />
        </EditorSection>
        <EditorSection id="threePublic" title="三公经费" onEnter={enterSection}>
          <ThreePublicSection draft={{ threePublic }} change={change} prior={prior} table={tables.T9} />
        </EditorSection>
        <EditorSection id="procurement" title="政府采购" onEnter={enterSection}>
          <ProcurementSection draft={{ procurement }} change={change} />
        </EditorSection>
        <EditorSection id="assets" title="国有资产" onEnter={enterSection}>
          <AssetsSection draft={{ assets }} change={change} />
        </EditorSection>
        <EditorSection id="narrative" title="情况说明" onEnter={enterSection}>
          <NarrativeSection draft={{ narrative, priorYear }} change={change} budget={live.budget} />
        </EditorSection>
        <EditorSection id="glossary" title="名词解释" onEnter={enterSection}>
          <GlossarySection draft={{ glossary }} change={change} />
        </EditorSection>
      </>
    ),
    [unit, lineDraft, projects, threePublic, procurement, assets, narrative, priorYear, glossary, change, prior, tables, documentUnit, entryUnit, enterSection, live.budget],
  );
  const findingsPanel = useMemo(
    () => <FindingsPanel findings={live.findings} fieldErrors={fieldErrors} invalidEntries={invalidEntries} budget={live.budget} />,
    [live.findings, fieldErrors, invalidEntries, live.budget],
  );
  const preview = useMemo(() => <DisclosureDocument content={live.content} />, [live.content]);

  return (
    <EditorContext.Provider value={context}>
      {editable && <NoScriptNotice />}
      {offer !== null && <RestoreOffer offer={offer} lockVersion={lockVersion} onRestore={restoreOffer} onDiscard={discardOffer} />}
      {restored !== null && <RestoredNotice parts={restored} />}
      {status.kind === "conflict" && <ConflictBanner message={status.message} draft={draft} />}
      <EditorToolbar status={status} readOnly={readOnly} entryUnit={entryUnit} documentUnit={context.documentUnit} errorCount={errorCount} onEntryUnit={chooseEntryUnit} />

      <div className="grid grid-cols-1 gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <div className="min-w-0 space-y-8">
          {sections}
        </div>

        <aside className="lg:sticky lg:top-28 lg:max-h-[calc(100vh-8rem)] lg:self-start lg:overflow-y-auto">
          {findingsPanel}
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
        <div className="overflow-x-auto rounded border border-slate-300 p-2 sm:p-4" tabIndex={0} role="group" aria-label="公开预览">
          {preview}
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
