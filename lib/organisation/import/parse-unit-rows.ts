import type { SpreadsheetProblem } from "@/lib/spreadsheet/read-spreadsheet";
import { UNIT_FIELD_HEADERS, type UnitField } from "./import-columns";
import { fieldText, hasColumn, rowProblem, type ImportSheet } from "./select-import-sheet";

/** The profile fields a file may carry; a field whose column the file lacks is left as stored. */
export interface UnitRowProfile {
  nature?: string;
  grade?: string;
  fundingForm?: string;
  duties?: string[];
  organisation?: string;
}

/** One unit as a file states it, with the sheet row it came from (0-based). */
export interface UnitRow {
  row: number;
  unitCode: string;
  unitName: string;
  departmentCode: string;
  /** "" when the file names no department on this row */
  departmentName: string;
  profile: UnitRowProfile;
}

const LIMITS: Partial<Record<UnitField, number>> = { unitName: 100, departmentName: 100, nature: 20, grade: 20, fundingForm: 20, organisation: 5000 };

/**
 * Reads the unit rows of an import sheet (pure): every cell checked, every problem named by sheet,
 * row and column; a row with a problem is left out of `rows`. Duplicate unit codes and a
 * department code named differently on two rows are refused on the later row.
 */
export function parseUnitRows(sheet: ImportSheet<UnitField>): { rows: UnitRow[]; problems: SpreadsheetProblem[] } {
  const rows: UnitRow[] = [];
  const problems: SpreadsheetProblem[] = [];
  const firstRowOfCode = new Map<string, number>();
  const departmentNames = new Map<string, { name: string; row: number }>();
  for (const { row, cells } of sheet.rows) {
    const text = (field: UnitField) => fieldText(sheet, cells, field);
    const rowProblems: SpreadsheetProblem[] = [];
    const refuse = (field: UnitField | null, reason: string) => rowProblems.push(rowProblem(sheet, row, field, reason));

    const unitCode = text("unitCode");
    if (unitCode === "") refuse("unitCode", "单位编码为空。");
    else if (!/^\d{3,20}$/.test(unitCode)) refuse("unitCode", `单位编码“${unitCode}”应为 3–20 位数字，例如 224001。`);
    const unitName = text("unitName");
    if (unitName === "") refuse("unitName", "单位名称为空。");
    const departmentCode = text("departmentCode");
    if (departmentCode === "") refuse("departmentCode", "主管部门编码为空。");
    else if (!/^\d{1,12}$/.test(departmentCode)) refuse("departmentCode", `主管部门编码“${departmentCode}”应为 1–12 位数字，例如 224。`);
    const departmentName = text("departmentName");
    for (const [field, limit] of Object.entries(LIMITS) as [UnitField, number][]) {
      const value = text(field);
      if (value.length > limit) refuse(field, `${UNIT_FIELD_HEADERS[field]}最多 ${limit} 个字符（此处 ${value.length} 个）。`);
    }
    if (unitCode !== "") {
      const first = firstRowOfCode.get(unitCode);
      if (first !== undefined) refuse("unitCode", `单位编码 ${unitCode} 与第 ${first + 1} 行重复。`);
      else firstRowOfCode.set(unitCode, row);
    }
    if (departmentCode !== "" && departmentName !== "") {
      const named = departmentNames.get(departmentCode);
      if (named !== undefined && named.name !== departmentName) {
        refuse("departmentName", `主管部门编码 ${departmentCode} 在第 ${named.row + 1} 行名为“${named.name}”，此处为“${departmentName}”，请统一。`);
      } else if (named === undefined) departmentNames.set(departmentCode, { name: departmentName, row });
    }
    if (rowProblems.length > 0) {
      problems.push(...rowProblems);
      continue;
    }
    const profile: UnitRowProfile = {};
    if (hasColumn(sheet, "nature")) profile.nature = text("nature");
    if (hasColumn(sheet, "grade")) profile.grade = text("grade");
    if (hasColumn(sheet, "fundingForm")) profile.fundingForm = text("fundingForm");
    if (hasColumn(sheet, "duties")) profile.duties = text("duties").split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== "");
    if (hasColumn(sheet, "organisation")) profile.organisation = text("organisation");
    rows.push({ row, unitCode, unitName, departmentCode, departmentName, profile });
  }
  // A department named on any row names it for every row of that code.
  for (const unit of rows) {
    if (unit.departmentName === "") unit.departmentName = departmentNames.get(unit.departmentCode)?.name ?? "";
  }
  return { rows, problems };
}
