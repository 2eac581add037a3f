import { describe, expect, it } from "vitest";
import { lastDigitFen, roundFen } from "../money";
import { TABLE_IDS, type DerivedTables } from "../table-model";
import type { Budget } from "../types";
import { byRule, check, demoBudget, findingWith, getCell, PRINTED_WAN, setCell, tablesOf, wan } from "./test-helpers";

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

describe("rounding on exact figures (entered here): nothing is rounded, so nothing is excused", () => {
  it("fires on a 0.01 万元 difference over three rows that printed figures would excuse", () => {
    const budget = thirds();
    const tables = tablesOf(budget);
    for (const column of ["total", "basic"]) setCell(tables.T3, "2013703", column, 333_334 - 10_000);
    const finding = findingWith(check(budget, { tables }), "C2", "“20137 网信事务”行“基本支出”列");
    expect(finding.severity).toBe("error");
    expect(finding.message).toBe("表3 单位预算支出总表 “20137 网信事务”行“基本支出”列为1.00万元，但其下各项合计为0.99万元，相差0.01万元。");
    expect(finding).toMatchObject({ expected: wan("0.99"), actual: wan("1.00"), tolerance: 0 });
    expect(byRule(check(budget, { tables }), "R1")).toEqual([]);
  });

  it("fires on an entered line one 分 short of its total, the smallest difference there is", () => {
    const budget = thirds();
    budget.income = [{ source: "GENERAL_BUDGET", amount: wan("1.00") - 1 }];
    const finding = findingWith(check(budget), "C1", "收支不平衡");
    expect(finding).toMatchObject({ severity: "error", tolerance: 0, expected: wan("1.00") - 1, actual: wan("1.00") });
  });

  it("is quiet on the exact thirds, whose rows add up to the 分", () => {
    expect(check(thirds())).toEqual([]);
  });
});

describe("rounding on printed figures: a printed sum may differ from the sum of printed rows by one last digit per row (尾差)", () => {
  it("measures one printed last digit in 分: 0.01 万元 is 10,000 分, 0.01 元 is 1 分", () => {
    expect(lastDigitFen("WAN_YUAN")).toBe(wan("0.01"));
    expect(lastDigitFen("WAN_YUAN")).toBe(10_000);
    expect(lastDigitFen("YUAN")).toBe(1);
  });

  it("reports three rows printed 0.33 under a total printed 1.00 as 尾差 (R1 warning), never as an error", () => {
    const budget = thirds();
    const tables = printed(tablesOf(budget), lastDigitFen("WAN_YUAN"));
    expect(getCell(tables.T3, "2013701", "basic")).toBe(wan("0.33"));
    expect(getCell(tables.T3, "20137", "basic")).toBe(wan("1.00"));
    const findings = check(budget, { tables, precision: PRINTED_WAN });
    expect(findings.filter((f) => f.severity === "error")).toEqual([]);
    const r1 = findingWith(findings, "R1", "表3 单位预算支出总表 “20137 网信事务”行“基本支出”列");
    expect(r1).toMatchObject({ severity: "warning", identity: "C2", expected: wan("0.99"), actual: wan("1.00"), tolerance: 30_000 });
    expect(r1.location).toEqual({ table: "T3", rowKey: "20137", column: "basic" });
    expect(r1.message).toBe(
      "表3 单位预算支出总表 “20137 网信事务”行“基本支出”列为1.00万元，但其下各项合计为0.99万元，相差0.01万元，属于尾差（印刷数字逐项舍入，允许相差0.03万元）。",
    );
    // Without the printed precision the same tables are an error: exact figures excuse nothing.
    expect(findingWith(check(budget, { tables }), "C2", "表3 单位预算支出总表 “20137 网信事务”行“基本支出”列").severity).toBe("error");
  });

  it("accepts a difference of exactly three last digits over three rows, and rejects four", () => {
    const budget = thirds();
    const tables = printed(tablesOf(budget), lastDigitFen("WAN_YUAN"));
    for (const column of ["total", "basic"]) setCell(tables.T3, "2013703", column, wan("0.31"));
    expect(byRule(check(budget, { tables, precision: PRINTED_WAN }), "C2")).toEqual([]);
    expect(findingWith(check(budget, { tables, precision: PRINTED_WAN }), "R1", "表3 单位预算支出总表 “20137 网信事务”行“基本支出”列").message).toContain("相差0.03万元，属于尾差");

    for (const column of ["total", "basic"]) setCell(tables.T3, "2013703", column, wan("0.30"));
    const finding = findingWith(check(budget, { tables, precision: PRINTED_WAN }), "C2", "“20137 网信事务”行“基本支出”列");
    expect(finding.severity).toBe("error");
    expect(finding.message).toBe("表3 单位预算支出总表 “20137 网信事务”行“基本支出”列为1.00万元，但其下各项合计为0.96万元，相差0.04万元。");
    expect(finding).toMatchObject({ expected: wan("0.96"), actual: wan("1.00"), tolerance: 30_000 });
  });

  it("compares two single figures within one last digit only", () => {
    const budget = thirds();
    const tables = printed(tablesOf(budget), lastDigitFen("WAN_YUAN"));
    for (const column of ["total", "subtotal", "fiscal"]) setCell(tables.T2, "2013701", column, wan("0.34"));
    expect(byRule(check(budget, { tables, precision: PRINTED_WAN }), "C5")).toEqual([]);
    expect(findingWith(check(budget, { tables, precision: PRINTED_WAN }), "R1", "但表3 单位预算支出总表 “2013701 行政运行”")).toMatchObject({ identity: "C5", tolerance: 10_000 });
    for (const column of ["total", "subtotal", "fiscal"]) setCell(tables.T2, "2013701", column, wan("0.35"));
    const finding = findingWith(check(budget, { tables, precision: PRINTED_WAN }), "C5", "2013701");
    expect(finding.tolerance).toBe(10_000);
    expect(finding.message).toContain("相差0.02万元");
  });

  it("uses 1 分 per row for documents printed in 元 with 2 decimals, so a 1-元 break is an error there", () => {
    const budget = demoBudget();
    budget.amountUnit = "YUAN";
    const tables = tablesOf(budget);
    for (const column of ["total", "public"]) setCell(tables.T6, "302", column, getCell(tables.T6, "302", column) + 100);
    const finding = findingWith(check(budget, { tables, precision: { kind: "printed", unit: "YUAN" } }), "C2", "“302 商品和服务支出”行“合计”列");
    expect(finding.message).toBe("表6 单位预算一般公共预算财政拨款基本支出表 “302 商品和服务支出”行“合计”列为89501.00元，但其下各款合计为89500.00元，相差1.00元。");
    expect(finding.tolerance).toBe(5);
  });

  it("uses 1 元 per row for tables printed in whole 元, so the real 1-元 break in 302 is 尾差", () => {
    // 上海市财政局 2025: the 302 row says 24,840,779 元 while its items sum to 24,840,778 元.
    const budget = demoBudget();
    budget.amountUnit = "YUAN";
    const tables = tablesOf(budget);
    for (const column of ["total", "public"]) setCell(tables.T6, "302", column, getCell(tables.T6, "302", column) + 100);
    const findings = check(budget, { tables, precision: { kind: "printed", unit: "YUAN", decimals: 0 } });
    expect(byRule(findings, "C2")).toEqual([]);
    const finding = findingWith(findings, "R1", "“302 商品和服务支出”行“合计”列");
    expect(finding).toMatchObject({ severity: "warning", identity: "C2", tolerance: 500 });
  });
});
