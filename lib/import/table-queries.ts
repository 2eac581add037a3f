import type { Fen } from "@/lib/disclosure/types";
import type { ColumnKey } from "./tables/table-kinds";
import type { PrintedAmount, TableRead, TableRowRead } from "./tables/read-tables";

/** Lookups over rebuilt tables that the figure reader and the sum checks share. */

export function columnsOf(table: TableRead, key: ColumnKey): number[] {
  return table.columns.flatMap((c, i) => (c.key === key ? [i] : []));
}

export function amountIn(row: TableRowRead, column: number): PrintedAmount | undefined {
  return row.amounts.find((a) => a.column === column);
}

export function fenIn(row: TableRowRead, column: number): Fen {
  return amountIn(row, column)?.fen ?? 0;
}

export function isTotalLabel(label: string): boolean {
  return /^(合计|总计|本年支出合计|支出合计)$/.test(label);
}

/** The table's 合计 row; a table that prints one figure row without a label (Jiangsu 03, 09) has that row. */
export function totalRow(table: TableRead): TableRowRead | undefined {
  const labelled = table.rows.find((r) => r.code === null && isTotalLabel(r.label) && r.amounts.length > 0);
  if (labelled) return labelled;
  const figureRows = table.rows.filter((r) => r.amounts.length > 0);
  const unlabeled = figureRows.find((r) => r.code === null && r.label === "");
  return unlabeled ?? (figureRows.length === 1 && figureRows[0]?.code === null ? figureRows[0] : undefined);
}

export interface Pair {
  label: string;
  amounts: PrintedAmount[];
  row: TableRowRead;
}

/** Side-by-side tables (收支总表): each label with the figures printed after it, up to the next label. */
export function labelledPairs(table: TableRead): Pair[] {
  const pairs: Pair[] = [];
  // columns of labels: left edges shared by at least three rows
  const starts = new Map<number, number>();
  for (const row of table.rows) for (const t of row.texts) starts.set(Math.round(t.x0 / 4), (starts.get(Math.round(t.x0 / 4)) ?? 0) + 1);
  const labelColumns = [...starts].filter(([, n]) => n >= 3).map(([bin]) => bin * 4);
  for (const row of table.rows) {
    const texts = [...row.texts].sort((a, b) => a.x0 - b.x0);
    texts.forEach((text, i) => {
      const next = texts[i + 1];
      // a figure belongs to the label before it unless another column of labels lies between them
      const amounts = row.amounts.filter(
        (a) => a.x0 >= text.x1 - 1 && (!next || a.x1 <= next.x0 + 1) && !labelColumns.some((x) => x > text.x1 + 4 && x < a.x0 - 4),
      );
      pairs.push({ label: text.text.replace(/\s+/g, ""), amounts, row });
    });
  }
  return pairs;
}

/** Level of a coded row: 1 类, 2 款, 3 项 (economic: 1 类, 2 款). */
export function codeLevel(row: TableRowRead): number {
  if (row.codeTokens.length > 1) return row.codeTokens.length;
  const length = row.code?.length ?? 0;
  return length <= 3 ? 1 : length <= 5 ? 2 : 3;
}

/** The table of the first kind present; of several (a narrative may restate one), the one with most figures. */
export function byKind(tables: readonly TableRead[], ...kinds: TableRead["kind"][]): TableRead | undefined {
  for (const kind of kinds) {
    const candidates = tables.filter((t) => t.kind === kind && t.rows.length > 0);
    const figures = (t: TableRead) => t.rows.reduce((n, r) => n + r.amounts.length, 0);
    const best = candidates.reduce<TableRead | undefined>((a, b) => (!a || figures(b) > figures(a) ? b : a), undefined);
    if (best) return best;
  }
  return undefined;
}
