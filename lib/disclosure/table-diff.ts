import type { DerivedTable, DerivedTables, RowKind, TableRow } from "./table-model";
import { TABLE_IDS } from "./table-model";
import type { Fen } from "./types";

/** One published figure that differs between two versions of a document, old → new. */
export interface FigureChange {
  /** 表 number 1–9 */
  table: number;
  tableTitle: string;
  /** the row's stable key (anchors and tests) */
  rowKey: string;
  /** what a reader calls the row: its code and name, e.g. "2013701 行政运行" */
  rowLabel: string;
  /** total, class (类) and section (款) rows sum the others */
  rowKind: RowKind;
  /** the column's leaf header, e.g. 基本支出 */
  columnLabel: string;
  /** null: the row did not exist in that version */
  oldFen: Fen | null;
  newFen: Fen | null;
}

/**
 * Every amount cell of the nine tables that differs between two versions, in table and row
 * order of the newer version (rows only the older one had follow, in its order). Derived from
 * the two frozen snapshots, so the 更正说明's list of figures is never typed by hand.
 */
export function diffTables(before: DerivedTables, after: DerivedTables): FigureChange[] {
  return TABLE_IDS.flatMap((id) => diffTable(before[id], after[id]));
}

function diffTable(before: DerivedTable, after: DerivedTable): FigureChange[] {
  const changes: FigureChange[] = [];
  const beforeRows = new Map(before.rows.map((row) => [row.key, row]));
  const afterKeys = new Set(after.rows.map((row) => row.key));
  const visit = (old: TableRow | undefined, now: TableRow | undefined) => {
    const shown = now ?? old;
    if (shown === undefined) return;
    after.columns.forEach((column, index) => {
      if (column.kind !== "amount") return;
      const oldFen = amount(old, index);
      const newFen = amount(now, index);
      if ((oldFen ?? 0) === (newFen ?? 0)) return;
      changes.push({
        table: after.number,
        tableTitle: after.title,
        rowKey: shown.key,
        rowLabel: rowLabel(after, shown, index),
        rowKind: shown.kind,
        columnLabel: column.label,
        oldFen,
        newFen,
      });
    });
  };
  for (const row of after.rows) visit(beforeRows.get(row.key), row);
  for (const row of before.rows) if (!afterKeys.has(row.key)) visit(row, undefined);
  return changes;
}

function amount(row: TableRow | undefined, index: number): Fen | null {
  if (row === undefined) return null;
  const value = row.cells[index];
  return typeof value === "number" ? value : 0;
}

/** The row's code (when it has one) and the nearest text to the left of the amount column. */
function rowLabel(table: DerivedTable, row: TableRow, amountIndex: number): string {
  const codeIndex = table.columns.findIndex((column) => column.kind === "code");
  const code = codeIndex >= 0 && codeIndex < amountIndex ? row.cells[codeIndex] : null;
  let name: string | null = null;
  for (let i = amountIndex - 1; i >= 0 && name === null; i -= 1) {
    const cell = row.cells[i];
    if (table.columns[i]?.kind === "text" && typeof cell === "string" && cell.trim() !== "") name = cell.trim();
  }
  return [typeof code === "string" ? code : null, name].filter((part) => part !== null && part !== "").join(" ") || row.key;
}

/** Changes of one row that moved by the same old → new in several columns, as one line. */
export interface ChangedRow {
  table: number;
  rowKey: string;
  rowLabel: string;
  /** the columns, e.g. ["合计", "小计", "财政拨款收入"] */
  columns: string[];
  oldFen: Fen | null;
  newFen: Fen | null;
  /** a total, 类 or 款 row: it moves because the rows it sums did */
  isSubtotal: boolean;
}

/** The changes of a row with the same old → new in several columns as one line, in the list's order. */
export function groupChangedRows(changes: readonly FigureChange[]): ChangedRow[] {
  const rows = new Map<string, ChangedRow>();
  for (const change of changes) {
    const key = `${change.table}|${change.rowKey}|${change.rowLabel}|${change.oldFen}|${change.newFen}`;
    const row = rows.get(key);
    if (row !== undefined) row.columns.push(change.columnLabel);
    else {
      rows.set(key, {
        table: change.table,
        rowKey: change.rowKey,
        rowLabel: change.rowLabel,
        columns: [change.columnLabel],
        oldFen: change.oldFen,
        newFen: change.newFen,
        isSubtotal: change.rowKind === "total" || change.rowKind === "class" || change.rowKind === "section",
      });
    }
  }
  return [...rows.values()];
}
