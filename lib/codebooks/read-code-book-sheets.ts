import type { ClassificationCode, ClassificationScheme } from "@/lib/disclosure/types";
import { describeLocation } from "@/lib/spreadsheet/cell-address";
import { cellText, findHeaderRow, type FieldSpec } from "@/lib/spreadsheet/header-map";
import type { CellValue, SheetData, SpreadsheetData, SpreadsheetProblem } from "@/lib/spreadsheet/read-spreadsheet";
import { classificationCode, cleanName, codeShape, LEVEL_LABELS, SCHEME_LABELS, schemeOfCode, splitCodeAndName } from "./code-structure";

/** A code as read, with the place it was read from (for messages). */
export interface CodeRow extends ClassificationCode {
  sheet: string;
  row: number;
}

export type ReadCodeBookResult =
  | { ok: true; functional: ClassificationCode[]; economic: ClassificationCode[] }
  | { ok: false; problems: SpreadsheetProblem[] };

type Field = "code" | "name" | "combined" | "scheme" | "klass" | "section" | "item";

const FIELDS: readonly FieldSpec<Field>[] = [
  { field: "code", aliases: ["科目编码", "编码", "代码", "科目代码", "功能分类科目编码", "经济分类科目编码", "科目编号"], isRequired: true },
  { field: "name", aliases: ["科目名称", "名称", "功能分类科目名称", "经济分类科目名称"], isRequired: true },
  { field: "combined", aliases: ["科目", "科目编码及名称", "科目编码和名称", "科目编码名称", "功能分类科目", "经济分类科目"], isRequired: true },
  { field: "scheme", aliases: ["分类", "科目类别", "科目分类", "分类体系", "类别"], isRequired: false },
  { field: "klass", aliases: ["类"], isRequired: true },
  { field: "section", aliases: ["款"], isRequired: false },
  { field: "item", aliases: ["项"], isRequired: false },
];

/** Words that tell the scheme, in a sheet name, a scheme column or a section heading row. */
function schemeOfText(text: string): ClassificationScheme | null {
  if (text.includes("功能")) return "FUNCTIONAL";
  if (text.includes("经济")) return "ECONOMIC";
  return null;
}

const TOTAL_ROW = /^(合计|总计|小计)$/;

/**
 * A code book from the finance bureau's file, as the spreadsheet reader gave it: every visible sheet
 * with a 科目编码/科目名称 header (or one 科目 column holding "2013701 行政运行", or 类/款/项 columns),
 * the scheme told by a scheme column, a heading row such as “支出经济分类科目”, the sheet's name, or
 * else the code's first digit. Validated as a whole: digits per level, every 款/项 under a 类/款 of the
 * file, no code twice, every name present. Every problem is reported, each naming sheet, row and column.
 */
export function readCodeBookSheets(data: SpreadsheetData): ReadCodeBookResult {
  const problems: SpreadsheetProblem[] = [];
  const rows: CodeRow[] = [];
  let tablesFound = 0;
  for (const sheet of data.sheets) {
    const header = findHeaderRow(sheet.rows, FIELDS);
    if (header === null || !hasCodeColumns(header.columns)) {
      continue;
    }
    if (sheet.isHidden) {
      problems.push({ sheet: sheet.name, row: null, column: null, message: `${describeLocation(sheet.name, null, null)}是隐藏的工作表：请取消隐藏并确认其内容，或删除它后重新导入。` });
      continue;
    }
    tablesFound += 1;
    readSheet(sheet, header.headerRow, header.columns, rows, problems);
  }
  if (tablesFound === 0 && problems.length === 0) {
    return {
      ok: false,
      problems: [{ sheet: null, row: null, column: null, message: "文件中没有找到科目表：需要“科目编码”和“科目名称”两列（也可以是“编码/代码/科目代码”和“名称”，或一列“科目”写成“2013701 行政运行”）。" }],
    };
  }
  problems.push(...validateHierarchy(rows));
  if (problems.length > 0) return { ok: false, problems };
  const byCode = (a: ClassificationCode, b: ClassificationCode) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
  const strip = ({ scheme, code, name, level, parentCode }: CodeRow): ClassificationCode => ({ scheme, code, name, level, parentCode });
  return {
    ok: true,
    functional: rows.filter((r) => r.scheme === "FUNCTIONAL").map(strip).sort(byCode),
    economic: rows.filter((r) => r.scheme === "ECONOMIC").map(strip).sort(byCode),
  };
}

function hasCodeColumns(columns: Partial<Record<Field, number>>): boolean {
  return columns.code !== undefined || columns.combined !== undefined || columns.klass !== undefined;
}

