import ExcelJS from "exceljs";
import { amountUnitLabel, formatAmount } from "@/lib/disclosure/money";
import { columnNumbers } from "@/lib/disclosure/print";
import { TABLE_IDS, type Column, type DerivedTable, type TableId } from "@/lib/disclosure/table-model";
import type { AmountUnit, Fen } from "@/lib/disclosure/types";
import { contentHash, type SnapshotContent } from "@/lib/publication/snapshot-content";
import { placeHeader } from "./header-grid";
import { amountNumber, chinaDateTimeText, documentLine, indicatorValueText, tableHeading } from "./open-data-values";

/** Sheet tab names: the full titles (up to 22 characters) would crowd Excel's tab bar. */
const SHEET_NAME: Record<TableId, string> = {
  T1: "表1 收支总表",
  T2: "表2 收入总表",
  T3: "表3 支出总表",
  T4: "表4 财政拨款收支总表",
  T5: "表5 一般公共预算支出表",
  T6: "表6 基本支出表",
  T7: "表7 政府性基金支出表",
  T8: "表8 国有资本经营支出表",
  T9: "表9 三公经费支出表",
};

export const INDICATOR_SHEET_NAME = "绩效目标";
export const PROJECT_SHEET_NAME = "项目概况";
export const ABOUT_SHEET_NAME = "说明";

/** Two decimals, as the document prints; the stored value keeps the sign and is a real number. */
const AMOUNT_FORMAT = "0.00";
const TEXT_FORMAT = "@";
const THIN: Partial<ExcelJS.Border> = { style: "thin", color: { argb: "FF94A3B8" } };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE2E8F0" } };
const TOTAL_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFEF3C7" } };
const FONT_NAME = "宋体";

/**
 * Width of a text in Excel's character units: CJK and full-width characters take two, so that
 * Chinese names are not cut off (Excel's default widths assume Latin text).
 */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(char) ? 2 : 1;
  return width;
}

const clamp = (value: number, min: number, max: number): number => Math.min(max, Math.max(min, value));

/** Indentation of a row's name: 类 flush, 款 one step, 项 two (totals and plain lines flush). */
function indentOf(level: 0 | 1 | 2 | 3): number {
  return Math.max(0, level - 1);
}

function columnWidth(column: Column, texts: readonly string[]): number {
  const longest = Math.max(0, ...texts.map(displayWidth));
  switch (column.kind) {
    case "seq":
      return 6;
    case "code":
      return clamp(longest + 2, 10, 24);
    case "text":
      return clamp(longest + 2, 14, 60);
    case "amount":
      // the header wraps, so a long label needs only about half its width
      return clamp(Math.max(longest + 2, Math.ceil(displayWidth(column.label) / 2) + 2), 12, 22);
  }
}

function amountCellValue(cell: Fen | string | null, unit: AmountUnit): number | null {
  // The document leaves zero amounts blank; the spreadsheet does the same so it reads like the page.
  if (typeof cell !== "number" || cell === 0) return null;
  return amountNumber(cell, unit);
}

