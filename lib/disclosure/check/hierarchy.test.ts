import { describe, expect, it } from "vitest";
import type { TableId } from "../table-model";
import type { Budget } from "../types";
import { byRule, check, demoBudget, findingWith, getCell, setCell, tablesOf, wan } from "./test-helpers";

describe("C2 every hierarchical table and column: 合计 = Σ 类, 类 = Σ 款, 款 = Σ 项", () => {
  it("is quiet on the demo", () => {
    expect(byRule(check(demoBudget()), "C2")).toEqual([]);
  });

  it("fires on a 类 whose 款 do not add up, naming table, row, column and both amounts", () => {
    const tables = tablesOf(demoBudget());
    setCell(tables.T3, "20137", "basic", wan("57.89"));
    const findings = check(demoBudget(), { tables });
    const finding = findingWith(findings, "C2", "“201 一般公共服务支出”");
    expect(finding.severity).toBe("error");
    expect(finding.message).toBe("表3 单位预算支出总表 “201 一般公共服务支出”行“基本支出”列为57.99万元，但其下各款合计为57.89万元，相差0.10万元。");
    expect(finding.location).toEqual({ table: "T3", rowKey: "201", column: "basic" });
    expect(finding).toMatchObject({ actual: wan("57.99"), expected: wan("57.89"), tolerance: 0 });
    // The same broken 款 no longer equals its own 项 either.
    expect(findingWith(findings, "C2", "“20137 网信事务”").message).toContain("但其下各项合计为57.99万元");
  });

  it.each<[TableId, string, string, string]>([
    ["T2", "fiscal", "财政拨款收入", "各类"],
    ["T3", "total", "合计", "各类"],
    ["T5", "project", "项目支出", "各类"],
    ["T6", "personnel", "人员经费", "各类"],
  ])("fires on the 合计 row of %s when it is not the sum of its classes (%s column)", (id, column, label, word) => {
    const tables = tablesOf(demoBudget());
    const table = tables[id];
    const printed = getCell(table, "total", column) + wan("1.00");
    setCell(table, "total", column, printed);
    const finding = findingWith(check(demoBudget(), { tables }), "C2", `“合计”行“${label}”列`);
    expect(finding.message).toContain(`表${table.number} ${table.title}`);
    expect(finding.message).toContain(`其下${word}合计`);
    expect(finding.message).toContain("相差1.00万元");
    expect(finding.location).toEqual({ table: id, rowKey: "total", column });
  });

  it("checks economic 类 = Σ 款 in table 6 (301 = Σ 301xx, which C8 relies on)", () => {
    const tables = tablesOf(demoBudget());
    setCell(tables.T6, "30101", "personnel", wan("27.50"));
    setCell(tables.T6, "30101", "total", wan("27.50"));
    const finding = findingWith(check(demoBudget(), { tables }), "C2", "“301 工资福利支出”行“合计”列");
    expect(finding.message).toBe("表6 单位预算一般公共预算财政拨款基本支出表 “301 工资福利支出”行“合计”列为64.37万元，但其下各款合计为64.47万元，相差0.10万元。");
  });

  describe("in the government-fund and state-capital tables (7 and 8)", () => {
    /** The demo with its housing fund paid from government-fund money instead: still consistent. */
    function withGovernmentFund(): Budget {
      const budget = demoBudget();
      budget.income = [
        { source: "GENERAL_BUDGET", amount: wan("111.13") },
        { source: "GOVERNMENT_FUND", amount: wan("5.63") },
      ];
      budget.expenditure.find((l) => l.functionalCode === "2210201")!.source = "GOVERNMENT_FUND";
      budget.basicEconomic.find((l) => l.economicCode === "30113")!.source = "GOVERNMENT_FUND";
      return budget;
    }

    it("is quiet when the money is consistent", () => {
      expect(check(withGovernmentFund())).toEqual([]);
    });

    it("fires in table 7 when a 款 differs from its 项", () => {
      const budget = withGovernmentFund();
      const tables = tablesOf(budget);
      setCell(tables.T7, "22102", "basic", wan("5.53"));
      const finding = findingWith(check(budget, { tables }), "C2", "“221 住房保障支出”");
      expect(finding.message).toBe("表7 单位预算政府性基金预算财政拨款支出表 “221 住房保障支出”行“基本支出”列为5.63万元，但其下各款合计为5.53万元，相差0.10万元。");
    });

    it("fires in table 8 when its rows do not add up", () => {
      const budget = demoBudget();
      budget.income = [
        { source: "GENERAL_BUDGET", amount: wan("111.13") },
        { source: "STATE_CAPITAL", amount: wan("5.63") },
      ];
      budget.expenditure.find((l) => l.functionalCode === "2210201")!.source = "STATE_CAPITAL";
      budget.basicEconomic.find((l) => l.economicCode === "30113")!.source = "STATE_CAPITAL";
      expect(check(budget)).toEqual([]);
      const tables = tablesOf(budget);
      setCell(tables.T8, "2210201", "total", wan("5.73"));
      const finding = findingWith(check(budget, { tables }), "C2", "“22102 住房改革支出”");
      expect(finding.message).toContain("表8 单位预算国有资本经营预算财政拨款支出表");
      expect(finding.message).toContain("但其下各项合计为5.73万元");
    });
  });

  it("links a row to its nearest printed ancestor when a printed table skips the 款 level", () => {
    const tables = tablesOf(demoBudget());
    tables.T3.rows = tables.T3.rows.filter((r) => r.key.length !== 5);
    expect(byRule(check(demoBudget(), { tables }), "C2")).toEqual([]);
    setCell(tables.T3, "2013701", "basic", wan("57.00"));
    expect(findingWith(check(demoBudget(), { tables }), "C2", "“201 一般公共服务支出”行“基本支出”列").message).toContain("但其下各项合计为57.00万元");
  });
});
