import { describe, expect, it } from "vitest";
import { deriveTables } from "@/lib/disclosure/derive-tables";
import { printRows } from "@/lib/disclosure/print";
import { TABLE_IDS } from "@/lib/disclosure/table-model";
import type { Budget } from "@/lib/disclosure/types";
import { guantao2024Budget, guantao2024CodeBook } from "@/lib/demo/guantao-2024";
import { disclosureWorkbook, lineExportWorkbook, referenceLines, type Dialect } from "@/tests/fixtures/excel/reference-workbooks";
import { spreadsheetData, type SheetSpec } from "@/tests/fixtures/excel/sheet-spec";
import { readReference, referenceTable } from "@/tests/reference-document";
import { applyImport } from "./apply-import";
import { importWorkbook } from "./import-workbook";

const reference = readReference();
const context = { codeBook: guantao2024CodeBook, expected: { unitCode: "224001", year: 2024 }, mappings: [] };

/** A draft with the reference's identity and texts but none of its figures. */
const emptyDraft: Budget = {
  ...guantao2024Budget,
  income: [],
  expenditure: [],
  basicEconomic: [],
  projects: [],
  threePublic: [],
  assets: { asOf: "2023-12-31", holdings: [], statedTotalValue: null, plannedPurchases: 0 },
};

const fixtures: [string, SheetSpec[]][] = (["a", "b"] as Dialect[]).flatMap((d): [string, SheetSpec[]][] => [
  [`disclosure workbook, dialect ${d}`, disclosureWorkbook(guantao2024Budget, guantao2024CodeBook, d)],
  [`flat line export, dialect ${d}`, lineExportWorkbook(guantao2024Budget, guantao2024CodeBook, referenceLines(guantao2024Budget), d)],
]);

describe.each(fixtures)("the reference budget as a %s", (_name, sheets) => {
  const result = importWorkbook(spreadsheetData(sheets), context);
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join("\n"));
  const imported = result.data;
  const budget = applyImport(emptyDraft, imported);

  it("imports without a problem, naming the unit and year", () => {
    expect(imported.problems).toEqual([]);
    expect(imported.unknownHeaders).toEqual([]);
    expect(imported.unit.code).toBe("224001");
    expect(imported.year).toBe(2024);
  });

  it.each(TABLE_IDS)("derives %s equal to the reference document, cell by cell", (id) => {
    const table = deriveTables(budget, guantao2024CodeBook)[id];
    expect(printRows(table, "WAN_YUAN")).toEqual(referenceTable(reference, table.title).rows);
  });

  it("imports the six projects with their spending plans and indicators", () => {
    expect(budget.projects.map((p) => [p.code, p.amount, p.functionalCode, p.spendingPlan])).toEqual(
      guantao2024Budget.projects.map((p) => [p.code, p.amount, p.functionalCode, p.spendingPlan]),
    );
    expect(budget.projects.map((p) => p.indicators)).toEqual(guantao2024Budget.projects.map((p) => p.indicators));
    expect(budget.projects.map((p) => [p.purpose, p.performanceGoal])).toEqual(guantao2024Budget.projects.map((p) => [p.purpose, p.performanceGoal]));
  });

  it("imports the fixed assets where the workbook has them (1.385 万元 of other fixed assets, as of 2023-12-31)", () => {
    const hasAssets = sheets.some((s) => s.name.includes("固定资产"));
    expect(budget.assets).toEqual(hasAssets ? guantao2024Budget.assets : emptyDraft.assets);
  });

  it("imports the 政府采购 sheet where the workbook has one, equal to the reference's", () => {
    const hasProcurement = sheets.some((s) => s.name.includes("政府采购"));
    expect(imported.content.procurement).toEqual(hasProcurement ? guantao2024Budget.procurement : null);
    expect(budget.procurement).toEqual(guantao2024Budget.procurement);
  });

  it("keeps the source cell of every figure", () => {
    expect(imported.figures.length).toBeGreaterThan(10);
    for (const figure of imported.figures) {
      expect(figure.sources.length, figure.label).toBeGreaterThan(0);
      for (const source of figure.sources) expect(sheets.map((s) => s.name)).toContain(source.sheet);
    }
  });
});
