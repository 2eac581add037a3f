import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { byRule, check, demoBudget, narrativeOf, wan } from "@/lib/disclosure/check/test-helpers";
import { importDocument } from "./import-document";

const PDF = path.resolve(__dirname, "../../tests/fixtures/disclosures/pdf");

describe("P6 机关运行经费 against 公用经费: the importer and the checker agree", () => {
  it("中共江苏省委办公厅 2017 states 10,101.76 万元 against 公用经费 2,144.60 万元: an error in both", async () => {
    const files = ["js-jiangsu-shengwei-bangongting-2017-dept-budget-1-narrative.pdf", "js-jiangsu-shengwei-bangongting-2017-dept-budget-2-tables.pdf"];
    const doc = await importDocument(files.map((name) => ({ name, bytes: new Uint8Array(readFileSync(path.join(PDF, name))) })));
    const imported = doc.findings.filter((f) => f.rule === "P6");
    expect(doc.figures.operatingFunds?.fen).toBe(wan("10101.76"));
    expect(imported.map((f) => f.severity)).toEqual(["error"]);

    // the same relation in an entered budget: 机关运行经费 larger than its 公用经费
    const budget = demoBudget();
    const narrative = narrativeOf(budget);
    narrative.operatingFunds = doc.figures.operatingFunds?.fen ?? 0;
    expect(byRule(check(budget, { narrative }), "P6").map((f) => f.severity)).toEqual(["error"]);
  }, 60_000);
});
