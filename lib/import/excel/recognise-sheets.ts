import type { AmountUnit } from "@/lib/disclosure/types";
import { cellText } from "@/lib/spreadsheet/header-map";
import type { SheetData } from "@/lib/spreadsheet/read-spreadsheet";
import { ImportLog } from "./import-log";
import type { HeaderMapping, SheetKind } from "./import-types";
import { isLineLayout, LINE_SPECS } from "./read-line-export";
import { PROCUREMENT_SPECS } from "./read-procurement";
import { PROJECT_SPECS } from "./read-projects";
import { locateTable, unitOfText } from "./sheet-table";

/**
 * Sheet kinds by title text, checked in this order (表4's title contains 收支总表, 表6's 一般公共预算;
 * 政府采购 first, as 政府采购项目明细表 would otherwise read as a project sheet).
 */
const TITLE_RULES: readonly [SheetKind, RegExp][] = [
  ["PROCUREMENT", /政府采购/],
  ["T4", /财政拨款收支(预算)?总表/],
  ["T1", /收支(预算)?总表/],
  ["T2", /收入(预算)?总表/],
  ["T9", /三公/],
  ["T6", /基本支出(预算)?表/],
  ["T7", /政府性基金/],
  ["T8", /国有资本经营/],
  ["T5", /一般公共预算.*支出(预算)?表/],
  ["T3", /支出(预算)?总表/],
  ["INDICATORS", /绩效指标/],
  ["PROJECTS", /绩效目标|项目支出|项目明细|项目表/],
  ["ASSETS", /固定资产|国有资产|资产占用/],
];

/** The sheet's title: its name without a leading 表码 (e.g. `2.15`, `表3-1`) and its first title rows. */
function titleTexts(sheet: SheetData): string[] {
  const name = sheet.name.replace(/^表?[\d.\-_、]+\s*/, "");
  const rows = sheet.rows.slice(0, 3).map((row) => row.map((v) => cellText(v ?? null)).find((t) => t !== "") ?? "");
  return [name, ...rows].map((t) => t.replace(/\s/g, ""));
}

export function kindByTitle(sheet: SheetData): SheetKind | null {
  for (const text of titleTexts(sheet)) {
    if (text === "") continue;
    for (const [kind, pattern] of TITLE_RULES) if (pattern.test(text)) return kind;
  }
  return null;
}

/** A sheet without a recognisable title is a line export, a project or a 政府采购 sheet when its headers say so. */
export function recogniseSheet(sheet: SheetData, mappings: readonly HeaderMapping[]): SheetKind | null {
  const scratch = new ImportLog();
  const lines = locateTable(sheet, "LINES", LINE_SPECS, mappings, scratch);
  if (lines !== null && isLineLayout(lines)) return "LINES";
  const byTitle = kindByTitle(sheet);
  if (byTitle !== null) return byTitle;
  const projects = locateTable(sheet, "PROJECTS", PROJECT_SPECS, mappings, scratch);
  if (projects?.columns.projectCode !== undefined && projects.columns.amount !== undefined) return "PROJECTS";
  if (projects?.columns.projectCode !== undefined && projects.columns.indicatorName !== undefined) return "INDICATORS";
  const procurement = locateTable(sheet, "PROCUREMENT", PROCUREMENT_SPECS, mappings, scratch);
  if (procurement?.columns.itemName !== undefined && procurement.columns.catalogueCode !== undefined) return "PROCUREMENT";
  return null;
}

/** 单位：万元 / 元 stated in a sheet's first rows, or null. */
export function statedUnitOf(sheet: SheetData): AmountUnit | null {
  for (const row of sheet.rows.slice(0, 6)) {
    for (const value of row) {
      const unit = unitOfText(cellText(value));
      if (unit) return unit;
    }
  }
  return null;
}

/**
 * When no sheet states its unit: amounts of a unit's budget above 100,000 are 元 (no unit budget
 * line is 10 亿元), otherwise 万元. The accountant is told to check.
 */
export function unitFromValues(sheets: readonly SheetData[]): AmountUnit {
  let max = 0;
  for (const sheet of sheets) {
    for (const row of sheet.rows) for (const v of row) if (typeof v === "number" && v > max) max = v;
  }
  return max >= 100_000 ? "YUAN" : "WAN_YUAN";
}
