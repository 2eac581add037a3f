import { describe, expect, it } from "vitest";
import { guantao2024Budget, guantao2024CodeBook } from "@/lib/demo/guantao-2024";
import { referenceTable, readReference } from "@/tests/reference-document";
import { deriveTables } from "./derive-tables";
import { generateNarrative } from "./narrative";
import { columnNumbers, printRows } from "./print";
import { TABLE_IDS } from "./table-model";

const reference = readReference();
const tables = deriveTables(guantao2024Budget, guantao2024CodeBook);

describe("the nine tables derived from the demo budget equal the reference document", () => {
  for (const id of TABLE_IDS) {
    const table = tables[id];
    it(`表${table.number} ${table.title}: every cell of every row`, () => {
      const expected = referenceTable(reference, table.title);
      expect(printRows(table, "WAN_YUAN")).toEqual(expected.rows);
    });
    it(`表${table.number} ${table.title}: the same columns (栏次)`, () => {
      expect(columnNumbers(table)).toEqual(referenceTable(reference, table.title).columnNumbers);
    });
  }

  it("lists all 31 functional classes in tables 1 and 4, in the reference's order", () => {
    for (const table of [tables.T1, tables.T4]) {
      const ref = referenceTable(reference, table.title);
      const labels = printRows(table, "WAN_YUAN").slice(0, 31).map((r) => r[3]);
      expect(labels).toEqual(ref.rows.slice(0, 31).map((r) => r[3]));
      expect(labels).toHaveLength(31);
    }
  });

  it("prints the empty-table note exactly where the reference has an empty table", () => {
    const emptyInReference = TABLE_IDS.filter((id) => referenceTable(reference, tables[id].title).rows.length === 0);
    expect(emptyInReference).toEqual(["T7", "T8", "T9"]);
    for (const id of TABLE_IDS) {
      const note = tables[id].emptyNote;
      if (emptyInReference.includes(id)) {
        expect(note).toMatch(/^注：无.+，空表列示。$/);
      } else {
        expect(note).toBeNull();
      }
    }
    // The reference's own wording for table 8; tables 7 and 9 fix its typos (政府基金, 支出表预算).
    expect(tables.T8.emptyNote).toBe(referenceTable(reference, tables.T8.title).note);
  });
});

describe("the narrative's numeric sentences carry the reference's figures", () => {
  const narrative = generateNarrative(guantao2024Budget, tables);

  it("收入说明 and 支出说明 state the totals", () => {
    expect(narrative.income).toContain("2024年预算收入116.76万元，其中：一般公共预算收入116.76万元");
    expect(narrative.expenditure).toContain("2024年支出预算116.76万元，其中基本支出73.32万元，包括人员经费64.37万元和日常公用经费8.95万元；项目支出43.44万元");
  });

  it("支出说明 names every project with its amount, and they add up to 项目支出", () => {
    const expected: [string, string][] = [
      ["互联网信息管理经费", "20.00"],
      ["网络安全保障经费", "4.80"],
      ["网络安全主题宣传经费", "4.80"],
      ["微信矩阵运营及维护经费", "5.00"],
      ["互联网企业监管和网络执法经费", "8.00"],
      ["网信系统视频会议室网络租赁经费", "0.84"],
    ];
    for (const [name, amount] of expected) expect(narrative.expenditure).toContain(`${name}${amount}万元`);
    // the reference writes the same amounts without trailing zeros: 20万元, 4.8万元, 5万元, 8万元
    const referenceSentence = reference.split("\n").find((l) => l.startsWith("收支预算总表支出栏")) ?? "";
    for (const [name, amount] of expected) {
      expect(referenceSentence).toContain(`${name}${String(Number(amount))}万元`);
    }
  });

  it("机关运行经费 and 三公 sentences", () => {
    expect(narrative.operatingFunds).toContain("机关运行经费共计安排8.95万元");
    expect(narrative.threePublic).toContain("“三公”经费预算安排0.00万元");
    expect(narrative.threePublic).toContain("与上年相比没有增减变化");
  });

  it("比上年增减 states the changes of the reference (249.73 = 240.33 + 9.40) with reasons", () => {
    expect(narrative.change).toContain("较2023年预算减少249.73万元");
    expect(narrative.change).toContain("基本支出减少240.33万元，主要为减少人员经费支出");
    expect(narrative.change).toContain("项目支出减少9.40万元");
    expect(narrative.change).toContain("互联网信息管理经费减少5.00万元");
  });

  it("国有资产 states the holdings of last year-end exactly (1.385万元)", () => {
    expect(narrative.assets).toContain("上年末固定资产金额为1.385万元");
  });
});