function addTableSheet(workbook: ExcelJS.Workbook, content: SnapshotContent, table: DerivedTable): void {
  const unit = content.budget.amountUnit;
  const width = table.columns.length;
  const headerHeight = table.header.length;
  const firstHeaderRow = 3;
  const numbersRow = firstHeaderRow + headerHeight;
  const firstDataRow = numbersRow + 1;
  const hasCodes = table.columns.some((c) => c.kind === "code");
  const nameColumn = table.columns.findIndex((c) => c.kind === "text") + 1;

  const sheet = workbook.addWorksheet(SHEET_NAME[table.id], {
    views: [{ state: "frozen", ySplit: numbersRow, xSplit: hasCodes ? nameColumn : 0 }],
    pageSetup: {
      paperSize: 9,
      orientation: width > 6 ? "landscape" : "portrait",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `${firstHeaderRow}:${numbersRow}`,
    },
    properties: { defaultRowHeight: 18 },
  });

  sheet.mergeCells(1, 1, 1, width);
  const title = sheet.getCell(1, 1);
  title.value = tableHeading(table);
  title.font = { name: FONT_NAME, size: 14, bold: true };
  title.alignment = { horizontal: "center", vertical: "middle" };
  sheet.getRow(1).height = 26;

  sheet.mergeCells(2, 1, 2, width);
  const line = sheet.getCell(2, 1);
  line.value = documentLine(content);
  line.font = { name: FONT_NAME, size: 10 };

  for (const placed of placeHeader(table.header)) {
    const top = firstHeaderRow + placed.row;
    const left = placed.column + 1;
    if (placed.rowSpan > 1 || placed.colSpan > 1) sheet.mergeCells(top, left, top + placed.rowSpan - 1, left + placed.colSpan - 1);
    sheet.getCell(top, left).value = placed.label;
  }
  columnNumbers(table).forEach((label, i) => {
    const cell = sheet.getCell(numbersRow, i + 1);
    cell.value = label;
    cell.font = { name: FONT_NAME, size: 9 };
  });
  for (let r = firstHeaderRow; r <= numbersRow; r += 1) {
    for (let c = 1; c <= width; c += 1) {
      const cell = sheet.getCell(r, c);
      cell.border = BORDER;
      cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
      if (r < numbersRow) {
        cell.fill = HEADER_FILL;
        cell.font = { name: FONT_NAME, size: 10, bold: true };
      }
    }
  }

  table.rows.forEach((row, r) => {
    const isTotal = row.kind === "total";
    const excelRow = sheet.getRow(firstDataRow + r);
    table.columns.forEach((column, c) => {
      const value = row.cells[c] ?? null;
      const cell = excelRow.getCell(c + 1);
      cell.border = BORDER;
      cell.font = { name: FONT_NAME, size: 10, bold: isTotal };
      if (isTotal) cell.fill = TOTAL_FILL;
      switch (column.kind) {
        case "seq":
          cell.value = typeof value === "number" ? value : null;
          cell.alignment = { horizontal: "center" };
          break;
        case "code":
          // Codes are identifiers (2013701 is 行政运行, not a quantity): stored as text, formatted as text.
          cell.value = value === null ? null : String(value);
          cell.numFmt = TEXT_FORMAT;
          break;
        case "text":
          cell.value = value === null ? null : String(value);
          cell.alignment = { horizontal: "left", indent: indentOf(row.level) };
          break;
        case "amount":
          cell.value = amountCellValue(value, unit);
          cell.numFmt = AMOUNT_FORMAT;
          cell.alignment = { horizontal: "right" };
          break;
      }
    });
  });

  if (table.emptyNote !== null) {
    const noteRow = firstDataRow + table.rows.length;
    sheet.mergeCells(noteRow, 1, noteRow, width);
    const note = sheet.getCell(noteRow, 1);
    note.value = table.emptyNote;
    note.font = { name: FONT_NAME, size: 10 };
  }

  const printed = table.rows.map((row) =>
    row.cells.map((cell, c) => {
      if (cell === null) return "";
      if (table.columns[c]?.kind === "amount") return typeof cell === "number" ? formatAmount(cell, unit) : "";
      return String(cell) + "  ".repeat(indentOf(row.level));
    }),
  );
  const widths = table.columns.map((column, c) => columnWidth(column, printed.map((cells) => cells[c] ?? "")));
  widths.forEach((w, c) => (sheet.getColumn(c + 1).width = w));

  // Excel does not grow a row for wrapped text when it opens a file, so long labels get room here.
  const lines = new Array<number>(headerHeight).fill(1);
  for (const placed of placeHeader(table.header)) {
    if (placed.rowSpan > 1) continue;
    const span = widths.slice(placed.column, placed.column + placed.colSpan).reduce((a, b) => a + b, 0);
    lines[placed.row] = Math.max(lines[placed.row] ?? 1, Math.ceil(displayWidth(placed.label) / Math.max(1, span - 1)));
  }
  lines.forEach((n, r) => (sheet.getRow(firstHeaderRow + r).height = 6 + 14 * n));
}

