import { COMPARATORS, type AmountUnit, type CodeBook, type Comparator, type Fen, type PerformanceIndicator, type Project } from "@/lib/disclosure/types";
import { cellText } from "@/lib/spreadsheet/header-map";
import type { CellValue, SheetData } from "@/lib/spreadsheet/read-spreadsheet";
import { splitCodeAndName } from "./classification-code";
import type { ImportLog } from "./import-log";
import type { CellRef, HeaderMapping, SheetKind } from "./import-types";
import { readAmount } from "./read-amount";
import { dataRows, locateTable, textAt, type ColumnSpec } from "./sheet-table";

/**
 * The project sheets of both shapes: one row per project (项目支出/绩效目标), optionally one row
 * per indicator with the project's columns repeated, or indicators on a sheet of their own.
 */

type ProjectField =
  | "projectCode"
  | "projectName"
  | "functional"
  | "amount"
  | "fiscalAmount"
  | "otherAmount"
  | "purpose"
  | "march"
  | "june"
  | "october"
  | "december"
  | "performanceGoal"
  | IndicatorField;

type IndicatorField = "level1" | "level2" | "indicatorName" | "description" | "value" | "basis";

const INDICATOR_SPECS: readonly ColumnSpec<ProjectField>[] = [
  { field: "level1", label: "一级指标", aliases: ["一级指标"] },
  { field: "level2", label: "二级指标", aliases: ["二级指标"] },
  { field: "indicatorName", label: "三级指标", aliases: ["三级指标", "指标名称", "绩效指标"] },
  { field: "description", label: "指标描述", aliases: ["绩效指标描述", "指标描述", "指标内容", "指标解释"] },
  { field: "value", label: "指标值", aliases: ["指标值", "目标值", "年度指标值"] },
  { field: "basis", label: "指标值确定依据", aliases: ["指标值确定依据", "确定依据", "指标值设定依据"] },
];

export const PROJECT_SPECS: readonly ColumnSpec<ProjectField>[] = [
  { field: "projectCode", label: "项目编码", aliases: ["项目编码", "项目代码", "项目编号"] },
  { field: "projectName", label: "项目名称", aliases: ["项目名称"] },
  { field: "functional", label: "功能分类科目", aliases: ["功能分类科目", "功能科目", "功能分类科目编码", "支出功能分类科目", "科目编码"] },
  { field: "amount", label: "预算数", aliases: ["预算数", "项目金额", "预算金额", "金额", "合计", "预算规模/预算数", "年度预算数"] },
  { field: "fiscalAmount", label: "财政资金", aliases: ["财政资金", "其中：财政资金", "其中:财政资金", "其中财政资金", "财政拨款"] },
  { field: "otherAmount", label: "其他资金", aliases: ["其他资金"] },
  { field: "purpose", label: "资金用途", aliases: ["资金用途", "项目概述", "项目内容", "预算规模及资金用途/资金用途"] },
  { field: "march", label: "3月底支出进度", aliases: ["3月底", "3月", "一季度", "3月底(%)"] },
  { field: "june", label: "6月底支出进度", aliases: ["6月底", "6月", "二季度", "6月底(%)"] },
  { field: "october", label: "10月底支出进度", aliases: ["10月底", "10月", "10月底(%)"] },
  { field: "december", label: "12月底支出进度", aliases: ["12月底", "12月", "四季度", "12月底(%)"] },
  { field: "performanceGoal", label: "绩效目标", aliases: ["绩效目标", "年度绩效目标", "总体目标", "年度目标"] },
  ...INDICATOR_SPECS,
];

export interface ProjectSheetContext {
  codeBook: CodeBook;
  mappings: readonly HeaderMapping[];
  fallbackUnit: AmountUnit;
}

interface ReadProject {
  project: Project;
  cell: CellRef;
}

