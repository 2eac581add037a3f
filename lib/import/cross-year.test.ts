import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { compareWithPreviousYear } from "./cross-year";
import { importDocument, type ImportedDocument } from "./import-document";

const PDF = path.resolve(__dirname, "../../tests/fixtures/disclosures/pdf");
const load = (...names: string[]) => importDocument(names.map((name) => ({ name, bytes: new Uint8Array(readFileSync(path.join(PDF, name))) })));

describe("比上年 across three years of 江苏省人民检察院 (2017, 2018, 2019)", () => {
  const years = new Map<number, ImportedDocument>();
  beforeAll(async () => {
    for (const year of [2017, 2018, 2019]) years.set(year, await load(`js-jiangsu-jianchayuan-${year}-dept-budget.pdf`));
  }, 120_000);
  const pair = (year: number) => {
    const current = years.get(year);
    const previous = years.get(year - 1);
    if (!current || !previous) throw new Error(`missing ${year}`);
    return compareWithPreviousYear(current, previous);
  };

  it("2019: every stated change equals the difference from the 2018 document (2,214.39 = 24,169.74 − 21,955.35)", () => {
    const { changes, findings } = pair(2019);
    expect(changes.map((c) => c.subject)).toEqual(["收支总计", "基本支出", "项目支出", "单位预留机动经费"]);
    expect(changes.find((c) => c.subject === "收支总计")).toMatchObject({ stated: 2_214_390_000, derived: 2_214_390_000 });
    expect(changes.find((c) => c.subject === "项目支出")?.stated).toBe(-1_237_700_000);
    expect(findings).toEqual([]);
  });

  it("2018: the total and the reserve agree with 2017; the 基本支出 and 项目支出 sentences do not, and the findings say by how much", () => {
    const { changes, findings } = pair(2018);
    expect(changes.find((c) => c.subject === "收支总计")).toMatchObject({ stated: 3_958_670_000, derived: 3_958_670_000 });
    expect(changes.find((c) => c.subject === "单位预留机动经费")).toMatchObject({ stated: 2_247_840_000, derived: 2_247_840_000 });
    const basic = findings.find((f) => f.message.includes("基本支出"));
    expect(basic?.message).toContain("实际增加1670.83万元");
    const project = findings.find((f) => f.message.includes("项目支出"));
    expect(project).toMatchObject({ rule: "C14", severity: "error" });
    expect(project?.message).toContain("实际增加40.00万元");
  });
});
