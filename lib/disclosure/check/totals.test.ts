import { describe, expect, it } from "vitest";
import { byRule, check, demoBudget, findingWith, getCell, setCell, tablesOf, wan } from "./test-helpers";

describe("C1 table 1 balances: 收入总计 = 本年收入合计 + 上年结转结余 = 支出总计 = 本年支出合计 + 年终结转结余", () => {
  it("is quiet on the demo, and with a carry-over on both sides", () => {
    expect(byRule(check(demoBudget()), "C1")).toEqual([]);
    const budget = demoBudget();
    budget.income.push({ source: "CARRYOVER_OTHER", amount: wan("10.00") });
    budget.yearEndCarryover = wan("10.00");
    expect(check(budget)).toEqual([]);
  });

  it("fires when the entered expenditure exceeds the entered income", () => {
    const budget = demoBudget();
    budget.expenditure[0]!.amount = wan("58.09");
    const finding = findingWith(check(budget), "C1", "收支不平衡");
    expect(finding.severity).toBe("error");
    expect(finding.message).toBe("表1 单位预算收支总表收支不平衡：“支出总计”为116.86万元，“收入总计”为116.76万元，相差0.10万元。");
    expect(finding.location).toEqual({ table: "T1", rowKey: "grand-total", column: "expenditure" });
    expect(finding).toMatchObject({ actual: wan("116.86"), expected: wan("116.76"), tolerance: 0 });
  });

  it("reports the imbalance of an all-fiscal budget once (C1), not again for table 4 (C6), which restates table 1", () => {
    const budget = demoBudget();
    budget.income[0]!.amount += wan("0.10");
    const findings = check(budget);
    expect(findings.map((f) => f.rule)).toEqual(["C1"]);
    expect(findings[0]?.message).toBe("表1 单位预算收支总表收支不平衡：“支出总计”为116.76万元，“收入总计”为116.86万元，相差0.10万元。");
  });

  it("fires when a year-end carry-over is entered without income to pay for it", () => {
    const budget = demoBudget();
    budget.yearEndCarryover = wan("5.00");
    const finding = findingWith(check(budget), "C1", "收支不平衡");
    expect(finding.message).toContain("“支出总计”为121.76万元");
  });

  it("fires when a printed 本年收入合计 or 收入总计 is not the sum of its rows", () => {
    const tables = tablesOf(demoBudget());
    setCell(tables.T1, "income-this-year", "income", wan("117.76"));
    const findings = check(demoBudget(), { tables });
    expect(findingWith(findings, "C1", "各项收入").message).toBe(
      "表1 单位预算收支总表 “本年收入合计”为117.76万元，但各项收入之和为116.76万元，相差1.00万元。",
    );
    expect(findingWith(findings, "C1", "“收入总计”为116.76万元").message).toBe(
      "表1 单位预算收支总表 “收入总计”为116.76万元，但“本年收入合计”与“上年结转结余”之和为117.76万元，相差1.00万元。",
    );
  });

  it("fires when the printed 本年支出合计 is not the sum of the 31 classes", () => {
    const tables = tablesOf(demoBudget());
    setCell(tables.T1, "row20", "expenditure", wan("5.73"));
    expect(findingWith(check(demoBudget(), { tables }), "C1", "各类支出").message).toBe(
      "表1 单位预算收支总表 “本年支出合计”为116.76万元，但各类支出之和为116.86万元，相差0.10万元。",
    );
  });
});

describe("C3 table 2: 合计 = 小计 + 上年结转, 小计 = Σ sources", () => {
  it("is quiet on the demo", () => {
    expect(byRule(check(demoBudget()), "C3")).toEqual([]);
  });

  it("fires on a row whose 小计 is not the sum of its sources, and whose 合计 no longer adds up", () => {
    const tables = tablesOf(demoBudget());
    setCell(tables.T2, "2013701", "subtotal", wan("101.53"));
    const findings = check(demoBudget(), { tables });
    const subtotal = findingWith(findings, "C3", "“小计”列为101.53万元");
    expect(subtotal.severity).toBe("error");
    expect(subtotal.message).toBe(
      "表2 单位预算收入总表 “2013701 行政运行”行“小计”列为101.53万元，但“财政拨款收入”至“其他收入”各列之和为101.43万元，相差0.10万元。",
    );
    expect(subtotal.location).toEqual({ table: "T2", rowKey: "2013701", column: "subtotal" });
    expect(findingWith(findings, "C3", "“合计”列为101.43万元").message).toContain("但“小计”与“上年结转”之和为101.53万元，相差0.10万元");
  });
});

describe("C4 table 3: 合计 = 基本 + 项目 + 经营 + 上解上级 + 对附属单位补助", () => {
  it("is quiet on the demo", () => {
    expect(byRule(check(demoBudget()), "C4")).toEqual([]);
  });

  it("fires on a row whose kinds do not add up to its 合计", () => {
    const tables = tablesOf(demoBudget());
    setCell(tables.T3, "2013701", "project", wan("43.54"));
    const finding = findingWith(check(demoBudget(), { tables }), "C4", "2013701");
    expect(finding.severity).toBe("error");
    expect(finding.message).toBe(
      "表3 单位预算支出总表 “2013701 行政运行”行“合计”列为101.43万元，但“基本支出”至“对附属单位补助支出”各列之和为101.53万元，相差0.10万元。",
    );
    expect(finding.location).toEqual({ table: "T3", rowKey: "2013701", column: "total" });
  });
});

