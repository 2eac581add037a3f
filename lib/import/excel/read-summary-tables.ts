import { FUNCTIONAL_CLASSES } from "@/lib/disclosure/functional-classes";
import { APPROPRIATION_LABELS } from "@/lib/disclosure/labels";
import type { AmountUnit, AppropriationType, Fen, FundSource, ThreePublicLine } from "@/lib/disclosure/types";
import { normalizeHeader } from "@/lib/spreadsheet/header-map";
import type { SheetData } from "@/lib/spreadsheet/read-spreadsheet";
import type { ImportLog } from "./import-log";
import type { CellRef, HeaderMapping } from "./import-types";
import { readAmount } from "./read-amount";
import { dataRows, locateTable, textAt, type ColumnSpec } from "./sheet-table";

/** Tables 1, 4 and 9: rows recognised by their label (收入来源, 31 classes, 三公 items), not by position. */

export interface StatedAmount {
  fen: Fen;
  cell: CellRef;
}

/** What table 1 says: income by source line, expenditure by class, and the totals. */
export interface SummaryTable {
  sheet: string;
  unit: AmountUnit;
  income: Map<IncomeLabel, StatedAmount>;
  /** by 类 code */
  classes: Map<string, StatedAmount>;
  totals: Map<TotalLabel, StatedAmount>;
}

export type IncomeLabel = "GENERAL_BUDGET" | "GOVERNMENT_FUND" | "STATE_CAPITAL" | "SPECIAL_ACCOUNT" | "UNIT_FUNDS" | Exclude<FundSource, `CARRYOVER_${string}` | "GENERAL_BUDGET" | "GOVERNMENT_FUND" | "STATE_CAPITAL" | "SPECIAL_ACCOUNT">;
export type TotalLabel = "incomeThisYear" | "carryIn" | "incomeGrand" | "expenditureThisYear" | "yearEnd" | "expenditureGrand";

const INCOME_LABELS: [RegExp, IncomeLabel][] = [
  [/一般公共预算/, "GENERAL_BUDGET"],
  [/政府性基金/, "GOVERNMENT_FUND"],
  [/国有资本经营/, "STATE_CAPITAL"],
  [/财政专户/, "SPECIAL_ACCOUNT"],
  [/单位资金/, "UNIT_FUNDS"],
  [/经营收入/, "OPERATING"],
  [/事业收入/, "BUSINESS"],
  [/上级补助/, "SUPERIOR_SUBSIDY"],
  [/附属单位上缴/, "SUBORDINATE_REMITTANCE"],
  [/其他收入/, "OTHER"],
];

function stripOrdinal(label: string): string {
  return normalizeHeader(label).replace(/^[一二三四五六七八九十]+[、.．]|^\d+[、.．]|^其中[:：]?/, "");
}

export function classCodeOfLabel(label: string): string | null {
  const name = stripOrdinal(label);
  return FUNCTIONAL_CLASSES.find((c) => c.name === name)?.code ?? null;
}

type SummaryField = "incomeItem" | "income" | "expenditureItem" | "expenditure";

export const SUMMARY_SPECS: readonly ColumnSpec<SummaryField>[] = [
  { field: "incomeItem", label: "收入项目", aliases: ["收入/项目", "收入项目", "项目", "收入"] },
  { field: "income", label: "收入预算数", aliases: ["收入/预算数", "收入/金额", "收入预算数", "预算数", "金额"] },
  { field: "expenditureItem", label: "支出项目", aliases: ["支出/项目", "支出项目", "项目", "支出"] },
  { field: "expenditure", label: "支出预算数", aliases: ["支出/预算数", "支出/金额", "支出预算数", "预算数", "金额", "支出/合计", "合计"] },
];

function totalOf(label: string, side: "income" | "expenditure"): TotalLabel | null {
  const text = normalizeHeader(label);
  if (side === "income") {
    if (/本年收入合计/.test(text)) return "incomeThisYear";
    if (/上年结转/.test(text) || /年初.*结转/.test(text)) return "carryIn";
    if (/收入总计/.test(text)) return "incomeGrand";
    return null;
  }
  if (/本年支出合计/.test(text)) return "expenditureThisYear";
  if (/年终结转|年末.*结转/.test(text)) return "yearEnd";
  if (/支出总计/.test(text)) return "expenditureGrand";
  return null;
}

