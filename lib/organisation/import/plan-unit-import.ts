import { createHash } from "node:crypto";
import type { DbReader } from "@/lib/budgets/db-client";
import type { SpreadsheetProblem } from "@/lib/spreadsheet/read-spreadsheet";
import { UNIT_FIELD_LABELS, unitProfileChanges, type UnitProfile } from "../unit-profile-changes";
import type { UnitRow } from "./parse-unit-rows";

export type ImportOutcome = "new" | "changed" | "unchanged";

/** One row of the dry run, as it will be written. */
export interface UnitPlanRow {
  /** the sheet row, 1-based as Excel shows it */
  rowNumber: number;
  unitCode: string;
  unitName: string;
  departmentCode: string;
  outcome: ImportOutcome;
  /** field label → "old → new" for a changed unit */
  changes: Record<string, string>;
}

export interface DepartmentPlanRow {
  code: string;
  name: string;
  outcome: "new" | "unchanged";
}

/** What an import will write, with the statements' data; the same file gives the same plan. */
export interface UnitImportPlan {
  region: { id: number; code: string; name: string };
  departments: DepartmentPlanRow[];
  units: UnitPlanRow[];
  problems: SpreadsheetProblem[];
  counts: { departmentsCreated: number; unitsCreated: number; unitsChanged: number; unitsUnchanged: number; refused: number };
  /** sha256 of the writes: the apply step refuses when the data changed since the dry run */
  fingerprint: string;
  writes: UnitImportWrites;
}

interface UnitWrite extends UnitProfile {
  code: string;
  departmentCode: string;
}

export interface UnitImportWrites {
  newDepartments: { code: string; name: string }[];
  newUnits: UnitWrite[];
  changedUnits: (UnitWrite & { id: number })[];
}

/**
 * Compares a file's unit rows with the region's departments and units (two queries) and decides,
 * row by row, what an import writes. Departments the file names and the region lacks are created;
 * a department code the region lacks and the file does not name, a department named otherwise
 * than stored, and a deactivated unit are refused with their place.
 */
export async function planUnitImport(
  tx: DbReader,
  region: { id: number; code: string; name: string },
  sheetName: string,
  rows: readonly UnitRow[],
  fileProblems: readonly SpreadsheetProblem[],
): Promise<UnitImportPlan> {
  const [departments, units] = await Promise.all([
    tx.department.findMany({ where: { regionId: region.id }, select: { id: true, code: true, name: true } }),
    tx.unit.findMany({
      where: { regionId: region.id, code: { in: rows.map((row) => row.unitCode) } },
      select: { id: true, code: true, name: true, nature: true, grade: true, fundingForm: true, duties: true, organisation: true, deactivatedAt: true, department: { select: { code: true, name: true } } },
    }),
  ]);
  const departmentByCode = new Map(departments.map((d) => [d.code, d]));
  const unitByCode = new Map(units.map((u) => [u.code, u]));
  const problems: SpreadsheetProblem[] = [...fileProblems];
  const refuse = (row: UnitRow, reason: string) => problems.push({ sheet: sheetName, row: row.row, column: null, message: `工作表“${sheetName}”第 ${row.row + 1} 行：${reason}` });

  const newDepartments = new Map<string, string>();
  const planRows: UnitPlanRow[] = [];
  const writes: UnitImportWrites = { newDepartments: [], newUnits: [], changedUnits: [] };
  for (const row of rows) {
    const department = departmentByCode.get(row.departmentCode);
    if (department === undefined && row.departmentName === "") {
      refuse(row, `主管部门编码 ${row.departmentCode} 在${region.name}不存在，且文件没有给出该部门的名称：请增加“主管部门名称”列，或先新增该部门。`);
      continue;
    }
    if (department !== undefined && row.departmentName !== "" && department.name !== row.departmentName) {
      refuse(row, `主管部门编码 ${row.departmentCode} 在系统中名为“${department.name}”，文件中为“${row.departmentName}”：请核对编码，或先在部门管理中修改名称。`);
      continue;
    }
    const existing = unitByCode.get(row.unitCode);
    if (existing?.deactivatedAt != null) {
      refuse(row, `单位 ${row.unitCode} ${existing.name} 已停用：请先在单位管理中启用，再导入。`);
      continue;
    }
    if (department === undefined) newDepartments.set(row.departmentCode, row.departmentName);
    if (existing === undefined) {
      const write: UnitWrite = { code: row.unitCode, departmentCode: row.departmentCode, name: row.unitName, nature: "", grade: "", fundingForm: "", duties: [], organisation: "", ...row.profile };
      writes.newUnits.push(write);
      planRows.push({ rowNumber: row.row + 1, unitCode: row.unitCode, unitName: row.unitName, departmentCode: row.departmentCode, outcome: "new", changes: {} });
      continue;
    }
    const after: UnitProfile = { ...existing, ...row.profile, name: row.unitName };
    const changes = unitProfileChanges(existing, after);
    if (existing.department.code !== row.departmentCode) {
      changes[UNIT_FIELD_LABELS.department] = `${existing.department.code} ${existing.department.name} → ${row.departmentCode} ${row.departmentName || department?.name || ""}`.trim();
    }
    const isChanged = Object.keys(changes).length > 0;
    if (isChanged) {
      writes.changedUnits.push({ id: existing.id, code: row.unitCode, departmentCode: row.departmentCode, name: after.name, nature: after.nature, grade: after.grade, fundingForm: after.fundingForm, duties: [...after.duties], organisation: after.organisation });
    }
    planRows.push({ rowNumber: row.row + 1, unitCode: row.unitCode, unitName: row.unitName, departmentCode: row.departmentCode, outcome: isChanged ? "changed" : "unchanged", changes });
  }
  writes.newDepartments = [...newDepartments].map(([code, name]) => ({ code, name }));
  const fileDepartmentCodes = new Set(rows.map((row) => row.departmentCode));
  const departmentRows: DepartmentPlanRow[] = [
    ...writes.newDepartments.map((d) => ({ ...d, outcome: "new" as const })),
    ...departments.filter((d) => fileDepartmentCodes.has(d.code)).map((d) => ({ code: d.code, name: d.name, outcome: "unchanged" as const })),
  ].sort((a, b) => a.code.localeCompare(b.code));
  const count = (outcome: ImportOutcome) => planRows.filter((row) => row.outcome === outcome).length;
  return {
    region,
    departments: departmentRows,
    units: planRows,
    problems,
    counts: {
      departmentsCreated: writes.newDepartments.length,
      unitsCreated: count("new"),
      unitsChanged: count("changed"),
      unitsUnchanged: count("unchanged"),
      refused: problems.length,
    },
    fingerprint: createHash("sha256").update(JSON.stringify({ region: region.id, writes })).digest("hex"),
    writes,
  };
}
