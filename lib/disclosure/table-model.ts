import type { Fen } from "./types";

/**
 * The nine derived tables as structured data, shared by the CLI, the preview, the reviewer's
 * view, the public page and the exports. Amount cells hold exact 分; formatting happens at print.
 */

export type ColumnKind = "seq" | "code" | "text" | "amount";

export interface Column {
  key: string;
  kind: ColumnKind;
  /** the leaf header label, e.g. 基本支出 */
  label: string;
}

/** One cell of a multi-row header; `colSpan`/`rowSpan` as in HTML. */
export interface HeaderCell {
  label: string;
  colSpan?: number;
  rowSpan?: number;
}

export type RowKind =
  | "total" // 合计 / 总计 rows
  | "class" // 类 (or one of the 31 fixed classes)
  | "section" // 款
  | "item" // 项 (or an economic 款 in table 6)
  | "line"; // a plain labelled row (income sources, 三公 items)

export type CellValue = Fen | string | null;

export interface TableRow {
  /** stable key for anchors, comments and diffs, e.g. "2013701" or "income:GENERAL_BUDGET" */
  key: string;
  kind: RowKind;
  /** indentation level: 0 totals, 1 类, 2 款, 3 项 */
  level: 0 | 1 | 2 | 3;
  /** values in column order; `null` prints as an empty cell */
  cells: CellValue[];
}

export type TableId = "T1" | "T2" | "T3" | "T4" | "T5" | "T6" | "T7" | "T8" | "T9";

export interface DerivedTable {
  id: TableId;
  number: number;
  title: string;
  /** the header rows above the 栏次 row, as published */
  header: HeaderCell[][];
  columns: Column[];
  rows: TableRow[];
  /** `注：无…，空表列示。` when the table has no rows */
  emptyNote: string | null;
}

export interface DerivedTables {
  T1: DerivedTable;
  T2: DerivedTable;
  T3: DerivedTable;
  T4: DerivedTable;
  T5: DerivedTable;
  T6: DerivedTable;
  T7: DerivedTable;
  T8: DerivedTable;
  T9: DerivedTable;
}

export const TABLE_IDS: readonly TableId[] = ["T1", "T2", "T3", "T4", "T5", "T6", "T7", "T8", "T9"];

export function columnIndex(table: DerivedTable, key: string): number {
  const index = table.columns.findIndex((c) => c.key === key);
  if (index < 0) throw new Error(`table ${table.id} has no column ${key}`);
  return index;
}

export function amountAt(table: DerivedTable, row: TableRow, key: string): Fen {
  const value = row.cells[columnIndex(table, key)];
  return typeof value === "number" ? value : 0;
}

export function findRow(table: DerivedTable, key: string): TableRow | undefined {
  return table.rows.find((r) => r.key === key);
}