export function readSummaryTable(
  sheet: SheetData,
  context: { mappings: readonly HeaderMapping[]; fallbackUnit: AmountUnit },
  log: ImportLog,
): SummaryTable | null {
  const layout = locateTable(sheet, "T1", SUMMARY_SPECS, context.mappings, log);
  if (layout === null || layout.columns.income === undefined || layout.columns.expenditure === undefined) {
    log.error({ sheet: sheet.name }, "表1“收支总表”中找不到收入和支出的预算数列，该表未导入");
    return null;
  }
  const unit = layout.statedUnit ?? context.fallbackUnit;
  const table: SummaryTable = { sheet: sheet.name, unit, income: new Map(), classes: new Map(), totals: new Map() };
  const columns = layout.columns;
  for (const { index, cells } of dataRows(sheet, layout)) {
    const read = (field: "income" | "expenditure", what: string): StatedAmount | null => {
      const column = columns[field] ?? 0;
      const cell = { sheet: sheet.name, row: index, column };
      const fen = readAmount(cells[column] ?? null, unit, cell, log, `表1“${what}”`);
      return fen === null ? null : { fen, cell };
    };
    const incomeLabel = textAt(cells, columns, "incomeItem");
    if (incomeLabel !== "") {
      const total = totalOf(incomeLabel, "income");
      const source = total === null ? INCOME_LABELS.find(([re]) => re.test(incomeLabel))?.[1] : undefined;
      const stated = total !== null || source !== undefined ? read("income", incomeLabel) : null;
      if (stated && total !== null) table.totals.set(total, stated);
      else if (stated && source !== undefined) table.income.set(source, stated);
      else if (total === null && source === undefined) log.warning({ sheet: sheet.name, row: index, column: columns.incomeItem ?? 0 }, `表1收入项目“${incomeLabel}”未能识别，未导入`);
    }
    const expenditureLabel = textAt(cells, columns, "expenditureItem");
    if (expenditureLabel !== "") {
      const total = totalOf(expenditureLabel, "expenditure");
      const classCode = total === null ? classCodeOfLabel(expenditureLabel) : null;
      const isPeopleBankClass = /人行科目/.test(expenditureLabel);
      if (total === null && classCode === null && !isPeopleBankClass) {
        log.warning({ sheet: sheet.name, row: index, column: columns.expenditureItem ?? 0 }, `表1支出项目“${expenditureLabel}”未能识别，未导入`);
        continue;
      }
      const stated = read("expenditure", expenditureLabel);
      if (stated && total !== null) table.totals.set(total, stated);
      else if (stated && classCode !== null) table.classes.set(classCode, stated);
    }
  }
  return table;
}

/** Table 4: fiscal income by appropriation, fiscal spending by class and appropriation, carry-in by appropriation. */
export interface FiscalSummaryTable {
  sheet: string;
  unit: AmountUnit;
  income: Map<AppropriationType, StatedAmount>;
  carryIn: Map<AppropriationType, StatedAmount>;
  /** `${type}:${classCode}` */
  classes: Map<string, StatedAmount>;
  /** total spending of this year by appropriation */
  spending: Map<AppropriationType, StatedAmount>;
}

type FiscalField = "incomeItem" | "income" | "expenditureItem" | "total" | AppropriationType;

export const FISCAL_SPECS: readonly ColumnSpec<FiscalField>[] = [
  { field: "incomeItem", label: "收入项目", aliases: ["收入/项目", "收入项目", "项目", "收入"] },
  { field: "income", label: "收入金额", aliases: ["收入/金额", "收入/预算数", "收入金额", "金额", "预算数"] },
  { field: "expenditureItem", label: "支出项目", aliases: ["支出/项目", "支出项目", "项目", "支出"] },
  { field: "total", label: "支出合计", aliases: ["支出/合计", "合计", "小计"] },
  { field: "GENERAL_BUDGET", label: "一般公共预算财政拨款", aliases: ["一般公共预算财政拨款", "一般公共预算拨款", "一般公共预算"] },
  { field: "GOVERNMENT_FUND", label: "政府性基金预算财政拨款", aliases: ["政府性基金预算财政拨款", "政府性基金预算拨款", "政府性基金预算", "政府性基金"] },
  { field: "STATE_CAPITAL", label: "国有资本经营预算财政拨款", aliases: ["国有资本经营预算财政拨款", "国有资本经营预算拨款", "国有资本经营预算"] },
];

const APPROPRIATIONS: readonly AppropriationType[] = ["GENERAL_BUDGET", "GOVERNMENT_FUND", "STATE_CAPITAL"];

function appropriationOfLabel(label: string): AppropriationType | null {
  if (/一般公共预算/.test(label)) return "GENERAL_BUDGET";
  if (/政府性基金/.test(label)) return "GOVERNMENT_FUND";
  if (/国有资本经营/.test(label)) return "STATE_CAPITAL";
  return null;
}

