import ExcelJS from "exceljs";
import { parse as parseCsv } from "csv-parse/sync";
import { cellAddress, describeLocation } from "./cell-address";
import { unsafeTextMessage } from "@/lib/validation/safe-text";
import { inspectZip } from "./zip-inspection";

/**
 * The one reader of untrusted spreadsheet files (units, accounts, code books, budget workbooks):
 * .xlsx and .csv in, plain cell values out, or every reason it refuses, in Chinese. It never
 * evaluates a formula nor trusts a formula's cached value: a file with formulas is refused and
 * each formula cell named.
 */
export type CellValue = string | number | boolean | Date | null;

/** 0-based, inclusive. */
export interface MergeRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface SheetData {
  name: string;
  /** hidden or "very hidden" in Excel: listed, so that callers can say they ignored it */
  isHidden: boolean;
  /** rows[r][c], 0-based; a merged range's value sits in its top-left cell only */
  rows: CellValue[][];
  merges: MergeRange[];
}

export interface SpreadsheetData {
  format: "xlsx" | "csv";
  sheets: SheetData[];
}

/** 0-based places; the message names them in Chinese. */
export interface SpreadsheetProblem {
  sheet: string | null;
  row: number | null;
  column: number | null;
  message: string;
}

export type ReadSpreadsheetResult = { ok: true; data: SpreadsheetData } | { ok: false; problems: SpreadsheetProblem[] };

export interface SpreadsheetLimits {
  maxBytes: number;
  maxUncompressedBytes: number;
  maxCells: number;
}

export const DEFAULT_SPREADSHEET_LIMITS: SpreadsheetLimits = {
  maxBytes: 10 * 1024 * 1024,
  maxUncompressedBytes: 100 * 1024 * 1024,
  maxCells: 2_000_000,
};

/** Formula cells named one by one up to this many; the rest are counted. */
const LISTED_FORMULAS = 20;

const fileProblem = (message: string): ReadSpreadsheetResult => ({
  ok: false,
  problems: [{ sheet: null, row: null, column: null, message }],
});

const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return signature.every((byte, index) => bytes[index] === byte);
}

function megabytes(bytes: number): string {
  return `${Math.round(bytes / 1024 / 1024)} MB`;
}

export async function readSpreadsheet(
  bytes: Uint8Array,
  fileName: string,
  limits: Partial<SpreadsheetLimits> = {},
): Promise<ReadSpreadsheetResult> {
  const limit = { ...DEFAULT_SPREADSHEET_LIMITS, ...limits };
  if (bytes.byteLength === 0) return fileProblem("文件是空的，请选择要导入的 .xlsx 或 .csv 文件。");
  if (bytes.byteLength > limit.maxBytes) {
    return fileProblem(`文件大小 ${megabytes(bytes.byteLength)} 超过上限 ${megabytes(limit.maxBytes)}，请拆分后分别导入。`);
  }
  if (startsWith(bytes, OLE_SIGNATURE)) {
    return fileProblem(
      "该文件是旧版 Excel（.xls）或设置了打开密码的工作簿，无法安全读取。请在 Excel 中取消密码后“另存为” .xlsx 格式再导入。",
    );
  }
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return refuseUnsafeText(await readXlsx(bytes, limit));
  if (looksLikeText(bytes)) return refuseUnsafeText(readCsv(bytes, fileName, limit));
  return fileProblem("该文件不是电子表格：只能导入 Excel 工作簿（.xlsx）或 CSV 文件。");
}

