import { describe, expect, it } from "vitest";
import type { Budget } from "../types";
import { byRule, check, demoBudget, findingWith, narrativeOf, setCell, tablesOf, wan } from "./test-helpers";

/** The demo with a 三公 budget of 2.50 万元 (vehicle running 2.00 for its one car, reception 0.50), explained against last year. */
function withThreePublic(): Budget {
  const budget = demoBudget();
  budget.threePublic = [
    { appropriation: "GENERAL_BUDGET", abroad: 0, vehiclePurchase: 0, vehicleOperation: wan("2.00"), reception: wan("0.50") },
  ];
  budget.narrative.threePublicChangeReason = "恢复公务用车运行维护";
  budget.assets.holdings.push({ category: "VEHICLES", quantity: 1, value: wan("15.00") });
  return budget;
}

describe("C12 三公: 合计 = 出国 + 接待 + 购置 + 运维 (table 9), and the narrative states table 9", () => {
  it("is quiet on the demo (empty table 9) and on a consistent 三公 budget", () => {
    expect(byRule(check(demoBudget()), "C12")).toEqual([]);
    expect(check(withThreePublic())).toEqual([]);
  });

  it("fires when the printed 合计 is not the sum of the three items", () => {
    const budget = withThreePublic();
    const tables = tablesOf(budget);
    setCell(tables.T9, "total", "total", wan("2.60"));
    setCell(tables.T9, "total", "generalBudget", wan("2.60"));
    const finding = findingWith(check(budget, { tables }), "C12", "“合计”行“合计”列");
    expect(finding.severity).toBe("error");
    expect(finding.message).toBe(
      "表9 单位预算财政拨款“三公”经费支出表 “合计”行“合计”列为2.60万元，但因公出国（境）费、公务用车购置及运维费与公务接待费之和为2.50万元，相差0.10万元。",
    );
    expect(finding.location).toEqual({ table: "T9", rowKey: "total", column: "total" });
  });

  it("fires when 公务用车购置及运维费 is not 购置 + 运维", () => {
    const budget = withThreePublic();
    const tables = tablesOf(budget);
    setCell(tables.T9, "vehicleOperation", "total", wan("2.10"));
    setCell(tables.T9, "vehicleOperation", "generalBudget", wan("2.10"));
    const finding = findingWith(check(budget, { tables }), "C12", "“2、公务用车购置及运维费”行“合计”列");
    expect(finding.message).toBe("表9 单位预算财政拨款“三公”经费支出表 “2、公务用车购置及运维费”行“合计”列为2.00万元，但公务用车购置费与运维费之和为2.10万元，相差0.10万元。");
  });

  it("fires when a row's 合计 is not the sum of its fund types", () => {
    const budget = withThreePublic();
    const tables = tablesOf(budget);
    setCell(tables.T9, "reception", "governmentFund", wan("0.20"));
    const finding = findingWith(check(budget, { tables }), "C12", "“3、公务接待费”行“合计”列");
    expect(finding.message).toContain("为0.50万元，但“一般公共预算财政拨款”、“政府性基金预算拨款”与“国有资本经营预算财政拨款”之和为0.70万元");
  });

  it("fires when the narrative's 三公 figure differs from table 9", () => {
    const budget = withThreePublic();
    const narrative = narrativeOf(budget);
    narrative.threePublic.reception = wan("0.60");
    const finding = findingWith(check(budget, { narrative }), "C12", "公务接待费");
    expect(finding.message).toBe(
      "情况说明“三公”经费部分的公务接待费为0.60万元，但表9 单位预算财政拨款“三公”经费支出表 “3、公务接待费”行“合计”列为0.50万元，相差0.10万元。",
    );
    expect(finding.location).toEqual({ section: "threePublic", table: "T9", rowKey: "reception", column: "total" });
  });

  it("fires when the narrative states 三公 money while table 9 is empty", () => {
    const budget = demoBudget();
    const narrative = narrativeOf(budget);
    narrative.threePublic.total = wan("1.00");
    const finding = findingWith(check(budget, { narrative }), "C12", "合计");
    expect(finding.message).toBe("情况说明“三公”经费部分的“三公”经费合计为1.00万元，但表9 单位预算财政拨款“三公”经费支出表（空表）为0.00万元，相差1.00万元。");
  });
});