export function readFiscalSummaryTable(
  sheet: SheetData,
  context: { mappings: readonly HeaderMapping[]; fallbackUnit: AmountUnit },
  log: ImportLog,
): FiscalSummaryTable | null {
  const layout = locateTable(sheet, "T4", FISCAL_SPECS, context.mappings, log);
  if (layout === null || layout.columns.income === undefined) {
    log.error({ sheet: sheet.name }, "表4“财政拨款收支总表”中找不到表头，该表未导入");
    return null;
  }
  const unit = layout.statedUnit ?? context.fallbackUnit;
  const columns = layout.columns;
  const table: FiscalSummaryTable = { sheet: sheet.name, unit, income: new Map(), carryIn: new Map(), classes: new Map(), spending: new Map() };
  let inCarryIn = false;
  for (const { index, cells } of dataRows(sheet, layout)) {
    const read = (field: FiscalField, what: string): StatedAmount | null => {
      const column = columns[field];
      if (column === undefined) return null;
      const cell = { sheet: sheet.name, row: index, column };
      const fen = readAmount(cells[column] ?? null, unit, cell, log, `表4“${what}”`);
      return fen === null ? null : { fen, cell };
    };
    const incomeLabel = textAt(cells, columns, "incomeItem");
    if (/年初.*结转|上年结转/.test(incomeLabel)) inCarryIn = true;
    else if (/收入总计|本年收入合计/.test(incomeLabel)) inCarryIn = false;
    const type = appropriationOfLabel(incomeLabel);
    if (type !== null) {
      const stated = read("income", incomeLabel);
      if (stated) (inCarryIn ? table.carryIn : table.income).set(type, stated);
    }
    const expenditureLabel = textAt(cells, columns, "expenditureItem");
    const classCode = classCodeOfLabel(expenditureLabel);
    const isThisYear = /本年支出合计/.test(expenditureLabel);
    if (classCode === null && !isThisYear) continue;
    for (const appropriation of APPROPRIATIONS) {
      const stated = read(appropriation, `${expenditureLabel}”“${APPROPRIATION_LABELS[appropriation]}`);
      if (!stated) continue;
      if (classCode !== null) table.classes.set(`${appropriation}:${classCode}`, stated);
      else table.spending.set(appropriation, stated);
    }
  }
  return table;
}

/** Table 9 (三公): items by appropriation. */
export interface ThreePublicTable {
  sheet: string;
  unit: AmountUnit;
  lines: ThreePublicLine[];
  /** the cells of every item, for the figure list */
  cells: { label: string; fen: Fen; cell: CellRef }[];
}

type ThreePublicField = "item" | "total" | AppropriationType;
type ThreePublicItem = "abroad" | "vehiclePurchase" | "vehicleOperation" | "reception";

export const THREE_PUBLIC_SPECS: readonly ColumnSpec<ThreePublicField>[] = [
  { field: "item", label: "项目", aliases: ["项目", "项目名称", "科目"] },
  { field: "total", label: "合计", aliases: ["合计", "资金性质/合计", "小计"] },
  { field: "GENERAL_BUDGET", label: "一般公共预算财政拨款", aliases: ["一般公共预算财政拨款", "一般公共预算拨款", "一般公共预算"] },
  { field: "GOVERNMENT_FUND", label: "政府性基金预算拨款", aliases: ["政府性基金预算拨款", "政府性基金预算财政拨款", "政府性基金"] },
  { field: "STATE_CAPITAL", label: "国有资本经营预算财政拨款", aliases: ["国有资本经营预算财政拨款", "国有资本经营预算拨款", "国有资本经营预算"] },
];

function threePublicItemOf(label: string): ThreePublicItem | null {
  if (/出国/.test(label)) return "abroad";
  if (/购置及运[维行]/.test(label)) return null;
  if (/购置/.test(label)) return "vehiclePurchase";
  if (/运[维行]/.test(label)) return "vehicleOperation";
  if (/接待/.test(label)) return "reception";
  return null;
}

export function readThreePublicTable(
  sheet: SheetData,
  context: { mappings: readonly HeaderMapping[]; fallbackUnit: AmountUnit },
  log: ImportLog,
): ThreePublicTable | null {
  const layout = locateTable(sheet, "T9", THREE_PUBLIC_SPECS, context.mappings, log);
  if (layout === null || layout.columns.item === undefined) {
    log.error({ sheet: sheet.name }, "表9“三公经费支出表”中找不到表头，该表未导入");
    return null;
  }
  const unit = layout.statedUnit ?? context.fallbackUnit;
  const columns = layout.columns;
  const byType = new Map<AppropriationType, ThreePublicLine>();
  const table: ThreePublicTable = { sheet: sheet.name, unit, lines: [], cells: [] };
  for (const { index, cells } of dataRows(sheet, layout)) {
    const label = textAt(cells, columns, "item");
    const item = threePublicItemOf(label);
    if (item === null) continue;
    for (const type of APPROPRIATIONS) {
      const column = columns[type];
      if (column === undefined) continue;
      const cell = { sheet: sheet.name, row: index, column };
      const fen = readAmount(cells[column] ?? null, unit, cell, log, `表9“${label}”`);
      if (fen === null || fen === 0) continue;
      const line = byType.get(type) ?? { appropriation: type, abroad: 0, vehiclePurchase: 0, vehicleOperation: 0, reception: 0 };
      line[item] += fen;
      byType.set(type, line);
      table.cells.push({ label: `三公经费 ${label}（${APPROPRIATION_LABELS[type]}）`, fen, cell });
    }
  }
  table.lines = APPROPRIATIONS.flatMap((t) => byType.get(t) ?? []);
  return table;
}