interface ListColumn {
  label: string;
  width: number;
  kind: "text" | "code" | "amount" | "number";
}

/** A plain list sheet: one bold header row, frozen, then one row per record. */
function addListSheet(
  workbook: ExcelJS.Workbook,
  name: string,
  title: string,
  content: SnapshotContent,
  columns: readonly ListColumn[],
  records: readonly (readonly (string | number | null)[])[],
): void {
  const sheet = workbook.addWorksheet(name, {
    views: [{ state: "frozen", ySplit: 3 }],
    pageSetup: { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: "3:3" },
  });
  sheet.mergeCells(1, 1, 1, columns.length);
  const titleCell = sheet.getCell(1, 1);
  titleCell.value = title;
  titleCell.font = { name: FONT_NAME, size: 14, bold: true };
  titleCell.alignment = { horizontal: "center" };
  sheet.mergeCells(2, 1, 2, columns.length);
  sheet.getCell(2, 1).value = documentLine(content);
  sheet.getCell(2, 1).font = { name: FONT_NAME, size: 10 };
  columns.forEach((column, c) => {
    const cell = sheet.getCell(3, c + 1);
    cell.value = column.label;
    cell.font = { name: FONT_NAME, size: 10, bold: true };
    cell.fill = HEADER_FILL;
    cell.border = BORDER;
    cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
    sheet.getColumn(c + 1).width = column.width;
  });
  records.forEach((record, r) => {
    columns.forEach((column, c) => {
      const cell = sheet.getCell(4 + r, c + 1);
      cell.value = record[c] ?? null;
      cell.border = BORDER;
      cell.font = { name: FONT_NAME, size: 10 };
      cell.alignment = { vertical: "top", wrapText: column.kind === "text" };
      if (column.kind === "code") cell.numFmt = TEXT_FORMAT;
      if (column.kind === "amount") cell.numFmt = AMOUNT_FORMAT;
    });
  });
}

function addIndicatorSheet(workbook: ExcelJS.Workbook, content: SnapshotContent): void {
  const columns: ListColumn[] = [
    { label: "项目编码", width: 26, kind: "code" },
    { label: "项目名称", width: 28, kind: "text" },
    { label: "一级指标", width: 12, kind: "text" },
    { label: "二级指标", width: 22, kind: "text" },
    { label: "三级指标", width: 24, kind: "text" },
    { label: "绩效指标描述", width: 40, kind: "text" },
    { label: "指标值", width: 12, kind: "text" },
    { label: "指标值确定依据", width: 24, kind: "text" },
  ];
  const records = content.budget.projects.flatMap((project) =>
    project.indicators.map((i) => [project.code, project.name, i.level1, i.level2, i.name, i.description, indicatorValueText(i), i.basis]),
  );
  addListSheet(workbook, INDICATOR_SHEET_NAME, "项目绩效目标（绩效指标）", content, columns, records);
}