function readSheet(sheet: SheetData, headerRow: number, columns: Partial<Record<Field, number>>, out: CodeRow[], problems: SpreadsheetProblem[]): void {
  const at = (row: number, column: number | null, message: string) =>
    problems.push({ sheet: sheet.name, row, column, message: `${describeLocation(sheet.name, row, column)}：${message}` });
  const codeColumns = [columns.code, columns.combined, columns.klass, columns.section, columns.item, columns.name].filter((c): c is number => c !== undefined);
  for (const merge of sheet.merges) {
    if (merge.bottom > headerRow && codeColumns.some((c) => c >= merge.left && c <= merge.right) && (merge.bottom > merge.top || merge.right > merge.left)) {
      at(Math.max(merge.top, headerRow + 1), merge.left, "科目编码或名称所在的单元格是合并单元格，请取消合并，每行写一个科目。");
    }
  }
  const hasNames =
    columns.name !== undefined ||
    columns.combined !== undefined ||
    sheet.rows.slice(headerRow + 1).some((cells) => columns.code !== undefined && (splitCodeAndName(cellText(cells[columns.code] ?? null))?.name ?? "") !== "");
  if (!hasNames) {
    at(headerRow, null, "缺少“科目名称”列（也可以叫“名称”），或在科目编码列中写成“2013701 行政运行”。");
    return;
  }
  let sectionScheme: ClassificationScheme | null = schemeOfText(sheet.name);
  for (let r = headerRow + 1; r < sheet.rows.length; r += 1) {
    const cells = sheet.rows[r] ?? [];
    const text = (column: number | undefined) => (column === undefined ? "" : cleanName(cellText(cells[column] ?? null)));
    const read = readCode(cells, columns, text);
    // A heading such as “二、支出经济分类科目” in the first column switches the scheme of the rows below.
    const headingText = read.code !== "" && !/^\d/.test(read.code) && read.name === "" ? read.code : null;
    if (headingText !== null && schemeOfText(headingText) !== null && headingText.includes("分类")) {
      sectionScheme = schemeOfText(headingText);
      continue;
    }
    if (read.code === "" && read.name === "") {
      const heading = cells.map((value: CellValue) => cellText(value)).join("");
      const headingScheme = schemeOfText(heading);
      if (headingScheme !== null) sectionScheme = headingScheme;
      continue;
    }
    if (read.code === "") {
      if (TOTAL_ROW.test(read.name.replace(/[\s\u3000]/g, ""))) continue;
      const headingScheme = schemeOfText(read.name);
      if (headingScheme !== null && read.name.includes("分类")) {
        sectionScheme = headingScheme;
        continue;
      }
      at(r, read.codeColumn, `“${read.name}”没有科目编码。`);
      continue;
    }
    const stated = columns.scheme === undefined ? null : schemeOfText(text(columns.scheme));
    const scheme = stated ?? sectionScheme ?? schemeOfCode(read.code);
    if (scheme === null) {
      at(r, read.codeColumn, `科目编码“${read.code}”既不是支出功能分类（2 开头）也不是支出经济分类（3 或 5 开头），无法判断属于哪一类科目表。`);
      continue;
    }
    const shape = codeShape(read.code, scheme);
    if (!shape.ok) {
      at(r, read.codeColumn, `${shape.message}。`);
      continue;
    }
    if (read.name === "") {
      at(r, read.nameColumn, `科目 ${read.code} 的名称为空。`);
      continue;
    }
    const code = classificationCode(scheme, read.code, read.name);
    if (code !== null) out.push({ ...code, sheet: sheet.name, row: r });
  }
}

interface ReadCode {
  code: string;
  name: string;
  codeColumn: number | null;
  nameColumn: number | null;
}

function readCode(cells: readonly CellValue[], columns: Partial<Record<Field, number>>, text: (column: number | undefined) => string): ReadCode {
  const name = text(columns.name);
  if (columns.code !== undefined) {
    const raw = text(columns.code);
    // Some files put "2013701 行政运行" in the code column and leave the name column empty.
    const split = name === "" ? splitCodeAndName(raw) : null;
    if (split !== null && split.name !== "") return { code: split.code, name: split.name, codeColumn: columns.code, nameColumn: columns.code };
    return { code: raw.replace(/[\s\u3000]/g, ""), name, codeColumn: columns.code, nameColumn: columns.name ?? null };
  }
  if (columns.combined !== undefined) {
    const raw = text(columns.combined);
    const split = splitCodeAndName(raw);
    if (split === null) return { code: "", name: name === "" ? raw : name, codeColumn: columns.combined, nameColumn: columns.combined };
    return { code: split.code, name: split.name === "" ? name : split.name, codeColumn: columns.combined, nameColumn: columns.name ?? columns.combined };
  }
  // 类 / 款 / 项 columns: "201" | "01" | "01" → 2010101
  const parts = [text(columns.klass), text(columns.section), text(columns.item)].map((part) => part.replace(/[\s\u3000]/g, ""));
  const code = parts[0] === "" ? "" : parts.filter((part) => part !== "").join("");
  return { code, name, codeColumn: columns.klass ?? null, nameColumn: columns.name ?? null };
}

/** Every code once per scheme, and every 款/项 under a 类/款 the file has. */
function validateHierarchy(rows: readonly CodeRow[]): SpreadsheetProblem[] {
  const problems: SpreadsheetProblem[] = [];
  const first = new Map<string, CodeRow>();
  for (const row of rows) {
    const key = `${row.scheme}:${row.code}`;
    const earlier = first.get(key);
    if (earlier === undefined) {
      first.set(key, row);
      continue;
    }
    problems.push({
      sheet: row.sheet,
      row: row.row,
      column: null,
      message: `${describeLocation(row.sheet, row.row, null)}：科目编码 ${row.code} 重复，${describeLocation(earlier.sheet, earlier.row, null)}已有（${earlier.name}）。`,
    });
  }
  for (const row of first.values()) {
    if (row.parentCode === null || first.has(`${row.scheme}:${row.parentCode}`)) continue;
    const parentLevel = LEVEL_LABELS[row.level === 3 ? 2 : 1];
    problems.push({
      sheet: row.sheet,
      row: row.row,
      column: null,
      message: `${describeLocation(row.sheet, row.row, null)}：${LEVEL_LABELS[row.level]} ${row.code} ${row.name} 的上级${parentLevel} ${row.parentCode} 不在${SCHEME_LABELS[row.scheme]}中，请补上该${parentLevel}。`,
    });
  }
  return problems;
}
