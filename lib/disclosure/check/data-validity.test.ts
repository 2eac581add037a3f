import { describe, expect, it } from "vitest";
import { byRule, check, demoBudget, findingWith, wan } from "./test-helpers";

describe("D1 functional code of an expenditure line: in the year's code book, at 项 level", () => {
  it("is quiet on the demo", () => {
    expect(byRule(check(demoBudget()), "D1")).toEqual([]);
  });

  it("fires for a code missing from the code book, naming the line", () => {
    const budget = demoBudget();
    budget.expenditure[2]!.functionalCode = "2019999";
    const finding = findingWith(check(budget), "D1", "2019999");
    expect(finding.severity).toBe("error");
    expect(finding.message).toBe("支出明细第3行的功能分类科目“2019999”不在2024年科目表中。");
    expect(finding.location).toEqual({ table: "T3", rowKey: "2019999", lineIndex: 2 });
  });

  it("fires for a 款 where a 项 is required", () => {
    const budget = demoBudget();
    budget.expenditure[0]!.functionalCode = "20137";
    expect(findingWith(check(budget), "D1", "20137").message).toBe("支出明细第1行的功能分类科目“20137 网信事务”不是项级科目（7位），请选择到项。");
  });
});

describe("D2 economic code of a basic-expenditure line: in the code book, at 款 level", () => {
  it("is quiet on the demo", () => {
    expect(byRule(check(demoBudget()), "D2")).toEqual([]);
  });

  it("fires for a missing code and for a 类 where a 款 is required", () => {
    const budget = demoBudget();
    budget.basicEconomic[0]!.economicCode = "30188";
    budget.basicEconomic[8]!.economicCode = "302";
    const findings = check(budget);
    const missing = findingWith(findings, "D2", "30188");
    expect(missing.severity).toBe("error");
    expect(missing.message).toBe("基本支出经济分类明细第1行的经济分类科目“30188”不在2024年科目表中。");
    expect(missing.location).toEqual({ table: "T6", rowKey: "30188", lineIndex: 0 });
    expect(findingWith(findings, "D2", "“302 ").message).toBe("基本支出经济分类明细第9行的经济分类科目“302 商品和服务支出”不是款级科目（5位），请选择到款。");
  });
});

describe("D3 no negative amounts", () => {
  it("is quiet on the demo", () => {
    expect(byRule(check(demoBudget()), "D3")).toEqual([]);
  });

  it("fires on a negative expenditure line, project amount, procurement figure and asset value", () => {
    const budget = demoBudget();
    budget.expenditure[3]!.amount = wan("-1.00");
    budget.projects[2]!.otherAmount = wan("-0.50");
    budget.assets.holdings[0]!.value = wan("-1.385");
    budget.procurement = [
      {
        projectName: "",
        itemName: "复印纸",
        catalogueCode: "A090101",
        unitOfMeasure: "箱",
        quantity: -2,
        unitPrice: 0,
        generalBudget: 0,
        governmentFund: 0,
        stateCapital: 0,
        specialAccount: 0,
        unitFunds: 0,
        carryover: 0,
        total: 0,
        smeReserved: 0,
      },
    ];
    const findings = byRule(check(budget), "D3");
    expect(findings.every((f) => f.severity === "error")).toBe(true);
    expect(findings.map((f) => f.message)).toEqual([
      "支出明细第4行（2101101）的金额为负数（-1.00万元），金额不能为负。",
      "项目“网络安全保障经费”（13043324P00001110003G）的其他资金为负数（-0.50万元），金额不能为负。",
      "政府采购预算第1行的数量为负数（-2）。",
      "固定资产占用情况表第1行的价值为负数（-1.385万元），金额不能为负。",
    ]);
    expect(findings[0]!.location).toEqual({ table: "T3", rowKey: "2101101", lineIndex: 3 });
  });

  it("fires on a negative income line and on a negative prior-year figure", () => {
    const budget = demoBudget();
    budget.income.push({ source: "CARRYOVER_GENERAL_BUDGET", amount: wan("-2.00") });
    budget.priorYear!.threePublic = wan("-0.10");
    const messages = byRule(check(budget), "D3").map((f) => f.message);
    expect(messages).toContain("收入明细第2行（上年结转结余（一般公共预算拨款））的金额为负数（-2.00万元），金额不能为负。");
    expect(messages).toContain("2023年“三公”经费为负数（-0.10万元），金额不能为负。");
  });
});

describe("D4 a functional 类 must be one of the 31 classes", () => {
  it("is quiet on the demo", () => {
    expect(byRule(check(demoBudget()), "D4")).toEqual([]);
  });

  it("fires for an unknown class, instead of also reporting the code as missing (D1)", () => {
    const budget = demoBudget();
    budget.expenditure[0]!.functionalCode = "2999999";
    const findings = check(budget);
    const finding = findingWith(findings, "D4", "2999999");
    expect(finding.severity).toBe("error");
    expect(finding.message).toBe("支出明细第1行的功能分类科目“2999999”所属的类“299”不是支出功能分类的31个类之一。");
    expect(byRule(findings, "D1")).toEqual([]);
  });
});

describe("D5 a project's functional code is a 项 of the code book", () => {
  it("is quiet on the demo", () => {
    expect(byRule(check(demoBudget()), "D5")).toEqual([]);
  });

  it("fires for a project on an unknown code", () => {
    const budget = demoBudget();
    budget.projects[4]!.functionalCode = "2019999";
    const finding = findingWith(check(budget), "D5", "2019999");
    expect(finding.severity).toBe("error");
    expect(finding.message).toBe("项目“网信系统视频会议室网络租赁经费”（13043324P00001310006N）的功能分类科目“2019999”不在2024年科目表中。");
    expect(finding.location).toEqual({ section: "projects", projectCode: "13043324P00001310006N", lineIndex: 4 });
  });
});

describe("D6 project codes are unique", () => {
  it("is quiet on the demo", () => {
    expect(byRule(check(demoBudget()), "D6")).toEqual([]);
  });

  it("fires on the second project using a code", () => {
    const budget = demoBudget();
    budget.projects[3]!.code = budget.projects[0]!.code;
    const finding = findingWith(check(budget), "D6", "重复");
    expect(finding.severity).toBe("error");
    expect(finding.message).toBe(
      "项目编码“13043324P00000910004A”重复：第1个项目“互联网企业监管和网络执法经费”与第4个项目“网络安全主题宣传经费”使用了同一编码。",
    );
    expect(finding.location).toEqual({ section: "projects", projectCode: "13043324P00000910004A", lineIndex: 3 });
  });
});
