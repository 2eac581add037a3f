import { describe, expect, it } from "vitest";
import type { Budget, ProcurementRow } from "../types";
import { byRule, check, demoBudget, findingWith, narrativeOf, tablesOf, wan } from "./test-helpers";

/** Every amount of this year multiplied by `factor`: a unit slip carried through every table (last year's figures stay right). */
function scaled(budget: Budget, factor: number): Budget {
  const s = structuredClone(budget);
  for (const line of [...s.income, ...s.expenditure, ...s.basicEconomic]) line.amount *= factor;
  for (const p of s.projects) {
    p.amount *= factor;
    p.fiscalAmount *= factor;
    p.otherAmount *= factor;
  }
  for (const h of s.assets.holdings) h.value *= factor;
  return s;
}

function printer(overrides: Partial<ProcurementRow> = {}): ProcurementRow {
  return {
    projectName: "网络安全保障经费",
    itemName: "打印机",
    catalogueCode: "A02021003",
    unitOfMeasure: "台",
    quantity: 3,
    unitPrice: wan("0.35"),
    generalBudget: wan("1.05"),
    governmentFund: 0,
    stateCapital: 0,
    specialAccount: 0,
    unitFunds: 0,
    carryover: 0,
    total: wan("1.05"),
    smeReserved: 0,
    ...overrides,
  };
}

describe("P1 三公 cannot exceed the whole budget", () => {
  it("is quiet on a 三公 budget within it, and fires on one larger than 支出合计", () => {
    const budget = demoBudget();
    budget.threePublic = [{ appropriation: "GENERAL_BUDGET", abroad: 0, vehiclePurchase: 0, vehicleOperation: 0, reception: wan("0.50") }];
    budget.narrative.threePublicChangeReason = "新增接待任务";
    expect(byRule(check(budget), "P1")).toEqual([]);
    budget.threePublic[0]!.reception = wan("5000.00"); // typed in 元 into a 万元 form
    const finding = findingWith(check(budget), "P1", "超过了全部支出预算");
    expect(finding.severity).toBe("error");
    expect(finding.message).toBe(
      "“三公”经费合计5000.00万元超过了全部支出预算116.76万元（表3 单位预算支出总表合计）；“三公”经费是支出的一部分，请核对金额或金额单位。",
    );
    expect(finding.location).toEqual({ table: "T9", rowKey: "total", column: "total" });
  });
});

describe("P2 a 元/万元 slip carried through every table", () => {
  it("is quiet on the demo (about a third of last year) and fires on the same budget ×10,000", () => {
    expect(byRule(check(demoBudget()), "P2")).toEqual([]);
    const budget = scaled(demoBudget(), 10_000);
    const findings = check(budget);
    expect(findings.filter((f) => f.rule !== "P2" && f.severity === "error")).toEqual([]);
    const finding = findingWith(findings, "P2", "元与万元混用");
    expect(finding.severity).toBe("warning");
    expect(finding.message).toBe("本年支出预算1167600.00万元是2023年366.49万元的3,186倍，像是元与万元混用（相差一万倍）；请核对金额单位。");
  });

  it("fires without a prior year when a unit with staff spends less than 1 万元 (万元 figures typed into a 元 document)", () => {
    const budget = demoBudget();
    budget.priorYear = null;
    budget.amountUnit = "YUAN";
    const slipped = scaled(budget, 1 / 10_000);
    const finding = findingWith(check(slipped), "P2", "不足1万元");
    expect(finding.message).toBe("本年支出预算只有116.76元，其中人员经费64.37元，不足1万元，像是把万元金额按元填写；请核对金额单位。");
    expect(byRule(check(budget), "P2")).toEqual([]);
  });
});

describe("P3 政府性基金 and 国有资本经营 money is spent only as it comes in", () => {
  it("fires on 政府性基金 spending without such income, even though the fiscal total balances", () => {
    const budget = demoBudget();
    budget.expenditure[1] = { ...budget.expenditure[1]!, source: "GOVERNMENT_FUND" };
    const findings = check(budget);
    expect(byRule(findings, "C6")).toEqual([]);
    const finding = findingWith(findings, "P3", "政府性基金");
    expect(finding.severity).toBe("error");
    expect(finding.message).toBe("表4 单位预算财政拨款收支总表安排了政府性基金预算拨款支出43.44万元，但没有政府性基金预算拨款收入或上年结转；请核对资金来源。");
    expect(finding.location).toEqual({ table: "T4", rowKey: "income-this-year", column: "governmentFund" });
  });

  it("is quiet when the fund has income or a carry-over of its own", () => {
    const budget = demoBudget();
    budget.expenditure[1] = { ...budget.expenditure[1]!, source: "GOVERNMENT_FUND" };
    budget.income = [
      { source: "GENERAL_BUDGET", amount: wan("73.32") },
      { source: "GOVERNMENT_FUND", amount: wan("40.00") },
      { source: "CARRYOVER_GOVERNMENT_FUND", amount: wan("3.44") },
    ];
    expect(byRule(check(budget), "P3")).toEqual([]);
  });
});

