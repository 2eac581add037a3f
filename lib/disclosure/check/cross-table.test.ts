import { describe, expect, it } from "vitest";
import { byRule, check, demoBudget, findingWith, setCell, tablesOf, wan } from "./test-helpers";

describe("C5 table 2 per functional row = table 3 per row (合计); table 1's classes = table 3's", () => {
  it("is quiet on the demo", () => {
    expect(byRule(check(demoBudget()), "C5")).toEqual([]);
  });

  it("fires when a row's income differs from its expenditure", () => {
    const tables = tablesOf(demoBudget());
    for (const column of ["total", "subtotal", "fiscal"]) setCell(tables.T2, "2013701", column, wan("101.53"));
    const finding = findingWith(check(demoBudget(), { tables }), "C5", "2013701");
    expect(finding.severity).toBe("error");
    expect(finding.message).toBe(
      "表2 单位预算收入总表 “2013701 行政运行”行“合计”列为101.53万元，但表3 单位预算支出总表 “2013701 行政运行”行“合计”列为101.43万元，相差0.10万元。",
    );
    expect(finding.location).toEqual({ table: "T2", rowKey: "2013701", column: "total" });
  });

  it("reports one wrong cell once: a 合计 that is neither 小计 + 上年结转 (C3) nor table 3's (C5) is one C3 finding", () => {
    const tables = tablesOf(demoBudget());
    setCell(tables.T2, "2013701", "total", wan("101.53"));
    const findings = check(demoBudget(), { tables });
    const onCell = findings.filter((f) => f.location.table === "T2" && f.location.rowKey === "2013701" && f.location.column === "total");
    expect(onCell.map((f) => f.rule)).toEqual(["C3"]);
    expect(onCell[0]?.message).toBe("表2 单位预算收入总表 “2013701 行政运行”行“合计”列为101.53万元，但“小计”与“上年结转”之和为101.43万元，相差0.10万元。");
  });

  it("fires for a row present in table 3 but missing from table 2", () => {
    const tables = tablesOf(demoBudget());
    tables.T2.rows = tables.T2.rows.filter((r) => r.key !== "2210201");
    const finding = findingWith(check(demoBudget(), { tables }), "C5", "2210201");
    expect(finding.message).toBe("表3 单位预算支出总表 “2210201 住房公积金”行“合计”列为5.63万元，但表2 单位预算收入总表没有这一行，相差5.63万元。");
    expect(finding.location).toEqual({ table: "T3", rowKey: "2210201", column: "total" });
  });

  it("fires for a row present in table 2 but missing from table 3", () => {
    const tables = tablesOf(demoBudget());
    tables.T3.rows = tables.T3.rows.filter((r) => r.key !== "2101101");
    const finding = findingWith(check(demoBudget(), { tables }), "C5", "2101101");
    expect(finding.message).toBe("表2 单位预算收入总表 “2101101 行政单位医疗”行“合计”列为3.25万元，但表3 单位预算支出总表没有这一行（按0.00万元计），相差3.25万元。");
  });

  it("fires when a class of table 1 differs from the class row of table 3", () => {
    const tables = tablesOf(demoBudget());
    setCell(tables.T1, "row8", "expenditure", wan("6.55"));
    const finding = findingWith(check(demoBudget(), { tables }), "C5", "社会保障和就业支出");
    expect(finding.message).toBe(
      "表1 单位预算收支总表 “八、社会保障和就业支出”为6.55万元，但表3 单位预算支出总表 “208 社会保障和就业支出”行“合计”列为6.45万元，相差0.10万元。",
    );
  });
});

describe("C7 table 5 = the 一般公共预算 column of table 4 per class; 合计 = 基本 + 项目", () => {
  it("is quiet on the demo", () => {
    expect(byRule(check(demoBudget()), "C7")).toEqual([]);
  });

  it("fires when a class of table 5 differs from table 4", () => {
    const tables = tablesOf(demoBudget());
    // The whole 201 branch of table 5, consistent within the table, so only the comparison with table 4 breaks.
    for (const row of ["201", "20137", "2013701"]) {
      setCell(tables.T5, row, "total", wan("101.53"));
      setCell(tables.T5, row, "basic", wan("58.09"));
    }
    const finding = findingWith(check(demoBudget(), { tables }), "C7", "“201 一般公共服务支出”行“合计”列为101.53万元，但表4");
    expect(finding.severity).toBe("error");
    expect(finding.message).toBe(
      "表5 单位预算一般公共预算财政拨款支出表 “201 一般公共服务支出”行“合计”列为101.53万元，但表4 单位预算财政拨款收支总表 “一、一般公共服务支出”行“一般公共预算财政拨款”列为101.43万元，相差0.10万元。",
    );
    expect(finding.location).toEqual({ table: "T5", rowKey: "201", column: "total" });
  });

  it("fires when table 4 has general-budget money in a class that table 5 does not list", () => {
    const tables = tablesOf(demoBudget());
    tables.T5.rows = tables.T5.rows.filter((r) => !r.key.startsWith("210"));
    const finding = findingWith(check(demoBudget(), { tables }), "C7", "卫生健康支出");
    expect(finding.message).toBe(
      "表4 单位预算财政拨款收支总表 “十、卫生健康支出”行“一般公共预算财政拨款”列为3.25万元，但表5 单位预算一般公共预算财政拨款支出表没有“210 卫生健康支出”行，相差3.25万元。",
    );
    expect(finding.location).toEqual({ table: "T4", rowKey: "row10", column: "generalBudget" });
  });

  it("fires when a row of table 5 is not 基本 + 项目", () => {
    const tables = tablesOf(demoBudget());
    setCell(tables.T5, "2013701", "project", wan("43.54"));
    const finding = findingWith(check(demoBudget(), { tables }), "C7", "“2013701 行政运行”行“合计”列");
    expect(finding.message).toBe("表5 单位预算一般公共预算财政拨款支出表 “2013701 行政运行”行“合计”列为101.43万元，但“基本支出”与“项目支出”之和为101.53万元，相差0.10万元。");
  });
});

