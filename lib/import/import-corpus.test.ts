import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { corpusDocuments, DISCLOSURES_DIR } from "@/tests/fixtures/disclosures/corpus";
import { ORACLES } from "@/tests/fixtures/disclosures/oracles";
import { importDocument } from "./import-document";
import { totalRow } from "./table-queries";

const withOracle = new Set(ORACLES.flatMap((o) => o.pdfs));
const others = corpusDocuments().filter((doc) => !doc.pdfs.some((pdf) => withOracle.has(pdf)));

describe("the other published documents (more years of the Jiangsu departments)", () => {
  it("are nine documents in fourteen PDFs (2017–2019 of four departments)", () => {
    expect(others).toHaveLength(9);
    expect(others.flatMap((d) => d.pdfs)).toHaveLength(14);
  });

  it.each(others)("$name imports; every printed total equals its re-derived sum or a finding says where not", async ({ name, pdfs }) => {
    const doc = await importDocument(pdfs.map((file) => ({ name: file, bytes: new Uint8Array(readFileSync(path.join(DISCLOSURES_DIR, "pdf", file))) })));
    const year = Number(/-(\d{4})-/.exec(name)?.[1]);
    expect({ kind: doc.kind, scope: doc.scope, year: doc.year, template: doc.template }).toEqual({ kind: "budget", scope: "department", year, template: "jiangsu-provincial" });
    const { expenditureTotal, basic, project, reserve } = doc.figures;
    expect(expenditureTotal?.fen).toBeGreaterThan(0);
    const derived = (basic?.fen ?? 0) + (project?.fen ?? 0) + (reserve?.fen ?? 0);
    if (derived !== expenditureTotal?.fen) expect(doc.findings.some((f) => f.rule === "C1")).toBe(true);
    // the tables the summary reads are all there, each with its 合计 row
    for (const kind of ["EXPENDITURE", "FISCAL_FUNCTIONAL", "FISCAL_BASIC", "THREE_PUBLIC"] as const) {
      const table = doc.tables.find((t) => t.kind === kind && t.rows.length > 0);
      expect(table && totalRow(table), kind).toBeDefined();
    }
  }, 60_000);
});