describe("P4 政府采购: 数量 × 单价 = 合计", () => {
  it("is quiet on a consistent row and fires when the product differs", () => {
    const budget = demoBudget();
    budget.procurement = [printer()];
    expect(check(budget)).toEqual([]);
    budget.procurement = [printer({ quantity: 30 })];
    const finding = findingWith(check(budget), "P4", "打印机");
    expect(finding.severity).toBe("error");
    expect(finding.message).toBe("政府采购预算第1行（网络安全保障经费·打印机）的合计为1.05万元，但数量30×单价0.35万元为10.50万元，相差9.45万元。");
    expect(finding.location).toEqual({ section: "procurement", lineIndex: 0 });
  });

  it("leaves rows without a quantity or a unit price alone", () => {
    const budget = demoBudget();
    budget.procurement = [printer({ quantity: 0, unitPrice: 0 })];
    expect(check(budget)).toEqual([]);
  });
});

describe("P5 公务用车运维费 needs a vehicle", () => {
  it("fires when 运维费 is budgeted and the asset table has no vehicle, quiet once it has one", () => {
    const budget = demoBudget();
    budget.threePublic = [{ appropriation: "GENERAL_BUDGET", abroad: 0, vehiclePurchase: 0, vehicleOperation: wan("2.00"), reception: 0 }];
    budget.narrative.threePublicChangeReason = "恢复公务用车运行维护";
    const finding = findingWith(check(budget), "P5", "没有车辆");
    expect(finding.severity).toBe("warning");
    expect(finding.message).toBe("“三公”经费安排了公务用车运维费2.00万元，但固定资产占用情况表中没有车辆；请核对车辆数或说明所运维的车辆。");
    budget.assets.holdings.push({ category: "VEHICLES", quantity: 1, value: wan("15.00") });
    expect(check(budget)).toEqual([]);
  });

  it("leaves a document without an asset table alone (its 国有资产 is narrative only)", () => {
    const budget = demoBudget();
    budget.threePublic = [{ appropriation: "GENERAL_BUDGET", abroad: 0, vehiclePurchase: 0, vehicleOperation: wan("2.00"), reception: 0 }];
    budget.narrative.threePublicChangeReason = "恢复公务用车运行维护";
    budget.assets.holdings = [];
    expect(byRule(check(budget), "P5")).toEqual([]);
  });
});

describe("P6 机关运行经费 = 公用经费 where the document states it", () => {
  it("fires when a stated 机关运行经费 differs from 公用经费 (中共江苏省委办公厅 2017: 10,101.76 vs 2,144.60)", () => {
    const budget = demoBudget();
    const narrative = narrativeOf(budget);
    expect(byRule(check(budget, { narrative }), "P6")).toEqual([]);
    narrative.operatingFunds = wan("10101.76");
    const finding = findingWith(check(budget, { narrative }), "P6", "机关运行经费");
    // more than the 公用经费 it is a part of: an error, as the document importer reports it
    expect(finding.severity).toBe("error");
    expect(finding.message).toBe(
      "情况说明所述机关运行经费为10101.76万元，但表6 单位预算一般公共预算财政拨款基本支出表的公用经费为8.95万元（机关运行经费即行政单位和参公事业单位的公用经费），相差10092.81万元。",
    );
  });

  it("is a warning when the stated 机关运行经费 is less than the 公用经费", () => {
    const budget = demoBudget();
    const narrative = narrativeOf(budget);
    narrative.operatingFunds = wan("5.00");
    const finding = findingWith(check(budget, { narrative }), "P6", "机关运行经费");
    expect(finding.severity).toBe("warning");
  });

  it("accepts none from a 事业单位, but not from a 行政 unit", () => {
    const budget = demoBudget();
    const narrative = narrativeOf(budget);
    narrative.operatingFunds = 0;
    budget.unit.nature = "事业";
    expect(byRule(check(budget, { narrative }), "P6")).toEqual([]);
    budget.unit.nature = "行政";
    expect(findingWith(check(budget, { narrative }), "P6", "机关运行经费").message).toContain("所述机关运行经费为0.00万元");
  });
});

describe("D9 an empty-table note that names another table", () => {
  it("fires when the empty 国有资本经营 table says it has no 政府性基金 money (上海市普陀区财政局 2025)", () => {
    const budget = demoBudget();
    const tables = tablesOf(budget);
    expect(byRule(check(budget, { tables }), "D9")).toEqual([]);
    tables.T8.emptyNote = "注：本单位无政府性基金预算财政拨款安排的预算，故本表为空表。";
    const finding = findingWith(check(budget, { tables }), "D9", "政府性基金");
    expect(finding.severity).toBe("error");
    expect(finding.message).toBe(
      "表8 单位预算国有资本经营预算财政拨款支出表的空表说明“注：本单位无政府性基金预算财政拨款安排的预算，故本表为空表。”说的是政府性基金预算，不是本表的国有资本经营预算。",
    );
    expect(finding.location).toEqual({ table: "T8" });
  });

  it("accepts a note that names its own table, even beside another", () => {
    const budget = demoBudget();
    const tables = tablesOf(budget);
    tables.T7.emptyNote = "注：本单位无政府性基金预算财政拨款支出，也无国有资本经营预算，空表列示。";
    expect(byRule(check(budget, { tables }), "D9")).toEqual([]);
  });
});