describe("C8 table 6: 合计 = 人员 + 公用 per row; its total = the 基本支出 total of table 5", () => {
  it("is quiet on the demo", () => {
    expect(byRule(check(demoBudget()), "C8")).toEqual([]);
  });

  it("fires when the basic expenditure entered by economic 款 differs from that entered by function", () => {
    const budget = demoBudget();
    budget.basicEconomic.find((l) => l.economicCode === "30101")!.amount = wan("27.50");
    const finding = findingWith(check(budget), "C8", "表5");
    expect(finding.severity).toBe("error");
    expect(finding.message).toBe(
      "表6 单位预算一般公共预算财政拨款基本支出表 “合计”行“合计”列为73.42万元，但表5 单位预算一般公共预算财政拨款支出表 “合计”行“基本支出”列为73.32万元，相差0.10万元。",
    );
    expect(finding.location).toEqual({ table: "T6", rowKey: "total", column: "total" });
  });

  it("fires when a row of table 6 is not 人员经费 + 公用经费", () => {
    const tables = tablesOf(demoBudget());
    setCell(tables.T6, "30201", "public", wan("2.45"));
    const finding = findingWith(check(demoBudget(), { tables }), "C8", "30201");
    expect(finding.message).toBe("表6 单位预算一般公共预算财政拨款基本支出表 “30201 办公费”行“合计”列为2.35万元，但“人员经费”与“公用经费”之和为2.45万元，相差0.10万元。");
  });
});

describe("C9 (soft) contributions by economic 款 = basic expenditure of their functional 项", () => {
  it("is quiet on the demo", () => {
    expect(byRule(check(demoBudget()), "C9")).toEqual([]);
  });

  it("warns when 30108 养老 differs from 2080505, without blocking", () => {
    const budget = demoBudget();
    budget.basicEconomic.find((l) => l.economicCode === "30108")!.amount = wan("6.35");
    budget.basicEconomic.find((l) => l.economicCode === "30101")!.amount = wan("27.50");
    const findings = check(budget);
    expect(findings).toHaveLength(1);
    const finding = findingWith(findings, "C9", "30108");
    expect(finding.severity).toBe("warning");
    expect(finding.message).toBe(
      "表6 单位预算一般公共预算财政拨款基本支出表 “30108 机关事业单位基本养老保险缴费”行“合计”列为6.35万元，" +
        "与表5 单位预算一般公共预算财政拨款支出表 “2080505 机关事业单位基本养老保险缴费支出”行“基本支出”列的6.45万元不一致（两者通常应相等，如确有差异请说明原因），相差0.10万元。",
    );
  });

  it("warns when one side of a pair is missing entirely (30110 医疗 entered as 30112)", () => {
    const budget = demoBudget();
    budget.basicEconomic.find((l) => l.economicCode === "30110")!.economicCode = "30112";
    const finding = findingWith(check(budget), "C9", "2101101");
    expect(finding.message).toContain("“30110 职工基本医疗保险缴费”为0.00万元");
    expect(finding.message).toContain("“2101101 行政单位医疗”行“基本支出”列的3.25万元");
    expect(finding.location).toEqual({ table: "T5", rowKey: "2101101", column: "basic" });
  });

  it("stays quiet when both sides of a pair are zero", () => {
    const budget = demoBudget();
    budget.basicEconomic = budget.basicEconomic.filter((l) => l.economicCode !== "30110");
    budget.basicEconomic.find((l) => l.economicCode === "30101")!.amount = wan("30.65");
    budget.expenditure = budget.expenditure.filter((l) => l.functionalCode !== "2101101");
    budget.expenditure[0]!.amount = wan("61.24");
    expect(check(budget)).toEqual([]);
  });
});
