import { describeLocation } from "@/lib/spreadsheet/cell-address";
import { findHeaderRow, cellText, type FieldSpec, type HeaderMatch } from "@/lib/spreadsheet/header-map";
import type { CellValue, SheetData, SpreadsheetData, SpreadsheetProblem } from "@/lib/spreadsheet/read-spreadsheet";

/** The sheet an import reads: its header and the rows below it (0-based row numbers of the sheet). */
export interface ImportSheet<F extends string> {
  sheet: string;
  header: HeaderMatch<F>;
  rows: { row: number; cells: CellValue[] }[];
}

export type SelectSheetResult<F extends string> = { ok: true; value: ImportSheet<F> } | { ok: false; problems: SpreadsheetProblem[] };

const problem = (sheet: string | null, row: number | null, column: number | null, reason: string): SpreadsheetProblem => ({
  sheet,
  row,
  column,
  message: `${describeLocation(sheet, row, column)}：${reason}`,
});

const hasContent = (sheet: SheetData) => sheet.rows.some((row) => row.some((cell) => cellText(cell) !== ""));

/**
 * Picks the sheet to import: the first visible sheet whose header names the required columns
 * (sheets without such a header, e.g. 填写说明, are ignored). Refuses, naming the place, what would
 * make the import read something other than what the administrator sees: a hidden sheet that holds
 * data, a second sheet with the same header, merged cells in the table, and a header that lacks a
 * required column.
 */
export function selectImportSheet<F extends string>(
  data: SpreadsheetData,
  specs: readonly FieldSpec<F>[],
  headers: Record<F, string>,
): SelectSheetResult<F> {
  const problems: SpreadsheetProblem[] = [];
  for (const sheet of data.sheets) {
    if (sheet.isHidden && hasContent(sheet)) {
      problems.push(problem(sheet.name, null, null, "这是隐藏的工作表且有内容。请在 Excel 中取消隐藏并核对其内容，不需要的请删除，然后重新上传。"));
    }
  }
  const candidates = data.sheets.filter((sheet) => !sheet.isHidden && hasContent(sheet));
  let best: { sheet: SheetData; header: HeaderMatch<F> } | null = null;
  for (const sheet of candidates) {
    const header = findHeaderRow(sheet.rows, specs);
    if (header === null) continue;
    if (best === null || header.missing.length < best.header.missing.length) best = { sheet, header };
    if (header.missing.length === 0) break;
  }
  if (best === null) {
    const expected = specs.filter((spec) => spec.isRequired).map((spec) => `“${headers[spec.field]}”`).join("、");
    problems.push(problem(candidates[0]?.name ?? null, null, null, `未找到表头：表头行应包含 ${expected} 等列（可下载模板对照）。`));
    return { ok: false, problems };
  }
  const { sheet, header } = best;
  // A second table of the same kind would be silently left out: refuse rather than import half.
  for (const other of candidates) {
    if (other === sheet) continue;
    const otherHeader = findHeaderRow(other.rows, specs);
    if (otherHeader !== null && otherHeader.missing.length === 0) {
      problems.push(problem(other.name, otherHeader.headerRow, null, `与工作表“${sheet.name}”的表头相同。一次只导入一个工作表：请把数据合并到一个工作表，或删除多余的工作表。`));
    }
  }
  for (const field of header.missing) {
    const spec = specs.find((s) => s.field === field);
    const aliases = spec === undefined ? "" : `（也可写作 ${spec.aliases.filter((a) => a !== headers[field]).map((a) => `“${a}”`).join("、")}）`;
    problems.push(problem(sheet.name, header.headerRow, null, `缺少“${headers[field]}”列${aliases}。`));
  }
  for (const merge of sheet.merges) {
    if (merge.bottom < header.headerRow) continue;
    problems.push(
      problem(sheet.name, merge.top, merge.left, `有合并单元格（至第 ${merge.bottom + 1} 行）。请取消合并，每个单元格只填一个值后重新上传。`),
    );
  }
  if (problems.length > 0) return { ok: false, problems };
  const rows = sheet.rows
    .map((cells, row) => ({ row, cells }))
    .filter(({ row, cells }) => row > header.headerRow && cells.some((cell) => cellText(cell) !== ""));
  if (rows.length === 0) return { ok: false, problems: [problem(sheet.name, header.headerRow, null, "表头下没有数据行。")] };
  return { ok: true, value: { sheet: sheet.name, header, rows } };
}

/** The text of a field's cell in a row ("" when the column is absent or the cell empty). */
export function fieldText<F extends string>(sheet: ImportSheet<F>, cells: CellValue[], field: F): string {
  const column = sheet.header.columns[field];
  return column === undefined ? "" : cellText(cells[column] ?? null);
}

export function hasColumn<F extends string>(sheet: ImportSheet<F>, field: F): boolean {
  return sheet.header.columns[field] !== undefined;
}

export function rowProblem<F extends string>(sheet: ImportSheet<F>, row: number, field: F | null, reason: string): SpreadsheetProblem {
  const column = field === null ? null : (sheet.header.columns[field] ?? null);
  return problem(sheet.sheet, row, column, reason);
}
