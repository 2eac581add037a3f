import { describe, expect, it } from "vitest";
import type { Budget, ProcurementRow } from "../types";
import { byRule, check, demoBudget, findingWith, wan } from "./test-helpers";

function computer(overrides: Partial<ProcurementRow> = {}): ProcurementRow {
  return {
    projectName: "网络安全保障经费",
    itemName: "台式计算机",
    catalogueCode: "A02010104",
    unitOfMeasure: "台",
    quantity: 6,
    unitPrice: wan("0.50"),
    generalBudget: wan("2.00"),
    governmentFund: 0,
    stateCapital: 0,
    specialAccount: 0,
    unitFunds: wan("1.00"),
    carryover: 0,
    total: wan("3.00"),
    smeReserved: wan("1.00"),
    ...overrides,
  };
}

describe("C15 政府采购: 合计 = Σ funding columns; 中小微企业份额 ≤ 合计", () => {
  it("is quiet on the demo (no procurement) and on a consistent row", () => {
    expect(byRule(check(demoBudget()), "C15")).toEqual([]);
    const budget = demoBudget();
    budget.procurement = [computer()];
    expect(check(budget)).toEqual([]);
  });

  it("fires when the row's 合计 is not the sum of its funding columns", () => {
    const budget = demoBudget();
    budget.procurement = [computer(), computer({ itemName: "打印机", total: wan("3.50") })];
    const finding = findingWith(check(budget), "C15", "合计为3.50万元");
    expect(finding.severity).toBe("error");
    expect(finding.message).toBe(
      "政府采购预算第2行（网络安全保障经费·打印机）的合计为3.50万元，但各资金来源（一般公共预算、基金预算、国有资本经营预算、财政专户、单位资金、上年结转结余）之和为3.00万元，相差0.50万元。",
    );
    expect(finding.location).toEqual({ section: "procurement", lineIndex: 1 });
  });

  it("fires when the small-business share exceeds the row's total", () => {
    const budget = demoBudget();
    budget.procurement = [computer({ smeReserved: wan("4.00") })];
    expect(findingWith(check(budget), "C15", "中小微企业").message).toBe(
      "政府采购预算第1行（网络安全保障经费·台式计算机）预留中小微企业份额为4.00万元，超过了该行政府采购金额合计3.00万元，相差1.00万元。",
    );
  });
});

/** The demo plus a building of 500 m² (300 万元) of which 400 m² (200 万元) are offices. */
function withBuildings(): Budget {
  const budget = demoBudget();
  budget.assets.holdings.push(
    { category: "BUILDINGS", quantity: 500, value: wan("300.00") },
    { category: "OFFICE_BUILDINGS", quantity: 400, value: wan("200.00") },
  );
  budget.assets.statedTotalValue = wan("301.385");
  return budget;
}

describe("C16 国有资产: 资产总额 = 房屋 + 车辆 + 20万元以上设备 + 其他; 办公用房 ≤ 房屋", () => {
  it("is quiet on the demo (资产总额 left blank), when it is stated correctly, and when offices are part of the buildings", () => {
    expect(byRule(check(demoBudget()), "C16")).toEqual([]);
    const budget = demoBudget();
    budget.assets.statedTotalValue = wan("1.385");
    expect(check(budget)).toEqual([]);
    expect(check(withBuildings())).toEqual([]);
  });

  it("fires when the stated 资产总额 differs from the categories, printing the asset values exactly", () => {
    const budget = demoBudget();
    budget.assets.statedTotalValue = wan("2.00");
    const finding = findingWith(check(budget), "C16", "资产总额");
    expect(finding.severity).toBe("error");
    expect(finding.message).toBe(
      "固定资产占用情况表的资产总额为2.00万元，但房屋、车辆、单价20万元以上设备与其他固定资产的价值之和为1.385万元，相差0.615万元。",
    );
    expect(finding.location).toEqual({ section: "assets" });
  });

  it("fires when 办公用房 were added to the total a second time", () => {
    const budget = withBuildings();
    budget.assets.statedTotalValue = wan("501.385");
    expect(findingWith(check(budget), "C16", "资产总额").message).toContain("资产总额为501.385万元，但房屋、车辆、单价20万元以上设备与其他固定资产的价值之和为301.385万元");
  });

  it("fires when 办公用房 exceed 房屋 in area or value", () => {
    const budget = withBuildings();
    const office = budget.assets.holdings.find((h) => h.category === "OFFICE_BUILDINGS")!;
    office.quantity = 600;
    office.value = wan("350.00");
    const findings = byRule(check(budget), "C16");
    expect(findings.map((f) => f.message)).toEqual([
      "固定资产占用情况表中办公用房的价值为350.00万元，超过了其所属房屋的价值300.00万元，相差50.00万元。",
      "固定资产占用情况表中办公用房面积为600平方米，超过了房屋面积500平方米；办公用房是房屋的一部分。",
    ]);
  });
});