export function readProjectSheets(
  sheets: { sheet: SheetData; kind: SheetKind }[],
  context: ProjectSheetContext,
  log: ImportLog,
): { projects: Project[]; unit: AmountUnit | null } | null {
  if (sheets.length === 0) return null;
  const byCode = new Map<string, ReadProject>();
  let unit: AmountUnit | null = null;
  const pendingIndicators: { code: string; name: string; indicator: PerformanceIndicator; cell: CellRef }[] = [];
  for (const { sheet, kind } of sheets) {
    const layout = locateTable(sheet, kind, kind === "INDICATORS" ? [...PROJECT_SPECS.slice(0, 2), ...INDICATOR_SPECS] : PROJECT_SPECS, context.mappings, log);
    if (layout === null || (layout.columns.projectCode === undefined && layout.columns.projectName === undefined)) {
      log.error({ sheet: sheet.name }, "项目表中找不到“项目编码”或“项目名称”列，该表未导入");
      continue;
    }
    const sheetUnit = layout.statedUnit ?? context.fallbackUnit;
    unit ??= layout.statedUnit;
    const columns = layout.columns;
    // Merged cells leave the project and the 一级/二级 indicator columns blank below their first row.
    let current = { key: "", name: "", level1: "", level2: "" };
    for (const { index, cells } of dataRows(sheet, layout)) {
      const code = textAt(cells, columns, "projectCode").replace(/\s/g, "");
      const name = textAt(cells, columns, "projectName");
      if (/^合计|^总计/.test(code || name)) continue;
      const at = (field: ProjectField): CellRef => ({ sheet: sheet.name, row: index, column: columns[field] ?? 0 });
      if (code !== "" || name !== "") {
        current = { key: code || name, name, level1: "", level2: "" };
        if (kind === "PROJECTS" && !byCode.has(current.key)) {
          const read = readProjectRow(cells, columns, at, sheetUnit, context, log, code, name);
          if (read) byCode.set(current.key, read);
        }
      }
      if (current.key === "") continue;
      const indicator = readIndicator(cells, columns);
      if (!indicator) continue;
      if (indicator.comparator === "" && indicator.valueUnit === "" && !/^\d+(\.\d+)?$/.test(indicator.value) && indicator.value !== "") {
        log.warning(at("value"), `绩效指标“${indicator.name}”的指标值“${indicator.value}”不是“≥95%”“≤5件”这样的数值，已按原文导入，请在表单中核对`);
      }
      current.level1 = indicator.level1 || current.level1;
      current.level2 = indicator.level2 || current.level2;
      pendingIndicators.push({
        code: current.key,
        name: current.name,
        indicator: { ...indicator, level1: current.level1, level2: current.level2 },
        cell: at("indicatorName"),
      });
    }
  }
  for (const pending of pendingIndicators) {
    const target = byCode.get(pending.code) ?? [...byCode.values()].find((p) => p.project.name === pending.name);
    if (!target) {
      log.error(pending.cell, `绩效指标所属的项目“${pending.code}”不在项目表中`);
      continue;
    }
    target.project.indicators.push(pending.indicator);
  }
  return { projects: [...byCode.values()].map((p) => p.project), unit };
}

