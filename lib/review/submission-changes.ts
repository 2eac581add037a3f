import type { ChangeLabeler } from "./change-labels";

/** One budget_changes row as stored. */
export interface ChangeRow {
  path: string;
  oldValue: unknown;
  newValue: unknown;
}

/** One field that differs between two submissions, as the reviewer reads it. */
export interface SubmissionChange {
  path: string;
  label: string;
  oldText: string;
  newText: string;
  /** new − old in 分, for amounts */
  deltaFen: number | null;
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/**
 * Collapses the change log between two submissions to one entry per path: the value before the
 * first change, the value after the last. A field changed and changed back disappears. Paths keep
 * the order of their first change. `rows` must be in the order they were written.
 */
export function collapseChanges(rows: readonly ChangeRow[]): ChangeRow[] {
  const byPath = new Map<string, ChangeRow>();
  for (const row of rows) {
    const seen = byPath.get(row.path);
    if (seen === undefined) byPath.set(row.path, { ...row });
    else seen.newValue = row.newValue;
  }
  return [...byPath.values()].filter((row) => !same(row.oldValue, row.newValue));
}

export function describeChanges(rows: readonly ChangeRow[], labeler: ChangeLabeler): SubmissionChange[] {
  return collapseChanges(rows).map((row) => {
    const money = labeler.isMoney(row.path);
    const oldFen = typeof row.oldValue === "number" ? row.oldValue : 0;
    const newFen = typeof row.newValue === "number" ? row.newValue : 0;
    return {
      path: row.path,
      label: labeler.label(row.path),
      oldText: labeler.value(row.path, row.oldValue),
      newText: labeler.value(row.path, row.newValue),
      deltaFen: money ? newFen - oldFen : null,
    };
  });
}
