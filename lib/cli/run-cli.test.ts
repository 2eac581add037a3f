import { describe, expect, it } from "vitest";
import { guantao2024Budget, guantao2024CodeBook } from "@/lib/demo/guantao-2024";
import type { Budget } from "@/lib/disclosure/types";
import { runCli, type BudgetSource } from "./run-cli";

function memorySource(budgets: Budget[]): BudgetSource {
  return {
    async findUnit(code) {
      const b = budgets.find((x) => x.unit.code === code);
      return b ? { code: b.unit.code, name: b.unit.name } : null;
    },
    async budgetYears(code) {
      return budgets.filter((b) => b.unit.code === code).map((b) => b.year);
    },
    async loadBudget(code, year) {
      const budget = budgets.find((b) => b.unit.code === code && b.year === year);
      return budget ? { budget, codeBook: guantao2024CodeBook } : null;
    },
  };
}

async function run(argv: string[], budgets: Budget[] = [guantao2024Budget]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, memorySource(budgets), { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

describe("gongkai tables", () => {
  it("prints the nine tables with the reference totals", async () => {
    const { code, out, err } = await run(["tables", "--unit", "224001", "--year", "2024"]);
    expect(code).toBe(0);
    expect(err).toBe("");
    for (let n = 1; n <= 9; n++) expect(out).toContain(`表${n} `);
    expect(out).toMatch(/收入总计\s+116\.76\s+支出总计\s+116\.76/);
    expect(out).toMatch(/30101\s+基本工资\s+27\.40\s+27\.40/);
    expect(out).toContain("注：无国有资本经营预算财政拨款预算，空表列示。");
  });

  it("prints machine-readable JSON with --json", async () => {
    const { code, out } = await run(["tables", "--unit", "224001", "--year", "2024", "--json"]);
    expect(code).toBe(0);
    const parsed = JSON.parse(out) as { tables: { id: string; printed: string[][] }[] };
    expect(parsed.tables.map((t) => t.id)).toEqual(["T1", "T2", "T3", "T4", "T5", "T6", "T7", "T8", "T9"]);
    expect(parsed.tables[2]?.printed[0]).toEqual(["1", "", "合计", "116.76", "73.32", "43.44", "", "", ""]);
  });
});

describe("gongkai check", () => {
  it("exits 0 and says so when the budget is consistent", async () => {
    const { code, out } = await run(["check", "--unit", "224001", "--year", "2024"]);
    expect(code).toBe(0);
    expect(out).toContain("未发现问题");
  });

  it("lists the findings and exits 1 when there is an error", async () => {
    const broken = structuredClone(guantao2024Budget);
    broken.income = [{ source: "GENERAL_BUDGET", amount: 1_200_000_00 }];
    const { code, out } = await run(["check", "--unit", "224001", "--year", "2024"], [broken]);
    expect(code).toBe(1);
    expect(out).toContain("[错误] C1");
    expect(out).toContain("120.00万元");
    expect(out).toContain("116.76万元");
  });
});

describe("bad input gives a clear Chinese message and exit code 2, never a stack trace", () => {
  const cases: [string, string[], RegExp][] = [
    ["no command", [], /用法/],
    ["unknown command", ["print"], /未知命令“print”/],
    ["unknown unit", ["tables", "--unit", "999999", "--year", "2024"], /未找到单位编码为“999999”/],
    ["unknown year", ["tables", "--unit", "224001", "--year", "2019"], /没有2019年的预算。已有预算的年度：2024/],
    ["missing --unit", ["tables", "--year", "2024"], /缺少参数 --unit/],
    ["missing --year", ["check", "--unit", "224001"], /缺少参数 --year/],
    ["malformed year", ["tables", "--unit", "224001", "--year", "二〇二四"], /预算年度“二〇二四”格式不正确/],
    ["malformed unit", ["tables", "--unit", "abc", "--year", "2024"], /单位编码“abc”格式不正确/],
    ["unknown option", ["tables", "--unit", "224001", "--year", "2024", "--colour"], /不认识的选项 --colour/],
    ["option without value", ["tables", "--year", "2024", "--unit"], /选项 --unit 需要一个值/],
    ["stray argument", ["tables", "224001"], /多余的参数/],
  ];
  for (const [label, argv, message] of cases) {
    it(label, async () => {
      const { code, out, err } = await run(argv);
      expect(code).toBe(2);
      expect(out + err).toMatch(message);
      expect(out + err).not.toMatch(/\n\s+at /);
    });
  }
});