function addProjectSheet(workbook: ExcelJS.Workbook, content: SnapshotContent): void {
  const unit = content.budget.amountUnit;
  const label = amountUnitLabel(unit);
  const columns: ListColumn[] = [
    { label: "项目编码", width: 26, kind: "code" },
    { label: "项目名称", width: 28, kind: "text" },
    { label: "支出功能分类科目编码", width: 14, kind: "code" },
    { label: `预算数（${label}）`, width: 12, kind: "amount" },
    { label: `财政资金（${label}）`, width: 12, kind: "amount" },
    { label: `其他资金（${label}）`, width: 12, kind: "amount" },
    { label: "资金用途", width: 40, kind: "text" },
    { label: "3月底支出进度（%）", width: 10, kind: "number" },
    { label: "6月底支出进度（%）", width: 10, kind: "number" },
    { label: "10月底支出进度（%）", width: 10, kind: "number" },
    { label: "12月底支出进度（%）", width: 10, kind: "number" },
    { label: "绩效目标", width: 48, kind: "text" },
  ];
  const records = content.budget.projects.map((p) => [
    p.code,
    p.name,
    p.functionalCode,
    amountNumber(p.amount, unit),
    amountNumber(p.fiscalAmount, unit),
    amountNumber(p.otherAmount, unit),
    p.purpose,
    p.spendingPlan.march,
    p.spendingPlan.june,
    p.spendingPlan.october,
    p.spendingPlan.december,
    p.performanceGoal,
  ]);
  addListSheet(workbook, PROJECT_SHEET_NAME, "项目支出预算及绩效目标", content, columns, records);
}

function addAboutSheet(workbook: ExcelJS.Workbook, content: SnapshotContent): void {
  const { budget, publication } = content;
  const isDepartment = content.department !== undefined;
  const rows: [string, string][] = [
    [isDepartment ? "部门编码" : "单位编码", budget.unit.code],
    [isDepartment ? "部门名称" : "单位名称", budget.unit.name],
    isDepartment
      ? ["汇总单位", (content.department?.units ?? []).map((u) => `${u.code} ${u.name}（第${u.budgetVersion}版）`).join("；")]
      : ["主管部门", `${budget.department.code} ${budget.department.name}`],
    ["行政区划", `${budget.region.code} ${budget.region.name}`],
    ["预算年度", String(budget.year)],
    ["金额单位", amountUnitLabel(budget.amountUnit)],
    ["公开版本", `第${publication.version}版`],
    ["公开时间", chinaDateTimeText(publication.publishedAt)],
    ["批复日期", publication.approvedAt ?? ""],
    ["更正说明", publication.correctionNote ?? ""],
    ["内容哈希（SHA-256）", contentHash(content)],
    [
      "说明",
      "本文件由公开快照生成，与网页公开内容一致。金额为数值，按文件所列金额单位保留两位小数；表中空白的金额为零。科目编码为文本。",
    ],
  ];
  const sheet = workbook.addWorksheet(ABOUT_SHEET_NAME);
  sheet.getColumn(1).width = 22;
  sheet.getColumn(2).width = 80;
  rows.forEach(([key, value], r) => {
    const keyCell = sheet.getCell(r + 1, 1);
    keyCell.value = key;
    keyCell.font = { name: FONT_NAME, size: 10, bold: true };
    const valueCell = sheet.getCell(r + 1, 2);
    valueCell.value = value;
    valueCell.numFmt = TEXT_FORMAT;
    valueCell.font = { name: FONT_NAME, size: 10 };
    valueCell.alignment = { wrapText: true, vertical: "top" };
  });
}

/**
 * The nine tables as an Excel workbook: one sheet per table laid out like the document (title,
 * unit line, merged multi-row header, 栏次, rows), amounts as real numbers in the document's
 * unit, codes as text; then the performance indicators, the projects and an about sheet.
 * No I/O; two runs differ only in the zip entries' timestamps, which exceljs sets itself.
 */
export async function exportXlsx(content: SnapshotContent): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const publishedAt = new Date(content.publication.publishedAt);
  workbook.creator = "预算公开平台";
  workbook.lastModifiedBy = "预算公开平台";
  workbook.created = publishedAt;
  workbook.modified = publishedAt;
  workbook.title = `${content.budget.unit.name}${content.budget.year}年${content.department === undefined ? "单位预算" : "部门预算"}`;
  for (const id of TABLE_IDS) addTableSheet(workbook, content, content.tables[id]);
  addIndicatorSheet(workbook, content);
  addProjectSheet(workbook, content);
  addAboutSheet(workbook, content);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
