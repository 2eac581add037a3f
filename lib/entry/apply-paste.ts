import type { AmountUnit } from "@/lib/disclosure/types";
import { enterAmount } from "./amount-entry";
import { leadingCode } from "./code-search";
import { choiceFromText } from "./labels";
import { isBlankCell } from "./paste-table";

/** A column of a lines grid as paste sees it. */
export type PasteColumn =
  | { key: string; label: string; type: "amount"; precision?: "budget" | "exact" }
  | { key: string; label: string; type: "text" }
  | { key: string; label: string; type: "code"; /** the selectable codes */ codes: ReadonlySet<string>; length: number }
  | { key: string; label: string; type: "choice"; labels: Record<string, string> };

export interface PasteProblem {
  /** `name.row.key`, the cell's path in the draft */
  path: string;
  message: string;
}

export interface PasteResult<R> {
  rows: R[];
  /** amounts that could not be read: the typed text stays in the cell, the draft keeps its value */
  invalidAmounts: Record<string, { typed: string; message: string }>;
  problems: PasteProblem[];
  /** rows and columns written */
  size: { rows: number; columns: number };
}

/**
 * Writes a pasted block into a grid's rows from the focused cell on, adding rows as needed. Each
 * cell is read by its column: amounts in the entry unit (1,234.56; （空） is zero), codes by their
 * leading digits (2210201 住房公积金), choices by value or Chinese label. What cannot be read is
 * reported per cell; nothing is dropped silently.
 */
export function applyPaste<R extends Record<string, unknown>>(options: {
  name: string;
  rows: readonly R[];
  start: { row: number; column: number };
  block: string[][];
  columns: readonly PasteColumn[];
  newRow: () => R;
  documentUnit: AmountUnit;
  entryUnit: AmountUnit;
}): PasteResult<R> {
  const { name, start, block, columns, newRow, documentUnit, entryUnit } = options;
  const rows = options.rows.map((row) => ({ ...row }));
  const invalidAmounts: PasteResult<R>["invalidAmounts"] = {};
  const problems: PasteProblem[] = [];
  let widest = 0;
  block.forEach((cells, r) => {
    const rowIndex = start.row + r;
    while (rows.length <= rowIndex) rows.push(newRow());
    const row = rows[rowIndex] as Record<string, unknown>;
    cells.forEach((text, c) => {
      const column = columns[start.column + c];
      const path = `${name}.${rowIndex}.${column?.key ?? c}`;
      if (column === undefined) {
        if (!isBlankCell(text)) problems.push({ path, message: `第${rowIndex + 1}行多出的一列“${text}”没有可放的位置，已忽略` });
        return;
      }
      widest = Math.max(widest, c + 1);
      const where = `第${rowIndex + 1}行“${column.label}”`;
      switch (column.type) {
        case "amount": {
          const entry = enterAmount(text, documentUnit, entryUnit, column.precision ?? "budget");
          if (entry.ok) row[column.key] = entry.text;
          else {
            invalidAmounts[path] = { typed: entry.text, message: entry.message };
            problems.push({ path, message: `${where}：${entry.message}` });
          }
          break;
        }
        case "code": {
          const code = isBlankCell(text) ? "" : leadingCode(text);
          row[column.key] = code;
          if (code !== "" && !column.codes.has(code)) {
            problems.push({ path, message: `${where}：“${text}”不是可选的${column.length}位科目编码` });
          }
          break;
        }
        case "choice": {
          if (isBlankCell(text)) break;
          const value = choiceFromText(column.labels, text);
          if (value === null) problems.push({ path, message: `${where}：无法识别“${text}”，请从列表中选择` });
          else row[column.key] = value;
          break;
        }
        case "text":
          row[column.key] = isBlankCell(text) ? "" : text;
          break;
      }
    });
  });
  return { rows: rows as R[], invalidAmounts, problems, size: { rows: block.length, columns: widest } };
}
