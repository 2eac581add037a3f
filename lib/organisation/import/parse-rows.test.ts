import { describe, expect, it } from "vitest";
import { isAcceptablePassword } from "@/lib/auth/password-policy";
import type { CellValue, SheetData } from "@/lib/spreadsheet/read-spreadsheet";
import { ACCOUNT_FIELD_HEADERS, ACCOUNT_FIELDS, UNIT_FIELD_HEADERS, UNIT_FIELDS } from "./import-columns";
import { generateInitialPassword } from "./initial-password";
import { parseAccountRows } from "./parse-account-rows";
import { parseUnitRows } from "./parse-unit-rows";
import { selectImportSheet } from "./select-import-sheet";

const sheet = (name: string, rows: CellValue[][], extra: Partial<SheetData> = {}): SheetData => ({ name, isHidden: false, rows, merges: [], ...extra });

describe("selectImportSheet", () => {
  it("reads the first visible sheet whose header names the columns, below a title row, and ignores an empty hidden sheet", () => {
    const selected = selectImportSheet(
      {
        format: "xlsx",
        sheets: [
          sheet("说明", [["本表由财政局下发"]]),
          sheet("空", [], { isHidden: true }),
          sheet("单位", [["2025年单位名单"], ["单位 代码", "单位全称", "部门编码（必填）"], ["224001", "网信办", 224], [null, "", null]]),
        ],
      },
      UNIT_FIELDS,
      UNIT_FIELD_HEADERS,
    );
    expect(selected.ok && selected.value.sheet).toBe("单位");
    expect(selected.ok && selected.value.rows.map((r) => r.row)).toEqual([2]);
    if (!selected.ok) return;
    expect(parseUnitRows(selected.value)).toEqual({
      rows: [{ row: 2, unitCode: "224001", unitName: "网信办", departmentCode: "224", departmentName: "", profile: {} }],
      problems: [],
    });
  });

  it("refuses a second sheet with the same header instead of importing half of the units", () => {
    const header = ["单位编码", "单位名称", "部门编码"];
    const selected = selectImportSheet(
      { format: "xlsx", sheets: [sheet("一", [header, ["224001", "甲", "224"]]), sheet("二", [header, ["224002", "乙", "224"]])] },
      UNIT_FIELDS,
      UNIT_FIELD_HEADERS,
    );
    expect(selected.ok ? [] : selected.problems.map((p) => p.message)).toEqual([
      "工作表“二”第 1 行：与工作表“一”的表头相同。一次只导入一个工作表：请把数据合并到一个工作表，或删除多余的工作表。",
    ]);
  });

  it("gives a department's name from any row of its code to the rows without one", () => {
    const selected = selectImportSheet(
      { format: "csv", sheets: [sheet("units", [["单位编码", "单位名称", "部门编码", "部门名称"], ["224001", "甲", "224", ""], ["224002", "乙", "224", "网信办"]])] },
      UNIT_FIELDS,
      UNIT_FIELD_HEADERS,
    );
    if (!selected.ok) throw new Error("not selected");
    expect(parseUnitRows(selected.value).rows.map((r) => r.departmentName)).toEqual(["网信办", "网信办"]);
  });

  it("reads roles by their Chinese names and lower-cases e-mail addresses", () => {
    const selected = selectImportSheet(
      { format: "csv", sheets: [sheet("a", [["姓名", "邮箱", "角色", "范围"], ["张三", "Zhang.San@Example.GOV.cn", "主管部门审核人", "224"], ["李四", "li@example.gov.cn", " 单位 填报人 ", 224001]])] },
      ACCOUNT_FIELDS,
      ACCOUNT_FIELD_HEADERS,
    );
    if (!selected.ok) throw new Error("not selected");
    expect(parseAccountRows(selected.value).rows.map((r) => [r.email, r.role, r.scopeCode])).toEqual([
      ["zhang.san@example.gov.cn", "DEPARTMENT_REVIEWER", "224"],
      ["li@example.gov.cn", "ACCOUNTANT", "224001"],
    ]);
  });
});

describe("generateInitialPassword", () => {
  it("meets the password rule and differs every time", () => {
    const passwords = Array.from({ length: 200 }, generateInitialPassword);
    expect(passwords.every(isAcceptablePassword)).toBe(true);
    expect(passwords.every((p) => p.length === 14 && !/[0O1lI]/.test(p))).toBe(true);
    expect(new Set(passwords).size).toBe(200);
  });
});
