import { formatAmount } from "./money";
import type { DerivedTable } from "./table-model";
import type { AmountUnit } from "./types";

/**
 * The printed cells of a table, row by row, exactly as the document shows them: amounts
 * with two decimals, zero amounts and missing values as empty cells.
 */
export function printRows(table: DerivedTable, unit: AmountUnit): string[][] {
  return table.rows.map((row) =>
    row.cells.map((cell, i) => {
      if (cell === null) return "";
      if (typeof cell === "string") return cell;
      return table.columns[i]?.kind === "amount" ? formatAmount(cell, unit, { blankZero: true }) : String(cell);
    }),
  );
}

/** The 栏次 row: every column after 序号 numbered from 1. */
export function columnNumbers(table: DerivedTable): string[] {
  return table.columns.map((c, i) => (c.kind === "seq" ? "栏次" : String(i)));
}