/** Cells (and sheet names) with text PostgreSQL cannot store are named, like formulas, and nothing is imported. */
function refuseUnsafeText(result: ReadSpreadsheetResult): ReadSpreadsheetResult {
  if (!result.ok) return result;
  const problems: SpreadsheetProblem[] = [];
  for (const sheet of result.data.sheets) {
    const nameMessage = unsafeTextMessage(sheet.name);
    if (nameMessage !== null) problems.push({ sheet: null, row: null, column: null, message: `有一个工作表的名称${nameMessage}` });
    sheet.rows.forEach((row, rowIndex) =>
      row.forEach((value, column) => {
        const message = typeof value === "string" ? unsafeTextMessage(value) : null;
        if (message !== null && problems.length < LISTED_FORMULAS) {
          problems.push({ sheet: sheet.name, row: rowIndex, column, message: `${describeLocation(sheet.name, rowIndex, column)}（${cellAddress(rowIndex, column)}）${message}` });
        }
      }),
    );
  }
  return problems.length === 0 ? result : { ok: false, problems };
}

// --- .xlsx -------------------------------------------------------------------------------

async function readXlsx(bytes: Uint8Array, limit: SpreadsheetLimits): Promise<ReadSpreadsheetResult> {
  const zip = inspectZip(bytes, limit.maxUncompressedBytes);
  if (!zip.ok) {
    if (zip.reason === "too-large") {
      return fileProblem(`该压缩文件解压后超过 ${megabytes(limit.maxUncompressedBytes)}，疑似压缩炸弹，已拒绝读取。`);
    }
    return fileProblem("该文件已损坏或不是有效的 Excel 工作簿（.xlsx），无法读取。");
  }
  if (!zip.entryNames.includes("xl/workbook.xml")) {
    const isWord = zip.entryNames.includes("word/document.xml");
    return fileProblem(isWord ? "该文件是 Word 文档，不是 Excel 工作簿（.xlsx）。" : "该压缩文件不是 Excel 工作簿（.xlsx），无法导入。");
  }

  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes.slice().buffer);
  } catch {
    return fileProblem("该文件已损坏或不是有效的 Excel 工作簿（.xlsx），无法读取。");
  }

  const sheets: SheetData[] = [];
  const formulaProblems: SpreadsheetProblem[] = [];
  let formulaCount = 0;
  let cellCount = 0;
  for (const worksheet of workbook.worksheets) {
    const rows: CellValue[][] = [];
    worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const values: CellValue[] = [];
      row.eachCell({ includeEmpty: false }, (cell, columnNumber) => {
        cellCount += 1;
        if (cell.isMerged && cell.master.address !== cell.address) return;
        const raw = cell.value;
        if (raw !== null && typeof raw === "object" && !(raw instanceof Date) && ("formula" in raw || "sharedFormula" in raw)) {
          formulaCount += 1;
          if (formulaCount <= LISTED_FORMULAS) {
            const formula = "formula" in raw && typeof raw.formula === "string" ? `（=${raw.formula}）` : "";
            formulaProblems.push({
              sheet: worksheet.name,
              row: rowNumber - 1,
              column: columnNumber - 1,
              message: `${describeLocation(worksheet.name, rowNumber - 1, columnNumber - 1)}（${cellAddress(rowNumber - 1, columnNumber - 1)}）是公式${formula}。系统不计算公式，请在 Excel 中复制后“选择性粘贴为数值”，再导入。`,
            });
          }
          return;
        }
        values[columnNumber - 1] = plainValue(raw);
      });
      rows[rowNumber - 1] = values;
    });
    if (cellCount > limit.maxCells) {
      return fileProblem(`工作簿的单元格超过 ${limit.maxCells.toLocaleString("en-US")} 个，请只保留要导入的表后再试。`);
    }
    sheets.push({
      name: worksheet.name,
      isHidden: worksheet.state !== "visible",
      rows: denseRows(rows),
      merges: mergesOf(worksheet),
    });
  }
  if (formulaCount > LISTED_FORMULAS) {
    formulaProblems.push({ sheet: null, row: null, column: null, message: `另有 ${formulaCount - LISTED_FORMULAS} 个公式单元格未逐一列出。` });
  }
  if (formulaProblems.length > 0) return { ok: false, problems: formulaProblems };
  return { ok: true, data: { format: "xlsx", sheets } };
}

type ExcelValue = ExcelJS.CellValue;

