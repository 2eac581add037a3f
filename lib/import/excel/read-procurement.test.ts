import { describe, expect, it } from "vitest";
import type { Budget, ProcurementRow } from "@/lib/disclosure/types";
import { guantao2024Budget, guantao2024CodeBook } from "@/lib/demo/guantao-2024";
import { disclosureWorkbook, procurementSheet, type Dialect } from "@/tests/fixtures/excel/reference-workbooks";
import { spreadsheetData, type SheetSpec } from "@/tests/fixtures/excel/sheet-spec";
import { applyImport } from "./apply-import";
import type { ExcelImport } from "./import-types";
import { importWorkbook } from "./import-workbook";
import { recogniseSheet } from "./recognise-sheets";

const context = { codeBook: guantao2024CodeBook, expected: { unitCode: "224001", year: 2024 }, mappings: [] };

const rows: ProcurementRow[] = [
  {
    projectName: "办公设备购置",
    itemName: "台式计算机",
    catalogueCode: "A02010104",
    unitOfMeasure: "台",
    quantity: 5,
    unitPrice: 500_000,
    generalBudget: 2_000_000,
    governmentFund: 0,
    stateCapital: 0,
    specialAccount: 0,
    unitFunds: 500_000,
    carryover: 0,
    total: 2_500_000,
    smeReserved: 2_500_000,
  },
  {
    projectName: "物业管理服务",
    itemName: "物业管理服务",
    catalogueCode: "C21040000",
    unitOfMeasure: "项",
    quantity: 1,
    unitPrice: 12_345_600,
    generalBudget: 12_345_600,
    governmentFund: 0,
    stateCapital: 0,
    specialAccount: 0,
    unitFunds: 0,
    carryover: 0,
    total: 12_345_600,
    smeReserved: 0,
  },
];
const budget: Budget = { ...guantao2024Budget, procurement: rows };

function run(sheets: SheetSpec[]): ExcelImport {
  const result = importWorkbook(spreadsheetData(sheets), context);
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join("\n"));
  return result.data;
}

describe("the 政府采购 sheet", () => {
  it.each(["a", "b"] as Dialect[])("is recognised by its title and headers and imported in dialect %s (万元, merged or single header row)", (dialect) => {
    const sheet = procurementSheet(budget, dialect);
    expect(recogniseSheet(spreadsheetData([sheet]).sheets[0]!, [])).toBe("PROCUREMENT");
    const imported = run(disclosureWorkbook(budget, guantao2024CodeBook, dialect));
    expect(imported.problems).toEqual([]);
    expect(imported.unknownHeaders).toEqual([]);
    expect(imported.sheets.find((s) => s.name === sheet.name)?.kind).toBe("PROCUREMENT");
    expect(imported.content.procurement).toEqual(rows);
    expect(applyImport({ ...guantao2024Budget, procurement: [] }, imported).procurement).toEqual(rows);
    const figure = imported.figures.find((f) => f.label === "政府采购 · 台式计算机 · 合计");
    expect(figure?.fen).toBe(2_500_000);
    expect(figure?.sources[0]?.sheet).toBe(sheet.name);
  });

  it("is recognised by its headers alone (采购品目 and 采购目录代码) when the sheet has no title", () => {
    const sheet = { ...procurementSheet(budget, "b"), name: "Sheet3" };
    expect(recogniseSheet(spreadsheetData([sheet]).sheets[0]!, [])).toBe("PROCUREMENT");
    const imported = run([...disclosureWorkbook(guantao2024Budget, guantao2024CodeBook, "b").filter((s) => !s.name.includes("政府采购")), sheet]);
    expect(imported.content.procurement).toEqual(rows);
  });

  it("reads amounts in 元 when the header says so", () => {
    const sheet = procurementSheet(budget, "b");
    sheet.rows[0]![13] = "金额单位：元";
    for (const row of sheet.rows.slice(2)) for (let c = 5; c < 14; c++) if (typeof row[c] === "number") row[c] = (row[c] as number) * 10_000;
    const imported = run([...disclosureWorkbook(guantao2024Budget, guantao2024CodeBook, "b").filter((s) => !s.name.includes("政府采购")), sheet]);
    expect(imported.content.procurement).toEqual(rows);
  });

  it("names the cell of a text or a negative amount in Chinese and leaves the row out", () => {
    const sheets = disclosureWorkbook(budget, guantao2024CodeBook, "a");
    const sheet = sheets.find((s) => s.name === "2.27政府采购预算表")!;
    sheet.rows[4]![12] = "约25万";
    sheet.rows[5]![6] = -1.23456;
    const imported = run(sheets);
    const errors = imported.problems.filter((p) => p.severity === "error");
    expect(errors).toEqual([
      expect.objectContaining({ sheet: "2.27政府采购预算表", row: 4, column: 12, message: expect.stringContaining("政府采购“台式计算机”的合计“约25万”不是金额") }),
      expect.objectContaining({ sheet: "2.27政府采购预算表", row: 5, column: 6, message: expect.stringContaining("为负数") }),
    ]);
    expect(imported.content.procurement).toEqual([]);
  });
});
