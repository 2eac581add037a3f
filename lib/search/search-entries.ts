import type { Fen } from "@/lib/disclosure/types";
import type { SnapshotContent } from "@/lib/publication/snapshot-content";

/** What a search hit is: the kinds a citizen can filter by. */
export const ENTRY_KINDS = ["unit", "department", "project", "functional", "economic", "duty", "narrative"] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];

export const ENTRY_KIND_LABELS: Record<EntryKind, string> = {
  unit: "单位",
  department: "主管部门",
  project: "项目",
  functional: "功能分类科目",
  economic: "经济分类科目",
  duty: "单位职责",
  narrative: "情况说明",
};

/** One searchable piece of a published document. */
export interface SearchEntry {
  kind: EntryKind;
  /** unit, department, project or classification code; "" for text */
  code: string;
  /** name or heading, shown as the hit's title */
  title: string;
  /** longer text searched besides the title (项目用途, 绩效目标, a duty) */
  body: string;
  /** the amount the hit stands for, in 分; null when none */
  amountFen: Fen | null;
}

/**
 * The searchable entries of a published snapshot: the unit and its department (with the
 * document's total), every project (name, code, 用途, 绩效目标, with its 预算数), every
 * functional and economic subject it spends on (with its amount), each duty and the stated
 * reasons of the narrative. Pure: the same snapshot always gives the same entries.
 */
export function searchEntriesOf(content: SnapshotContent): SearchEntry[] {
  const { budget, narrative, codeBook } = content;
  const total = narrative.figures.expenditureTotal;
  const entries: SearchEntry[] = [
    { kind: "unit", code: budget.unit.code, title: budget.unit.name, body: "", amountFen: total },
    { kind: "department", code: budget.department.code, title: budget.department.name, body: "", amountFen: null },
  ];
  for (const project of budget.projects) {
    const body = [project.purpose, project.performanceGoal, ...project.indicators.map((i) => i.name)].filter((t) => t.trim() !== "").join("；");
    entries.push({ kind: "project", code: project.code, title: project.name, body, amountFen: project.amount });
  }
  const functional = new Map<string, Fen>();
  for (const line of budget.expenditure) {
    for (const length of [3, 5, 7]) {
      if (line.functionalCode.length < length) continue;
      const code = line.functionalCode.slice(0, length);
      functional.set(code, (functional.get(code) ?? 0) + line.amount);
    }
  }
  for (const entry of codeBook.functional) {
    const amount = functional.get(entry.code);
    if (amount !== undefined) entries.push({ kind: "functional", code: entry.code, title: entry.name, body: "", amountFen: amount });
  }
  const economic = new Map<string, Fen>();
  for (const line of budget.basicEconomic) {
    for (const length of [3, 5]) {
      const code = line.economicCode.slice(0, length);
      economic.set(code, (economic.get(code) ?? 0) + line.amount);
    }
  }
  for (const entry of codeBook.economic) {
    const amount = economic.get(entry.code);
    if (amount !== undefined) entries.push({ kind: "economic", code: entry.code, title: entry.name, body: "", amountFen: amount });
  }
  for (const duty of budget.unit.duties) {
    if (duty.trim() !== "") entries.push({ kind: "duty", code: "", title: "单位职责", body: duty, amountFen: null });
  }
  const reasons = [
    budget.narrative.totalChangeReason,
    budget.narrative.basicChangeReason,
    budget.narrative.projectChangeReason,
    budget.narrative.threePublicChangeReason,
    budget.narrative.operatingFundsUse,
    budget.narrative.otherNotes,
  ].filter((t) => t.trim() !== "");
  if (reasons.length > 0) entries.push({ kind: "narrative", code: "", title: "情况说明", body: reasons.join("；"), amountFen: null });
  return entries;
}

/** An entry as stored in `search_documents.entries` (short keys: 300,000 documents carry them). */
export interface StoredEntry {
  k: EntryKind;
  c: string;
  t: string;
  b: string;
  a: number | null;
}

export function toStoredEntries(entries: readonly SearchEntry[]): StoredEntry[] {
  return entries.map((e) => ({ k: e.kind, c: e.code, t: e.title, b: e.body, a: e.amountFen }));
}

export function fromStoredEntry(e: StoredEntry): SearchEntry {
  return { kind: e.k, code: e.c, title: e.t, body: e.b, amountFen: e.a };
}
