import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ORACLES, type DisclosureOracle } from "@/tests/fixtures/disclosures/oracles";
import { printedFen } from "./amounts";
import { importDocument, summarise, type ImportedDocument } from "./import-document";
import type { ImportSummary } from "./import-summary";

const FIXTURES = path.resolve(__dirname, "../../tests/fixtures/disclosures");

function pdfFiles(oracle: DisclosureOracle) {
  return oracle.pdfs.map((name) => ({ name, bytes: new Uint8Array(readFileSync(path.join(FIXTURES, "pdf", name))) }));
}

function fen(text: string, unit: "元" | "万元"): number {
  return printedFen(text, unit === "元" ? "YUAN" : "WAN_YUAN");
}

function expectTotals(summary: ImportSummary, oracle: DisclosureOracle): void {
  const { totals, unit } = oracle;
  expect(summary.incomeTotal, "收入总计").toBe(fen(totals.incomeTotal, unit));
  expect(summary.expenditureTotal, "支出总计").toBe(fen(totals.expenditureTotal, unit));
  if (totals.basic) expect(summary.basic, "基本支出").toBe(fen(totals.basic, unit));
  if (totals.project) expect(summary.project, "项目支出").toBe(fen(totals.project, unit));
  if (totals.reserve !== undefined) expect(summary.reserve, "单位预留机动经费").toBe(totals.reserve === null ? null : fen(totals.reserve, unit));
  if (totals.personnel) expect(summary.personnel, "人员经费").toBe(fen(totals.personnel, unit));
  if (totals.publicOperating) expect(summary.publicOperating, "公用经费").toBe(fen(totals.publicOperating, unit));
  if (totals.threePublicWan) expect(summary.threePublic, "三公").toBe(fen(totals.threePublicWan, "万元"));
  if (totals.procurementWan) expect(summary.procurement, "政府采购").toBe(fen(totals.procurementWan, "万元"));
  for (const [code, amount] of Object.entries(oracle.classes)) expect(summary.classes[code], `类 ${code}`).toBe(fen(amount, unit));
}

describe.each(ORACLES)("$name (PDF)", (oracle) => {
  let doc: ImportedDocument;
  let summary: ImportSummary;
  beforeAll(async () => {
    doc = await importDocument(pdfFiles(oracle));
    summary = summarise(doc);
  }, 60_000);

  it("is recognised: kind, scope, unit, year and template", () => {
    expect({ kind: summary.kind, scope: summary.scope, unitName: summary.unitName, year: summary.year, template: summary.template }).toEqual({
      kind: oracle.kind,
      scope: oracle.scope,
      unitName: oracle.unitName,
      year: oracle.year,
      template: oracle.template,
    });
  });

  it("reads the README's totals", () => {
    expectTotals(summary, oracle);
  });

  it("keeps where every figure came from (page, table, row, column)", () => {
    const income = doc.figures.incomeTotal?.source;
    expect(income?.page).toBeGreaterThan(0);
    expect(income?.table).toMatch(/总表/);
    for (const table of doc.tables) {
      for (const row of table.rows) {
        for (const amount of row.amounts) {
          expect(amount.source.page).toBe(row.page);
          expect(amount.source.table).toBe(table.title);
          expect(amount.source.row).toBe(row.index + 1);
        }
      }
    }
  });

  if (oracle.kind === "final") {
    it("is refused for import as a 决算", () => {
      expect(summary.findings[0]).toMatchObject({ rule: "K1", severity: "error" });
    });
    return;
  }

  it("reports exactly the README's defects as errors, and no other error", () => {
    const errors = summary.findings.filter((f) => f.severity === "error");
    const expected = oracle.defects.filter((d) => d.severity === "error");
    expect(errors.map((f) => f.rule).sort(), errors.map((f) => f.message).join("\n")).toEqual(expected.map((d) => d.rule).sort());
    for (const defect of expected) expect(errors.some((f) => f.rule === defect.rule && f.message.includes(defect.mentions)), defect.mentions).toBe(true);
  });

  it("reports the README's rounding breaks and name differences as warnings", () => {
    for (const defect of oracle.defects.filter((d) => d.severity === "warning")) {
      const found = summary.findings.find((f) => f.rule === defect.rule && f.severity === "warning" && f.message.includes(defect.mentions));
      expect(found, defect.mentions).toBeDefined();
    }
  });
});

describe("layout text (the README's .txt files) imports like the PDF", () => {
  for (const name of ["上海市普陀区社会福利院 2024 单位预算", "江苏省人民检察院 2019 部门预算"]) {
    it(name, async () => {
      const oracle = ORACLES.find((o) => o.name === name);
      if (!oracle) throw new Error(name);
      const bytes = new Uint8Array(readFileSync(path.join(FIXTURES, "text", oracle.text)));
      const summary = summarise(await importDocument([{ name: oracle.text, bytes }]));
      expect(summary.unitName).toBe(oracle.unitName);
      expectTotals(summary, { ...oracle, classes: {} });
    });
  }
});