describe("C6 table 4: per row 合计 = 一般公共预算 + 政府性基金 + 国有资本经营; income = table 1's 财政拨款; balances", () => {
  it("is quiet on the demo", () => {
    expect(byRule(check(demoBudget()), "C6")).toEqual([]);
  });

  it("fires when fiscal income does not cover fiscal expenditure (part of the income is 财政专户 money)", () => {
    const budget = demoBudget();
    budget.income = [
      { source: "GENERAL_BUDGET", amount: wan("106.76") },
      { source: "SPECIAL_ACCOUNT", amount: wan("10.00") },
    ];
    const findings = check(budget);
    expect(byRule(findings, "C1")).toEqual([]);
    const finding = findingWith(findings, "C6", "收支不平衡");
    expect(finding.severity).toBe("error");
    expect(finding.message).toBe("表4 单位预算财政拨款收支总表收支不平衡：“支出总计”为116.76万元，“收入总计”为106.76万元，相差10.00万元。");
    expect(finding.location).toEqual({ table: "T4", rowKey: "grand-total", column: "total" });
  });

  it("is quiet on a fiscal carry-over from last year kept to the end of the year (table 4 carries it to 年末财政拨款结转和结余)", () => {
    const budget = demoBudget();
    budget.income.push({ source: "CARRYOVER_GENERAL_BUDGET", amount: wan("5.00") });
    budget.yearEndCarryover = wan("5.00");
    expect(check(budget)).toEqual([]);
    const t4 = tablesOf(budget).T4;
    expect(getCell(t4, "carryover", "total")).toBe(wan("5.00"));
    expect(getCell(t4, "carryover", "generalBudget")).toBe(wan("5.00"));
    expect(getCell(t4, "grand-total", "total")).toBe(getCell(t4, "grand-total", "income"));
  });

  it("is quiet on a fiscal carry-over partly spent this year and partly kept", () => {
    const budget = demoBudget();
    budget.income.push({ source: "CARRYOVER_GENERAL_BUDGET", amount: wan("5.00") });
    budget.expenditure.push({ functionalCode: "2013701", kind: "BASIC", source: "CARRYOVER_GENERAL_BUDGET", amount: wan("3.00") });
    budget.basicEconomic.push({ economicCode: "30201", category: "PUBLIC", source: "CARRYOVER_GENERAL_BUDGET", amount: wan("3.00") });
    budget.yearEndCarryover = wan("2.00");
    expect(check(budget)).toEqual([]);
  });

  it("still fires when fiscal money is neither spent nor carried to the end of the year", () => {
    const budget = demoBudget();
    budget.income.push({ source: "CARRYOVER_GENERAL_BUDGET", amount: wan("5.00") });
    budget.income.push({ source: "OTHER", amount: wan("5.00") });
    budget.yearEndCarryover = wan("0.00");
    budget.expenditure.push({ functionalCode: "2013701", kind: "BASIC", source: "OTHER", amount: wan("10.00") });
    budget.basicEconomic.push({ economicCode: "30201", category: "PUBLIC", source: "OTHER", amount: wan("10.00") });
    const finding = findingWith(check(budget), "C6", "收支不平衡");
    expect(finding.message).toBe("表4 单位预算财政拨款收支总表收支不平衡：“支出总计”为116.76万元，“收入总计”为121.76万元，相差5.00万元。");
  });

  it("fires on a class row whose three appropriation columns do not add up to 合计", () => {
    const tables = tablesOf(demoBudget());
    setCell(tables.T4, "row1", "generalBudget", wan("101.53"));
    const finding = findingWith(check(demoBudget(), { tables }), "C6", "“一、一般公共服务支出”行“支出合计”列");
    expect(finding.message).toBe(
      "表4 单位预算财政拨款收支总表 “一、一般公共服务支出”行“支出合计”列为101.43万元，但“一般公共预算财政拨款”、“政府性基金预算财政拨款”与“国有资本经营预算财政拨款”之和为101.53万元，相差0.10万元。",
    );
  });

  it("fires when an income row of table 4 differs from the same income in table 1", () => {
    const tables = tablesOf(demoBudget());
    setCell(tables.T4, "row1", "income", wan("116.86"));
    const finding = findingWith(check(demoBudget(), { tables }), "C6", "表1");
    expect(finding.message).toBe(
      "表4 单位预算财政拨款收支总表 “一、一般公共预算拨款”为116.86万元，但表1 单位预算收支总表 “一、一般公共预算拨款收入”为116.76万元，相差0.10万元。",
    );
    expect(finding.location).toEqual({ table: "T4", rowKey: "row1", column: "income" });
  });

  it("fires when a printed 支出总计 column is not 本年支出合计 + 年末结转", () => {
    const tables = tablesOf(demoBudget());
    setCell(tables.T4, "grand-total", "generalBudget", getCell(tables.T4, "grand-total", "generalBudget") + wan("1.00"));
    const findings = byRule(check(demoBudget(), { tables }), "C6");
    expect(findings.map((f) => f.message)).toContain(
      "表4 单位预算财政拨款收支总表 “支出总计”行“一般公共预算财政拨款”列为117.76万元，但“本年支出合计”与“年末财政拨款结转和结余”之和为116.76万元，相差1.00万元。",
    );
  });
});