function readProjectRow(
  cells: readonly CellValue[],
  columns: Partial<Record<ProjectField, number>>,
  at: (field: ProjectField) => CellRef,
  unit: AmountUnit,
  context: ProjectSheetContext,
  log: ImportLog,
  code: string,
  name: string,
): ReadProject | null {
  const money = (field: "amount" | "fiscalAmount" | "otherAmount"): Fen | null | undefined => {
    const column = columns[field];
    if (column === undefined) return undefined;
    return readAmount(cells[column] ?? null, unit, at(field), log, `项目“${name || code}”的${field === "amount" ? "预算数" : field === "fiscalAmount" ? "财政资金" : "其他资金"}`);
  };
  const stated = money("amount");
  const fiscal = money("fiscalAmount");
  const other = money("otherAmount");
  if (stated === null || fiscal === null || other === null) return null;
  const amount = stated ?? (fiscal ?? 0) + (other ?? 0);
  const fiscalAmount = fiscal ?? amount - (other ?? 0);
  const otherAmount = other ?? amount - fiscalAmount;
  let functionalCode = "";
  const functionalText = textAt(cells, columns, "functional");
  if (functionalText !== "") {
    functionalCode = splitCodeAndName(functionalText)?.code ?? "";
    if (!context.codeBook.functional.some((c) => c.code === functionalCode && c.code.length === 7)) {
      log.error(at("functional"), `项目“${name || code}”的功能分类科目“${functionalText}”不是${context.codeBook.year}年科目表中的项级科目`);
      return null;
    }
  }
  const plan = spendingPlan(cells, columns, at, log);
  if (plan === null) return null;
  const project: Project = {
    code,
    name,
    functionalCode,
    fiscalAmount,
    otherAmount,
    amount,
    purpose: textAt(cells, columns, "purpose"),
    spendingPlan: plan,
    performanceGoal: textAt(cells, columns, "performanceGoal"),
    indicators: [],
    priorYearAmount: null,
    changeReason: "",
  };
  log.figure(`项目 ${code} ${name} · 预算数`, amount, columns.amount === undefined ? [] : [at("amount")]);
  return { project, cell: at("projectCode") };
}

function spendingPlan(
  cells: readonly CellValue[],
  columns: Partial<Record<ProjectField, number>>,
  at: (field: ProjectField) => CellRef,
  log: ImportLog,
): Project["spendingPlan"] | null {
  const fields = ["march", "june", "october", "december"] as const;
  const raw = fields.map((f) => {
    const column = columns[f];
    return column === undefined ? null : (cells[column] ?? null);
  });
  // A percent-formatted cell arrives as a fraction (0.25); typed text as "25%" or 25.
  const isFraction = raw.every((v) => v === null || (typeof v === "number" && v <= 1));
  const values: number[] = [];
  for (const [i, value] of raw.entries()) {
    const field = fields[i] ?? "december";
    if (value === null || cellText(value) === "") {
      values.push(field === "december" ? 100 : 0);
      continue;
    }
    const text = cellText(value).replace(/[%％\s]/g, "");
    const number = typeof value === "number" ? value * (isFraction ? 100 : 1) : Number(text);
    if (!Number.isFinite(number) || text === "" || number < 0 || number > 100.0001) {
      log.error(at(field), `支出进度“${cellText(value)}”不是0到100之间的百分比`);
      return null;
    }
    values.push(Math.round(number * 100) / 100);
  }
  const [march = 0, june = 0, october = 0, december = 100] = values;
  return { march, june, october, december };
}

const VALUE_PATTERN = /^(≥|≤|>=|<=|=|>|<|＞|＜|＝)?\s*(\d+(?:\.\d+)?)\s*(.*)$/;
const COMPARATOR_OF: Record<string, Comparator> = { ">=": "≥", "<=": "≤", "＞": ">", "＜": "<", "＝": "=" };

function readIndicator(cells: readonly CellValue[], columns: Partial<Record<ProjectField, number>>): PerformanceIndicator | null {
  const name = textAt(cells, columns, "indicatorName");
  if (name === "") return null;
  const valueText = textAt(cells, columns, "value");
  const match = VALUE_PATTERN.exec(valueText);
  const sign = match?.[1] ?? "";
  const comparator = (COMPARATOR_OF[sign] ?? sign) as Comparator;
  return {
    level1: textAt(cells, columns, "level1"),
    level2: textAt(cells, columns, "level2"),
    name,
    description: textAt(cells, columns, "description"),
    comparator: COMPARATORS.includes(comparator) ? comparator : "",
    value: match ? (match[2] ?? "") : valueText,
    valueUnit: match ? (match[3] ?? "").trim() : "",
    basis: textAt(cells, columns, "basis"),
  };
}
