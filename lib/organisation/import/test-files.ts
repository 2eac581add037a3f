import ExcelJS from "exceljs";
import type { ImportFile } from "./import-file";

/** Import files built in the tests with exceljs, so every fixture is reproducible from code. */

export type Cell = string | number | { formula: string } | null;

export interface SheetSpec {
  name: string;
  rows: readonly (readonly Cell[])[];
  state?: "visible" | "hidden" | "veryHidden";
  /** A1-style ranges, e.g. "A3:B3" */
  merges?: readonly string[];
}

export async function xlsxFile(sheets: readonly SheetSpec[], fileName = "import.xlsx"): Promise<ImportFile> {
  const workbook = new ExcelJS.Workbook();
  for (const spec of sheets) {
    const sheet = workbook.addWorksheet(spec.name, { state: spec.state ?? "visible" });
    spec.rows.forEach((row, r) => {
      row.forEach((cell, c) => {
        if (cell === null) return;
        sheet.getCell(r + 1, c + 1).value = typeof cell === "object" ? { formula: cell.formula, result: 0 } : cell;
      });
    });
    for (const range of spec.merges ?? []) sheet.mergeCells(range);
  }
  return { fileName, bytes: new Uint8Array(await workbook.xlsx.writeBuffer()) };
}

export function csvFile(rows: readonly (readonly string[])[], fileName = "import.csv"): ImportFile {
  const text = rows.map((row) => row.map((cell) => (/[",\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell)).join(",")).join("\r\n");
  return { fileName, bytes: new TextEncoder().encode("\uFEFF" + text + "\r\n") };
}

/** A county's units as a bureau keeps them: `departments` departments of `perDepartment` units, headers with aliases. */
export function countyUnitRows(departments: number, perDepartment: number, headers: readonly string[] = ["单位代码", "单位名称", "部门编码", "部门名称", "单位性质", "单位规格", "经费保障形式"]): string[][] {
  const rows: string[][] = [[...headers]];
  for (let d = 0; d < departments; d += 1) {
    const departmentCode = String(301 + d);
    for (let u = 0; u < perDepartment; u += 1) {
      const suffix = String(u + 1).padStart(3, "0");
      rows.push([`${departmentCode}${suffix}`, `测试部门${d + 1}${u === 0 ? "本级" : `所属单位${u}`}`, departmentCode, `测试部门${d + 1}`, u === 0 ? "行政" : "事业", "正科级", "财政拨款"]);
    }
  }
  return rows;
}
