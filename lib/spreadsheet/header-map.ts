import type { CellValue } from "./read-spreadsheet";

/** The text a person sees in a cell, trimmed; numbers without exponent or float noise. */
export function cellText(value: CellValue): string {
  if (value === null) return "";
  if (typeof value === "string") return value.trim();
  if (typeof value === "number") {
    if (Number.isInteger(value)) return value.toLocaleString("en-US", { useGrouping: false, maximumFractionDigits: 0 });
    return String(Number(value.toPrecision(15)));
  }
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return value.toISOString().slice(0, 10);
}

const FULL_WIDTH_PAIRS: Record<string, string> = { "（": "(", "）": ")", "【": "[", "】": "]", "［": "[", "］": "]" };

/**
 * Header text as compared with aliases: no whitespace (also U+3000 and line breaks inside a
 * cell), no required-field stars or trailing colons, half-width brackets, ASCII lower case.
 */
export function normalizeHeader(text: string): string {
  return text
    .replace(/[\s\u3000]+/g, "")
    .replace(/[（）【】［］]/g, (character) => FULL_WIDTH_PAIRS[character] ?? character)
    .replace(/[*＊]/g, "")
    .replace(/[:：]+$/, "")
    .toLowerCase();
}

/** "单位编码(必填)" and "单位编码[文本]" name the same column as "单位编码". */
function withoutBracketedNotes(normalized: string): string {
  return normalized.replace(/\([^)]*\)|\[[^\]]*\]/g, "");
}

export interface FieldSpec<F extends string> {
  field: F;
  aliases: readonly string[];
  isRequired: boolean;
}

export interface HeaderMatch<F extends string> {
  headerRow: number;
  columns: Partial<Record<F, number>>;
  missing: F[];
  unknownColumns: { column: number; header: string }[];
}

function matchRow<F extends string>(row: readonly CellValue[], specs: readonly FieldSpec<F>[], rowIndex: number): HeaderMatch<F> {
  const aliasIndex = new Map<string, F>();
  for (const spec of specs) {
    for (const alias of [spec.field, ...spec.aliases]) aliasIndex.set(normalizeHeader(alias), spec.field);
  }
  const columns: Partial<Record<F, number>> = {};
  const unknownColumns: { column: number; header: string }[] = [];
  row.forEach((value, column) => {
    const header = cellText(value);
    if (header === "") return;
    const normalized = normalizeHeader(header);
    const field = aliasIndex.get(normalized) ?? aliasIndex.get(withoutBracketedNotes(normalized));
    if (field !== undefined && columns[field] === undefined) columns[field] = column;
    else unknownColumns.push({ column, header });
  });
  const missing = specs.filter((spec) => spec.isRequired && columns[spec.field] === undefined).map((spec) => spec.field);
  return { headerRow: rowIndex, columns, missing, unknownColumns };
}

/**
 * The header row of a sheet: among its first `searchRows` rows, the one that names the most
 * fields (the earliest on a tie), found by header text, never by position. Null when no row
 * names any required field (then the sheet is not the table asked for).
 */
export function findHeaderRow<F extends string>(
  rows: readonly (readonly CellValue[])[],
  specs: readonly FieldSpec<F>[],
  searchRows = 15,
): HeaderMatch<F> | null {
  const requiredFields = new Set(specs.filter((spec) => spec.isRequired).map((spec) => spec.field));
  let best: HeaderMatch<F> | null = null;
  let bestScore = 0;
  rows.slice(0, searchRows).forEach((row, rowIndex) => {
    const match = matchRow(row, specs, rowIndex);
    const matched = Object.keys(match.columns) as F[];
    const namesTheTable = requiredFields.size === 0 ? matched.length > 0 : matched.some((field) => requiredFields.has(field));
    if (!namesTheTable) return;
    if (matched.length > bestScore) {
      best = match;
      bestScore = matched.length;
    }
  });
  return best;
}
