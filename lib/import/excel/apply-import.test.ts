import { describe, expect, it } from "vitest";
import { guantao2024Budget, guantao2024CodeBook } from "@/lib/demo/guantao-2024";
import { lineExportWorkbook, referenceLines } from "@/tests/fixtures/excel/reference-workbooks";
import { spreadsheetData } from "@/tests/fixtures/excel/sheet-spec";
import { applyImport } from "./apply-import";
import { importWorkbook } from "./import-workbook";

const context = { codeBook: guantao2024CodeBook, expected: { unitCode: "224001", year: 2024 }, mappings: [] };

function imported(lines = referenceLines(guantao2024Budget)) {
  const result = importWorkbook(spreadsheetData(lineExportWorkbook(guantao2024Budget, guantao2024CodeBook, lines, "a")), context);
  if (!result.ok) throw new Error("not imported");
  return result.data;
}

describe("applying an import to the draft", () => {
  it("keeps the draft's 万元 when every amount fits 0.01 万元, and what the workbook does not carry", () => {
    const draft = { ...guantao2024Budget, narrative: { ...guantao2024Budget.narrative, otherNotes: "本单位说明" } };
    const budget = applyImport(draft, imported());
    expect(budget.amountUnit).toBe("WAN_YUAN");
    expect(budget.narrative.otherNotes).toBe("本单位说明");
    expect(budget.unit).toEqual(draft.unit);
    expect(budget.projects.map((p) => [p.priorYearAmount, p.changeReason])).toEqual(draft.projects.map((p) => [p.priorYearAmount, p.changeReason]));
  });

  it("switches the draft to 元 when an amount has 元 or 分 that 0.01 万元 cannot hold", () => {
    const lines = referenceLines(guantao2024Budget).map((l, i) => (i === 0 ? { ...l, fen: l.fen + 12_34 } : l));
    const budget = applyImport(guantao2024Budget, imported(lines));
    expect(budget.amountUnit).toBe("YUAN");
    expect(budget.basicEconomic.find((l) => l.economicCode === "30101")?.amount).toBe(27_401_234);
  });
});
