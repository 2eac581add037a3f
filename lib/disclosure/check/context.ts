import { amountUnitLabel, formatAmount, formatAmountPrecise } from "../money";
import type { NarrativeFigures, NarrativeParagraph } from "../narrative";
import type { DerivedTable, DerivedTables, TableRow } from "../table-model";
import type { AmountUnit, Budget, CodeBook, Fen } from "../types";
import type { Precision } from "./precision";

/** Everything one run of the checker looks at, resolved once. */
export interface CheckContext {
  budget: Budget;
  codeBook: CodeBook;
  tables: DerivedTables;
  narrative: NarrativeFigures;
  /** the caller brought its own tables (an imported document), so their printed codes and notes need checking too */
  tablesSupplied: boolean;
  unit: AmountUnit;
  /** exact (entered here) or printed (imported) figures */
  precision: Precision;
  /** 分 of one unit of the tables' last printed digit; 0 for exact figures, which nothing excuses */
  digit: Fen;
  /** the same for figures the narrative states (its own unit and decimals when imported) */
  narrativeDigit: Fen;
  /** the imported narrative's paragraphs; empty for a generated narrative */
  narrativeText: readonly NarrativeParagraph[];
  /** row indexes built once per run, since several rules look up the same tables */
  rowIndexes: Map<DerivedTable, Map<string, TableRow>>;
}

/** "57.99万元": two decimals and the document's unit, as the tables print. */
export function money(ctx: CheckContext, fen: Fen): string {
  return `${formatAmount(fen, ctx.unit)}${amountUnitLabel(ctx.unit)}`;
}

/** Asset values are published to 0.001 万元 (1.385), so two decimals would hide the difference. */
export function preciseMoney(ctx: CheckContext, fen: Fen): string {
  return `${formatAmountPrecise(fen, ctx.unit)}${amountUnitLabel(ctx.unit)}`;
}

// Imported tables may be rebuilt on every keystroke, so the index is keyed by the columns array itself.
const columnIndexCache = new WeakMap<DerivedTable["columns"], Map<string, number>>();

function columnIndexes(table: DerivedTable): Map<string, number> {
  let indexes = columnIndexCache.get(table.columns);
  if (!indexes) {
    indexes = new Map(table.columns.map((c, i) => [c.key, i]));
    columnIndexCache.set(table.columns, indexes);
  }
  return indexes;
}

/** Index of a column in `row.cells`, or -1; hot loops resolve it once per table. */
export function columnAt(table: DerivedTable, key: string): number {
  return columnIndexes(table).get(key) ?? -1;
}

/** The amount at a resolved column index (see `cellFen`). */
export function fenAt(row: TableRow, index: number): Fen {
  const value = row.cells[index];
  return typeof value === "number" ? value : 0;
}

function hasColumn(table: DerivedTable, key: string): boolean {
  return columnIndexes(table).has(key);
}

/** The amount in a cell; blank, text and missing cells count as zero, as a printed table reads. */
export function cellFen(table: DerivedTable, row: TableRow | undefined, key: string): Fen {
  if (!row) return 0;
  const index = columnIndexes(table).get(key);
  if (index === undefined) return 0;
  const value = row.cells[index];
  return typeof value === "number" ? value : 0;
}

export function cellText(table: DerivedTable, row: TableRow, key: string): string {
  const index = columnIndexes(table).get(key);
  if (index === undefined) return "";
  const value = row.cells[index];
  return typeof value === "string" ? value.trim() : "";
}

export function columnLabel(table: DerivedTable, key: string): string {
  const index = columnIndexes(table).get(key);
  return index === undefined ? key : (table.columns[index]?.label ?? key);
}

export function amountColumnKeys(table: DerivedTable): string[] {
  return table.columns.filter((c) => c.kind === "amount").map((c) => c.key);
}

export function rowsByKey(ctx: CheckContext, table: DerivedTable): Map<string, TableRow> {
  let rows = ctx.rowIndexes.get(table);
  if (!rows) {
    rows = new Map(table.rows.map((r) => [r.key, r]));
    ctx.rowIndexes.set(table, rows);
  }
  return rows;
}

export function tableName(table: DerivedTable): string {
  return `表${table.number} ${table.title}`;
}

/** The code printed on a hierarchical row ("" on the 合计 row and on tables without codes). */
export function rowCode(table: DerivedTable, row: TableRow): string {
  return cellText(table, row, "code");
}

/**
 * What an accountant reads as the row's name: "2013701 行政运行" on coded tables; on the
 * side-by-side tables 1 and 4, the item text of the side the column belongs to.
 */
export function rowLabel(table: DerivedTable, row: TableRow, columnKey?: string): string {
  if (hasColumn(table, "code")) {
    return [rowCode(table, row), cellText(table, row, "name")].filter(Boolean).join(" ") || row.key;
  }
  const columns = table.columns;
  const from = columnKey === undefined ? columns.length - 1 : (columnIndexes(table).get(columnKey) ?? columns.length - 1);
  for (let i = from; i >= 0; i--) {
    if (columns[i]?.kind !== "text") continue;
    const value = row.cells[i];
    if (typeof value === "string" && value.trim()) return value.trim();
  }
  return row.key;
}

/** Tables 1 and 4 print one amount per side, so the row's item text already names the cell. */
function itemNamesCell(table: DerivedTable, columnKey: string): boolean {
  return table.id === "T1" || (table.id === "T4" && columnKey === "income");
}

/** e.g. `表3 单位预算支出总表 “201 一般公共服务支出”行“基本支出”列` or `表1 单位预算收支总表 “收入总计”`. */
export function cellRef(table: DerivedTable, row: TableRow, columnKey: string): string {
  const label = rowLabel(table, row, columnKey);
  if (itemNamesCell(table, columnKey)) return `${tableName(table)} “${label}”`;
  return `${tableName(table)} “${label}”行“${columnLabel(table, columnKey)}”列`;
}

/** `“基本支出”与“项目支出”` or `“财政拨款收入”至“其他收入”各列` for a list of summed columns. */
export function partsLabel(table: DerivedTable, keys: readonly string[]): string {
  const labels = keys.map((k) => `“${columnLabel(table, k)}”`);
  if (labels.length <= 1) return labels.join("");
  if (labels.length === 2) return `${labels[0]}与${labels[1]}`;
  if (labels.length === 3) return `${labels[0]}、${labels[1]}与${labels[2]}`;
  return `${labels[0]}至${labels[labels.length - 1]}各列`;
}

/** Allowance between a figure the narrative states and the table it restates: the coarser of the two printed digits. */
export function narrativeTolerance(ctx: CheckContext): Fen {
  return Math.max(ctx.digit, ctx.narrativeDigit);
}
