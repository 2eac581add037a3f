import type { Finding } from "../findings";
import type { DerivedTable, TableRow } from "../table-model";
import { compare, partsTolerance, push, sumTolerance } from "./compare";
import { cellFen, cellRef, columnAt, fenAt, partsLabel, type CheckContext } from "./context";

/** On every row (or the given rows): the `totalKey` column equals the sum of the `partKeys` columns. */
export function checkRowSums(
  ctx: CheckContext,
  out: Finding[],
  rule: string,
  table: DerivedTable,
  totalKey: string,
  partKeys: readonly string[],
  rows: readonly TableRow[] = table.rows,
): void {
  const totalIndex = columnAt(table, totalKey);
  if (totalIndex < 0) return;
  const partIndexes = partKeys.map((k) => columnAt(table, k)).filter((i) => i >= 0);
  for (const row of rows) {
    let expected = 0;
    let nonZero = 0;
    for (const index of partIndexes) {
      const value = fenAt(row, index);
      expected += value;
      if (value !== 0) nonZero++;
    }
    const actual = fenAt(row, totalIndex);
    const tolerance = partsTolerance(ctx, nonZero);
    // Checked before building the finding: this runs on every row of every table on every keystroke.
    if (actual === expected) continue;
    push(
      out,
      compare(ctx, {
        rule,
        actual,
        expected,
        tolerance,
        location: { table: table.id, rowKey: row.key, column: totalKey },
        describe: (actualText, expectedText) => `${cellRef(table, row, totalKey)}为${actualText}，但${partsLabel(table, partKeys)}之和为${expectedText}`,
      }),
    );
  }
}

/** One cell against the sum of the same column over other rows (e.g. 本年收入合计 = Σ income rows). */
export function checkColumnSum(
  ctx: CheckContext,
  out: Finding[],
  rule: string,
  table: DerivedTable,
  totalRow: TableRow | undefined,
  column: string,
  partRows: readonly TableRow[],
  partsWord: string,
): void {
  if (!totalRow) return;
  const parts = partRows.map((r) => cellFen(table, r, column));
  push(
    out,
    compare(ctx, {
      rule,
      actual: cellFen(table, totalRow, column),
      expected: parts.reduce((a, b) => a + b, 0),
      tolerance: sumTolerance(ctx, parts),
      location: { table: table.id, rowKey: totalRow.key, column },
      describe: (actual, expected) => `${cellRef(table, totalRow, column)}为${actual}，但${partsWord}之和为${expected}`,
    }),
  );
}
