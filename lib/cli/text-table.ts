import { amountUnitLabel } from "@/lib/disclosure/money";
import { columnNumbers, printRows } from "@/lib/disclosure/print";
import type { DerivedTable } from "@/lib/disclosure/table-model";
import type { AmountUnit } from "@/lib/disclosure/types";

/** Terminal width of a string: CJK and full-width characters take two columns. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    const wide =
      (code >= 0x1100 && code <= 0x115f) ||
      (code >= 0x2e80 && code <= 0xa4cf) ||
      (code >= 0xac00 && code <= 0xd7a3) ||
      (code >= 0xf900 && code <= 0xfaff) ||
      (code >= 0xfe30 && code <= 0xfe4f) ||
      (code >= 0xff00 && code <= 0xff60) ||
      (code >= 0xffe0 && code <= 0xffe6) ||
      (code >= 0x20000 && code <= 0x3fffd);
    width += wide ? 2 : 1;
  }
  return width;
}

function pad(text: string, width: number, alignRight: boolean): string {
  const fill = " ".repeat(Math.max(0, width - displayWidth(text)));
  return alignRight ? fill + text : text + fill;
}

/** Renders a derived table as aligned plain text: title, column labels, 栏次, rows, empty note. */
export function renderTextTable(table: DerivedTable, unit: AmountUnit, heading: string): string {
  const labels = table.columns.map((c) => c.label);
  const numbers = columnNumbers(table);
  const rows = printRows(table, unit);
  const all = [labels, numbers, ...rows];
  const widths = table.columns.map((_, i) => Math.max(...all.map((r) => displayWidth(r[i] ?? ""))));
  const line = (cells: string[]): string =>
    cells
      .map((cell, i) => pad(cell, widths[i] ?? 0, table.columns[i]?.kind === "amount" || table.columns[i]?.kind === "seq"))
      .join("  ")
      .trimEnd();
  const rule = "-".repeat(widths.reduce((a, b) => a + b + 2, -2));
  const out = [`表${table.number} ${table.title}`, `${heading}    单位：${amountUnitLabel(unit)}`, rule, line(labels), line(numbers), rule];
  for (const row of rows) out.push(line(row));
  if (table.emptyNote) out.push(table.emptyNote);
  return out.join("\n");
}
