import type { Finding } from "../findings";
import type { DerivedTable, TableRow } from "../table-model";
import { compare, partsTolerance, push } from "./compare";
import { amountColumnKeys, cellRef, columnAt, fenAt, rowCode, type CheckContext } from "./context";

const FUNCTIONAL_LENGTHS: readonly number[] = [3, 5, 7];
export const ECONOMIC_LENGTHS: readonly number[] = [3, 5];
const LEVEL_WORD: Record<number, string> = { 3: "类", 5: "款", 7: "项" };

/** Tables whose rows are a code hierarchy, with the code lengths of their levels. */
export function hierarchicalTables(ctx: CheckContext): [DerivedTable, readonly number[]][] {
  const t = ctx.tables;
  return [
    [t.T2, FUNCTIONAL_LENGTHS],
    [t.T3, FUNCTIONAL_LENGTHS],
    [t.T5, FUNCTIONAL_LENGTHS],
    [t.T6, ECONOMIC_LENGTHS],
    [t.T7, FUNCTIONAL_LENGTHS],
    [t.T8, FUNCTIONAL_LENGTHS],
  ];
}

function fitsHierarchy(code: string, lengths: readonly number[]): boolean {
  return /^\d+$/.test(code) && lengths.includes(code.length);
}

/**
 * C2: every row equals the sum of the rows directly below it (合计 = Σ 类, 类 = Σ 款, 款 = Σ 项).
 * A printed table may skip a level, so a row's parent is its nearest printed ancestor. Rows with a
 * malformed code are left to the code checks (D7): guessing their place would only add noise.
 */
export function checkHierarchies(ctx: CheckContext, out: Finding[]): void {
  for (const [table, lengths] of hierarchicalTables(ctx)) checkHierarchy(ctx, table, lengths, out);
}

function checkHierarchy(ctx: CheckContext, table: DerivedTable, lengths: readonly number[], out: Finding[]): void {
  const byCode = new Map<string, TableRow>();
  let totalRow: TableRow | undefined;
  for (const row of table.rows) {
    const code = rowCode(table, row);
    if (fitsHierarchy(code, lengths)) byCode.set(code, row);
    else if (row.kind === "total" && !totalRow) totalRow = row;
  }
  const children = new Map<TableRow, TableRow[]>();
  for (const [code, row] of byCode) {
    let parent = totalRow;
    for (let i = lengths.length - 1; i >= 0; i--) {
      const length = lengths[i] ?? 0;
      if (length >= code.length) continue;
      const ancestor = byCode.get(code.slice(0, length));
      if (ancestor) {
        parent = ancestor;
        break;
      }
    }
    if (!parent) continue;
    const siblings = children.get(parent);
    if (siblings) siblings.push(row);
    else children.set(parent, [row]);
  }
  const columns = amountColumnKeys(table).map((key) => [key, columnAt(table, key)] as const);
  for (const [parent, kids] of children) {
    for (const [column, index] of columns) {
      // Sum and count in place: this runs for every row and column on every keystroke.
      let expected = 0;
      let nonZero = 0;
      for (const kid of kids) {
        const value = fenAt(kid, index);
        expected += value;
        if (value !== 0) nonZero++;
      }
      const actual = fenAt(parent, index);
      const tolerance = partsTolerance(ctx, nonZero);
      if (actual === expected) continue;
      const word = LEVEL_WORD[rowCode(table, kids[0] as TableRow).length] ?? "";
      push(
        out,
        compare(ctx, {
          rule: "C2",
          actual,
          expected,
          tolerance,
          location: { table: table.id, rowKey: parent.key, column },
          describe: (actualText, expectedText) => `${cellRef(table, parent, column)}为${actualText}，但其下各${word}合计为${expectedText}`,
        }),
      );
    }
  }
}
