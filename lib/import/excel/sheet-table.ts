import type { AmountUnit } from "@/lib/disclosure/types";
import { cellText, normalizeHeader } from "@/lib/spreadsheet/header-map";
import type { CellValue, SheetData } from "@/lib/spreadsheet/read-spreadsheet";
import type { ImportLog } from "./import-log";
import type { HeaderMapping, SheetKind } from "./import-types";

/**
 * Finds a table's header band (one or several rows, merged cells included) and maps its columns
 * to fields by header text: by position never, by alias or by a mapping the region has learned.
 */

export interface ColumnSpec<F extends string> {
  field: F;
  /** Chinese name shown in the mapping form */
  label: string;
  /**
   * Normalised header texts. "A/B" matches a column whose stacked header (top to bottom, merged
   * cells repeated) contains A and then B, e.g. "支出/预算数" in table 1.
   */
  aliases: readonly string[];
  /** alternatives for one thing (a code as one column or as 类|款|项): once one is found, the others are not offered */
  group?: string;
}

export interface TableLayout<F extends string> {
  /** first row of the header band */
  headerTop: number;
  /** first row after the header band (and after the 栏次 row) */
  firstDataRow: number;
  columns: Partial<Record<F, number>>;
  /** 单位：元 / 万元 as the sheet's title rows or headers state it, null when they do not */
  statedUnit: AmountUnit | null;
}

/** Headers that label no figure. */
const IGNORED_HEADERS = new Set(["序号", "栏次", "行次", "备注", "说明"]);

/** Drops the amount unit a header carries, e.g. 金额(元) → 金额. */
function stripUnit(text: string): string {
  return text.replace(/\((?:单位[:：]?)?(?:万元|元)\)$/, "");
}

export function normalized(value: CellValue): string {
  return stripUnit(normalizeHeader(cellText(value)));
}

/** The value at (row, column), with a merged range's value repeated over the whole range. */
function mergedValueGrid(sheet: SheetData, top: number, bottom: number): CellValue[][] {
  const width = Math.max(0, ...sheet.rows.slice(top, bottom + 1).map((r) => r.length));
  const grid = sheet.rows.slice(top, bottom + 1).map((r) => Array.from({ length: width }, (_, c) => r[c] ?? null));
  for (const m of sheet.merges) {
    if (m.bottom < top || m.top > bottom) continue;
    const value = sheet.rows[m.top]?.[m.left] ?? null;
    for (let r = Math.max(m.top, top); r <= Math.min(m.bottom, bottom); r++) {
      for (let c = m.left; c <= m.right && c < width; c++) {
        const row = grid[r - top];
        if (row) row[c] = value;
      }
    }
  }
  return grid;
}

function aliasMatches(alias: string, path: readonly string[]): boolean {
  const parts = alias.split("/");
  if (parts.length === 1) return path[path.length - 1] === alias;
  let at = 0;
  for (const part of parts) {
    const found = path.indexOf(part, at);
    if (found < 0) return false;
    at = found + 1;
  }
  return true;
}

const UNIT_PATTERN = /(?:金额)?单位[:：]\s*(万元|元)/;

export function unitOfText(text: string): AmountUnit | null {
  const match = UNIT_PATTERN.exec(text.replace(/\s+/g, ""));
  if (match) return match[1] === "万元" ? "WAN_YUAN" : "YUAN";
  return null;
}

function unitOfHeader(text: string): AmountUnit | null {
  if (/\((?:单位[:：]?)?万元\)$/.test(text)) return "WAN_YUAN";
  if (/\((?:单位[:：]?)?元\)$/.test(text)) return "YUAN";
  return null;
}

function isDataRow(row: readonly CellValue[]): boolean {
  return row.some((v) => typeof v === "number" || (typeof v === "string" && /^\s*-?[\d,]+(\.\d+)?\s*$/.test(v)));
}

function isColumnNumberRow(row: readonly CellValue[]): boolean {
  const first = row.map(normalized).find((t) => t !== "");
  return first === "栏次" || first === "行次";
}

/**
 * Locates the header band: the first of the sheet's first 15 rows where a column matches an
 * alias, down to the first data row. Returns null when no row has a recognisable header.
 * Columns with a header no alias or mapping recognises are logged as unknown headers.
 */