function plainValue(raw: ExcelValue): CellValue {
  if (raw === null || raw === undefined) return null;
  if (typeof raw === "string" || typeof raw === "number" || typeof raw === "boolean" || raw instanceof Date) return raw;
  if ("richText" in raw) return raw.richText.map((part) => part.text).join("");
  if ("text" in raw && typeof raw.text === "string") return raw.text;
  if ("error" in raw) return String(raw.error);
  return null;
}

/** exceljs leaves holes for empty cells; callers get nulls instead. */
function denseRows(rows: CellValue[][]): CellValue[][] {
  return Array.from(rows, (row) => Array.from(row ?? [], (value) => value ?? null));
}

const RANGE = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/;

function columnIndex(letters: string): number {
  return [...letters].reduce((sum, letter) => sum * 26 + (letter.charCodeAt(0) - 64), 0) - 1;
}

function mergesOf(worksheet: ExcelJS.Worksheet): MergeRange[] {
  const ranges: string[] = worksheet.model.merges ?? [];
  return ranges.flatMap((range) => {
    const match = RANGE.exec(range);
    if (match === null) return [];
    const [, left, top, right, bottom] = match;
    return [{ top: Number(top) - 1, left: columnIndex(left!), bottom: Number(bottom) - 1, right: columnIndex(right!) }];
  });
}

// --- .csv --------------------------------------------------------------------------------

function looksLikeText(bytes: Uint8Array): boolean {
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) return true;
  const sample = bytes.subarray(0, 4096);
  return !sample.includes(0);
}

/** UTF-8 (with or without BOM), UTF-16 with BOM (Excel's "Unicode 文本"), else GB18030 (Excel's Chinese CSV). */
function decodeText(bytes: Uint8Array): string {
  if (startsWith(bytes, [0xff, 0xfe])) return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  if (startsWith(bytes, [0xfe, 0xff])) return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder("gb18030").decode(bytes);
  }
}

function readCsv(bytes: Uint8Array, fileName: string, limit: SpreadsheetLimits): ReadSpreadsheetResult {
  const text = decodeText(bytes);
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const delimiter = (firstLine.match(/\t/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? "\t" : ",";
  const sheetName = fileName.replace(/^.*[\\/]/, "").replace(/\.[^.]*$/, "") || "CSV";
  let records: string[][];
  try {
    records = parseCsv(text, { delimiter, relax_column_count: true, skip_empty_lines: false, bom: true }) as string[][];
  } catch (error) {
    const line = typeof error === "object" && error !== null && "lines" in error && typeof error.lines === "number" ? error.lines : null;
    return {
      ok: false,
      problems: [
        {
          sheet: sheetName,
          row: line === null ? null : line - 1,
          column: null,
          message: `${line === null ? "" : `第 ${line} 行附近`}CSV 格式有误（例如引号未闭合），无法读取。请在 Excel 中打开后另存为 CSV（UTF-8）或 .xlsx 再导入。`,
        },
      ],
    };
  }
  const cells = records.reduce((sum, record) => sum + record.length, 0);
  if (cells > limit.maxCells) return fileProblem(`文件的单元格超过 ${limit.maxCells.toLocaleString("en-US")} 个，请拆分后再导入。`);

  const formulaProblems: SpreadsheetProblem[] = [];
  const rows: CellValue[][] = records.map((record, row) =>
    record.map((field, column) => {
      if (/^=.+/.test(field.trim())) {
        formulaProblems.push({
          sheet: sheetName,
          row,
          column,
          message: `${describeLocation(sheetName, row, column)}（${cellAddress(row, column)}）是公式（${field.trim().slice(0, 40)}）。系统不计算公式，请填写数值或文字后再导入。`,
        });
      }
      return field === "" ? null : field;
    }),
  );
  if (formulaProblems.length > 0) return { ok: false, problems: formulaProblems.slice(0, LISTED_FORMULAS) };
  return { ok: true, data: { format: "csv", sheets: [{ name: sheetName, isHidden: false, rows, merges: [] }] } };
}
