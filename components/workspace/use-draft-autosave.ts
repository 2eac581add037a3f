"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { BudgetDraftInput } from "@/lib/budgets/budget-input-schema";
import type { BudgetIdentity } from "@/lib/entry/draft-budget";
import type { EditorSectionId } from "@/lib/entry/finding-target";
import { mergeDraft } from "@/lib/entry/merge-draft";
import type { ChangeEntry } from "./change-log";
import type { InvalidEntry } from "./editor-context";

export type SaveDraftOutcome =
  | { ok: true; lockVersion: number; changedFields: number; savedAt: string; changes: ChangeEntry[] }
  | { ok: false; kind: "invalid" | "conflict" | "refused" | "error"; message: string; fieldErrors: Record<string, string[]> };

export type SaveAction = (request: { unitCode: string; year: number; baseLockVersion: number; draft: BudgetDraftInput }) => Promise<SaveDraftOutcome>;

export type SaveStatus =
  | { kind: "idle" }
  | { kind: "pending" }
  | { kind: "saving" }
  | { kind: "saved"; at: string }
  | { kind: "failed"; message: string }
  | { kind: "conflict"; message: string };

export interface Backup {
  lockVersion: number;
  savedAt: string;
  /** the draft as last saved (or loaded), to tell which parts the accountant changed */
  base: BudgetDraftInput;
  draft: BudgetDraftInput;
  invalidEntries: Record<string, InvalidEntry>;
}

export type Change = (update: (draft: BudgetDraftInput) => BudgetDraftInput) => void;

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

export function timeText(iso: string): string {
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

interface DraftAutosaveOptions {
  identity: BudgetIdentity;
  initialDraft: BudgetDraftInput;
  lockVersion: number;
  changes: ChangeEntry[];
  readOnly: boolean;
  saveAction: SaveAction;
}

/**
 * The draft as typed and its autosave: a debounced save of the whole draft from the lockVersion it
 * was loaded with, a copy in the browser's storage while unsaved (offered back after a refused or
 * interrupted save), a save when the accountant leaves a section or the page.
 */
export function useDraftAutosave({ identity, initialDraft, lockVersion: initialLockVersion, changes: initialChanges, readOnly, saveAction }: DraftAutosaveOptions) {
  const [draft, setDraft] = useState<BudgetDraftInput>(initialDraft);
  const [lockVersion, setLockVersion] = useState(initialLockVersion);
  const [revision, setRevision] = useState(0);
  const [status, setStatus] = useState<SaveStatus>({ kind: "idle" });
  const [serverErrors, setServerErrors] = useState<Record<string, string[]>>({});
  const [invalidEntries, setInvalidEntries] = useState<Record<string, InvalidEntry>>({});
  const [changes, setChanges] = useState(initialChanges);
  const [offer, setOffer] = useState<Backup | null>(null);
  const [restored, setRestored] = useState<string[] | null>(null);

  const draftRef = useRef(draft);
  const baseRef = useRef(initialDraft);
  const invalidRef = useRef(invalidEntries);
  const lockRef = useRef(initialLockVersion);
  const revisionRef = useRef(0);
  const savedRevisionRef = useRef(0);
  const savingRef = useRef(false);
  const conflictRef = useRef(false);
  const timerRef = useRef<ReturnType<typeof setTimeout> | null>(null);
  const sectionRef = useRef<EditorSectionId | null>(null);
  const prefix = backupPrefix(identity);

  useEffect(() => {
    draftRef.current = draft;
    invalidRef.current = invalidEntries;
  }, [draft, invalidEntries]);

  // Any draft a refused or interrupted save left behind.
  useEffect(() => {
    if (readOnly) return;
    const backups = readBackups(prefix);
    const latest = backups.sort((a, b) => b.backup.savedAt.localeCompare(a.backup.savedAt))[0];
    if (latest !== undefined && JSON.stringify(latest.backup.draft) !== JSON.stringify(initialDraft)) setOffer(latest.backup);
    else clearBackups(prefix);
  }, [prefix, readOnly, initialDraft]);

  const change: Change = useCallback((update) => {
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

  /** Leaving one section for another saves at once. */
  const enterSection = useCallback(
    (section: EditorSectionId): void => {
      if (sectionRef.current !== null && sectionRef.current !== section) void save();
      sectionRef.current = section;
    },
    [save],
  );

  /** Takes the offered backup: the parts the accountant changed replace what others saved since. */
  function restoreOffer(): void {
    if (offer === null) return;
    setOffer(null);
    clearBackups(prefix);
    setInvalidEntries(offer.invalidEntries ?? {});
    const merged = offer.base === undefined ? { draft: offer.draft, taken: [] } : mergeDraft(draftRef.current, offer.base, offer.draft);
    setRestored(merged.taken.map((key) => PART_LABELS[key] ?? key));
    change(() => merged.draft);
  }

  function discardOffer(): void {
    setOffer(null);
    clearBackups(prefix);
  }

  const unsaved = revision !== savedRevisionRef.current || status.kind === "saving" || status.kind === "pending";

  return {
    draft,
    change,
    lockVersion,
    status,
    unsaved,
    serverErrors,
    invalidEntries,
    setInvalidEntries,
    changes,
    offer,
    restored,
    restoreOffer,
    discardOffer,
    enterSection,
  };
}
