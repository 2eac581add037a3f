import { describe, expect, it } from "vitest";
import { lastDigitFen, roundFen } from "../money";
import { TABLE_IDS, type DerivedTables } from "../table-model";
import type { Budget } from "../types";
import { byRule, check, demoBudget, findingWith, getCell, setCell, tablesOf, wan } from "./test-helpers";

/**
 * A budget of exactly 1.00 万元 spent in three equal thirds, and its tables as a budget system
 * prints them: every cell rounded on its own, so the three 项 print 0.33 while their 款, 类 and
 * 合计 print 1.00.
 */
function thirds(): Budget {
  const budget = demoBudget();
  budget.income = [{ source: "GENERAL_BUDGET", amount: wan("1.00") }];
  budget.expenditure = [
    { functionalCode: "2013701", kind: "BASIC", source: "GENERAL_BUDGET", amount: 333_333 },
    { functionalCode: "2013702", kind: "BASIC", source: "GENERAL_BUDGET", amount: 333_333 },
    { functionalCode: "2013703", kind: "BASIC", source: "GENERAL_BUDGET", amount: 333_334 },
  ];
  budget.basicEconomic = [{ economicCode: "30201", category: "PUBLIC", source: "GENERAL_BUDGET", amount: wan("1.00") }];
  budget.projects = [];
  budget.priorYear = null;
  return budget;
}

function printed(tables: DerivedTables, step: number): DerivedTables {
  for (const table of TABLE_IDS.map((id) => tables[id])) {
    for (const row of table.rows) {
      row.cells = row.cells.map((cell, i) => (table.columns[i]?.kind === "amount" && typeof cell === "number" ? roundFen(cell, step) : cell));
    }
  }
  return tables;
}

describe("rounding: a printed sum may differ from the sum of printed rows by one last digit per row", () => {
  it("measures one printed last digit in 分: 0.01 万元 is 10,000 分, 0.01 元 is 1 分", () => {
    expect(lastDigitFen("WAN_YUAN")).toBe(wan("0.01"));
    expect(lastDigitFen("WAN_YUAN")).toBe(10_000);
    expect(lastDigitFen("YUAN")).toBe(1);
  });

  it("accepts three rows printed 0.33 under a total printed 1.00", () => {
    const budget = thirds();
    const tables = printed(tablesOf(budget), lastDigitFen("WAN_YUAN"));
    expect(getCell(tables.T3, "2013701", "basic")).toBe(wan("0.33"));
    expect(getCell(tables.T3, "20137", "basic")).toBe(wan("1.00"));
    expect(check(budget, { tables })).toEqual([]);
  });

  it("accepts a difference of exactly three last digits over three rows, and rejects four", () => {
    const budget = thirds();
    const tables = printed(tablesOf(budget), lastDigitFen("WAN_YUAN"));
    for (const column of ["total", "basic"]) setCell(tables.T3, "2013703", column, wan("0.31"));
    expect(byRule(check(budget, { tables }), "C2")).toEqual([]);

    for (const column of ["total", "basic"]) setCell(tables.T3, "2013703", column, wan("0.30"));
    const finding = findingWith(check(budget, { tables }), "C2", "“20137 网信事务”行“基本支出”列");
    expect(finding.severity).toBe("error");
    expect(finding.message).toBe("表3 单位预算支出总表 “20137 网信事务”行“基本支出”列为1.00万元，但其下各项合计为0.96万元，相差0.04万元。");
    expect(finding).toMatchObject({ expected: wan("0.96"), actual: wan("1.00"), tolerance: 30_000 });
  });

  it("compares two single figures within one last digit only", () => {
    const budget = thirds();
    const tables = printed(tablesOf(budget), lastDigitFen("WAN_YUAN"));
    setCell(tables.T2, "2013701", "total", wan("0.34"));
    expect(byRule(check(budget, { tables }), "C5")).toEqual([]);
    setCell(tables.T2, "2013701", "total", wan("0.35"));
    const finding = findingWith(check(budget, { tables }), "C5", "2013701");
    expect(finding.tolerance).toBe(10_000);
    expect(finding.message).toContain("相差0.02万元");
  });

  it("uses 1 分 per row for documents printed in 元, so a real 1-元 break in 302 is caught", () => {
    // 上海市财政局 2025: the 302 row says 24,840,779 元 while its items sum to 24,840,778 元.
    const budget = demoBudget();
    budget.amountUnit = "YUAN";
    const tables = tablesOf(budget);
    for (const column of ["total", "public"]) setCell(tables.T6, "302", column, getCell(tables.T6, "302", column) + 100);
    const finding = findingWith(check(budget, { tables }), "C2", "“302 商品和服务支出”行“合计”列");
    expect(finding.message).toBe("表6 单位预算一般公共预算财政拨款基本支出表 “302 商品和服务支出”行“合计”列为89501.00元，但其下各款合计为89500.00元，相差1.00元。");
    expect(finding.tolerance).toBe(5);
  });
});
