import { describe, expect, it } from "vitest";
import { cellAddress, columnLetter, describeLocation } from "./cell-address";
import { cellText, findHeaderRow, normalizeHeader, type FieldSpec } from "./header-map";

const unitFields: FieldSpec<"code" | "name" | "department">[] = [
  { field: "code", aliases: ["单位编码", "单位代码"], isRequired: true },
  { field: "name", aliases: ["单位名称"], isRequired: true },
  { field: "department", aliases: ["主管部门编码", "部门编码"], isRequired: false },
];

describe("header map", () => {
  it("finds the header row below a title, by alias, whatever the column order and spacing", () => {
    const rows = [
      ["馆陶县预算单位名单", null, null],
      [],
      ["单位名称 ", "部门\n编码", "单位代码（必填）", "备注"],
      ["网信办", "224", "224001", null],
    ];
    expect(findHeaderRow(rows, unitFields)).toEqual({
      headerRow: 2,
      columns: { name: 0, department: 1, code: 2 },
      missing: [],
      unknownColumns: [{ column: 3, header: "备注" }],
    });
  });

  it("names the required fields a header row lacks, and gives null when no row names the table", () => {
    expect(findHeaderRow([["单位名称", "金额"]], unitFields)?.missing).toEqual(["code"]);
    expect(findHeaderRow([["科目编码", "科目名称"]], unitFields)).toBeNull();
  });

  it("normalises full-width brackets, stars, colons and spaces", () => {
    expect(normalizeHeader(" *单位　编码（文本）： ")).toBe("单位编码(文本)");
  });

  it("shows cells as a person reads them", () => {
    expect(cellText(224001)).toBe("224001");
    expect(cellText(0.1 + 0.2)).toBe("0.3");
    expect(cellText(" 网信办 ")).toBe("网信办");
    expect(cellText(new Date(Date.UTC(2025, 0, 2)))).toBe("2025-01-02");
    expect(cellText(null)).toBe("");
  });

  it("names places the way Excel does", () => {
    expect([columnLetter(0), columnLetter(25), columnLetter(26), columnLetter(27)]).toEqual(["A", "Z", "AA", "AB"]);
    expect(cellAddress(4, 1)).toBe("B5");
    expect(describeLocation("单位", 4, 1)).toBe("工作表“单位”第 5 行 B 列");
    expect(describeLocation(null, 0, null)).toBe("第 1 行");
  });
});