export function locateTable<F extends string>(
  sheet: SheetData,
  kind: SheetKind,
  specs: readonly ColumnSpec<F>[],
  mappings: readonly HeaderMapping[],
  log: ImportLog,
): TableLayout<F> | null {
  const learned = new Map(mappings.filter((m) => m.sheetKind === kind).map((m) => [m.header, m.field]));
  const known = new Set(specs.map((s) => s.field as string));
  const matchesAny = (text: string) =>
    text !== "" && (learned.has(text) || specs.some((s) => s.aliases.some((a) => a === text || a.split("/").includes(text))));
  const limit = Math.min(sheet.rows.length, 15);
  let headerTop = -1;
  for (let r = 0; r < limit && headerTop < 0; r++) {
    if ((sheet.rows[r] ?? []).some((v) => matchesAny(normalized(v)))) headerTop = r;
  }
  if (headerTop < 0) return null;
  // The band goes on below a row only where the header says so: a merged cell reaching down, a
  // group heading merged across, or a row of nothing but known headers (类 款 项).
  const continuesBelow = (r: number): boolean => {
    const next = sheet.rows[r + 1] ?? [];
    const texts = next.map(normalized).filter((t) => t !== "");
    if (texts.length === 0 || isDataRow(next) || isColumnNumberRow(next) || texts[0]?.startsWith("注")) return false;
    if (sheet.merges.some((m) => m.top >= headerTop && m.top <= r && m.bottom > r)) return true;
    if (sheet.merges.some((m) => m.top === r && m.right > m.left)) return true;
    return texts.every(matchesAny);
  };
  let bandEnd = headerTop;
  while (bandEnd + 1 < sheet.rows.length && bandEnd - headerTop < 5 && continuesBelow(bandEnd)) bandEnd++;
  let firstDataRow = bandEnd + 1;
  if (isColumnNumberRow(sheet.rows[firstDataRow] ?? [])) firstDataRow++;

  const grid = mergedValueGrid(sheet, headerTop, bandEnd);
  const width = Math.max(0, ...grid.map((r) => r.length));
  const columns: Partial<Record<F, number>> = {};
  const assigned = new Set<string>();
  let statedUnit: AmountUnit | null = null;
  for (let r = 0; r < headerTop; r++) {
    for (const v of sheet.rows[r] ?? []) statedUnit ??= unitOfText(cellText(v));
  }
  for (let c = 0; c < width; c++) {
    const raw: string[] = [];
    for (const row of grid) {
      const text = normalizeHeader(cellText(row[c] ?? null));
      if (text !== "" && raw[raw.length - 1] !== text) raw.push(text);
    }
    for (const text of raw) statedUnit ??= unitOfHeader(text);
    const path = raw.map(stripUnit);
    const leaf = path[path.length - 1];
    if (leaf === undefined || IGNORED_HEADERS.has(leaf)) continue;
    const mapped = learned.get(leaf) ?? learned.get(path.join("/"));
    const spec =
      mapped !== undefined && known.has(mapped) && !assigned.has(mapped)
        ? specs.find((s) => s.field === mapped)
        : specs.find((s) => !assigned.has(s.field) && s.aliases.some((a) => aliasMatches(a, path)));
    if (spec) {
      columns[spec.field] = c;
      assigned.add(spec.field);
      continue;
    }
    // A group heading (本年收入 over 小计…) is not a column of its own.
    if (path.length > 1 && specs.some((s) => s.aliases.some((a) => a.split("/")[0] === leaf))) continue;
    const headerRow = headerTop + grid.findIndex((row) => stripUnit(normalizeHeader(cellText(row[c] ?? null))) === leaf);
    log.unknownHeaders.push({
      sheet: sheet.name,
      sheetKind: kind,
      row: headerRow,
      column: c,
      header: leaf,
      candidates: [],
    });
    log.error({ sheet: sheet.name, row: headerRow, column: c }, `表头“${leaf}”未能识别，该列未导入。请在预览中指定它对应的内容，或删除该列后重新导出`);
  }
  for (const unknown of log.unknownHeaders) {
    if (unknown.sheet !== sheet.name) continue;
    const foundGroups = new Set(specs.filter((s) => s.group !== undefined && assigned.has(s.field)).map((s) => s.group));
    unknown.candidates = specs
      .filter((s) => !assigned.has(s.field) && (s.group === undefined || !foundGroups.has(s.group)))
      .map((s) => ({ field: s.field, label: s.label }));
  }
  return { headerTop, firstDataRow, columns, statedUnit };
}

/** The data rows of a located table up to its end: a 注： note or the end of the sheet; blank rows skipped. */
export function dataRows(sheet: SheetData, layout: { firstDataRow: number }): { index: number; cells: CellValue[] }[] {
  const rows: { index: number; cells: CellValue[] }[] = [];
  for (let r = layout.firstDataRow; r < sheet.rows.length; r++) {
    const cells = sheet.rows[r] ?? [];
    const first = cells.find((v) => v !== null && v !== undefined && (typeof v !== "string" || v.trim() !== ""));
    if (first === undefined) continue;
    if (typeof first === "string" && first.trim().startsWith("注")) break;
    rows.push({ index: r, cells });
  }
  return rows;
}

/** Text of a mapped column in a row ("" when the column is not mapped or the cell is blank). */
export function textAt<F extends string>(cells: readonly CellValue[], columns: Partial<Record<F, number>>, field: F): string {
  const c = columns[field];
  return c === undefined ? "" : cellText(cells[c] ?? null);
}
