import { describe, expect, it } from "vitest";
import { byRule, check, demoBudget, findingWith, wan } from "./test-helpers";

describe("C10 projects: Σ 预算数 = 项目支出; 预算数 = 财政资金 + 其他资金; per functional 项", () => {
  it("is quiet on the demo, and with a project partly paid from other funds", () => {
    expect(byRule(check(demoBudget()), "C10")).toEqual([]);
    const budget = demoBudget();
    budget.projects[1]!.fiscalAmount = wan("15.00");
    budget.projects[1]!.otherAmount = wan("5.00");
    expect(check(budget)).toEqual([]);
  });

  it("fires when a project's 预算数 is not 财政资金 + 其他资金", () => {
    const budget = demoBudget();
    budget.projects[0]!.fiscalAmount = wan("7.00");
    const finding = findingWith(check(budget), "C10", "财政资金与其他资金");
    expect(finding.severity).toBe("error");
    expect(finding.message).toBe(
      "项目“互联网企业监管和网络执法经费”（13043324P00000910004A）的预算数为8.00万元，但财政资金与其他资金之和为7.00万元，相差1.00万元。",
    );
    expect(finding.location).toEqual({ section: "projects", projectCode: "13043324P00000910004A", lineIndex: 0 });
  });

  it("fires when the projects do not add up to the 项目支出 of table 3", () => {
    const budget = demoBudget();
    budget.projects[0]!.amount = wan("9.00");
    budget.projects[0]!.fiscalAmount = wan("9.00");
    const finding = findingWith(check(budget), "C10", "6个项目");
    expect(finding.message).toBe("6个项目绩效目标表的预算数合计为44.44万元，但表3 单位预算支出总表 “合计”行“项目支出”列为43.44万元，相差1.00万元。");
    expect(finding.location).toEqual({ section: "projects", table: "T3", rowKey: "total", column: "project" });
  });

  it("fires when a project sits on a functional 项 whose project expenditure does not match", () => {
    const budget = demoBudget();
    budget.projects[0]!.functionalCode = "2013702";
    const findings = check(budget);
    expect(findings.filter((f) => f.rule === "C10" && f.message.includes("6个项目"))).toEqual([]);
    const moved = findingWith(findings, "C10", "“2013702”");
    expect(moved.message).toBe(
      "功能分类科目为“2013702”的“互联网企业监管和网络执法经费”预算数合计为8.00万元，但表3 单位预算支出总表中该科目的项目支出为0.00万元，相差8.00万元。",
    );
    expect(moved.location).toMatchObject({ table: "T3", rowKey: "2013702", projectCode: "13043324P00000910004A" });
    const left = findingWith(findings, "C10", "“2013701”");
    expect(left.message).toContain("等5个项目预算数合计为35.44万元，但表3 单位预算支出总表 “2013701 行政运行”行“项目支出”列为43.44万元");
  });

  it("fires when table 3 has project expenditure on a 项 without any project", () => {
    const budget = demoBudget();
    budget.expenditure.push({ functionalCode: "2013799", kind: "PROJECT", source: "GENERAL_BUDGET", amount: wan("2.00") });
    budget.income[0]!.amount += wan("2.00");
    budget.narrative.projectChangeReason = "新增其他网信事务支出";
    const finding = findingWith(check(budget), "C10", "2013799");
    expect(finding.message).toBe("没有功能分类科目为“2013799”的项目（合计0.00万元），但表3 单位预算支出总表 “2013799 其他网信事务支出”行“项目支出”列为2.00万元，相差2.00万元。");
  });
});

describe("C11 资金支出计划: within 0–100%, never decreasing, 100% by December", () => {
  it("is quiet on the demo and on a plan that spends everything by June", () => {
    expect(byRule(check(demoBudget()), "C11")).toEqual([]);
    const budget = demoBudget();
    budget.projects[0]!.spendingPlan = { march: 60, june: 100, october: 100, december: 100 };
    expect(check(budget)).toEqual([]);
  });

  it("fires when the cumulative share falls", () => {
    const budget = demoBudget();
    budget.projects[1]!.spendingPlan = { march: 25, june: 20, october: 75, december: 100 };
    const finding = findingWith(check(budget), "C11", "6月底");
    expect(finding.severity).toBe("error");
    expect(finding.message).toBe("项目“互联网信息管理经费”（13043324P00001010004E）的资金支出计划6月底为20%，低于3月底的25%；累计支出比例不能下降。");
    expect(finding.location).toEqual({ section: "projects", projectCode: "13043324P00001010004E", lineIndex: 1 });
  });

  it("fires when December does not reach 100%", () => {
    const budget = demoBudget();
    budget.projects[2]!.spendingPlan = { march: 25, june: 50, october: 75, december: 90 };
    expect(findingWith(check(budget), "C11", "12月底").message).toBe(
      "项目“网络安全保障经费”（13043324P00001110003G）的资金支出计划12月底为90%，年底累计应达到100%。",
    );
  });

  it("fires for every percentage outside 0–100", () => {
    const budget = demoBudget();
    budget.projects[3]!.spendingPlan = { march: -5, june: 50, october: 120, december: 100 };
    const findings = byRule(check(budget), "C11");
    expect(findings.map((f) => f.message)).toEqual([
      "项目“网络安全主题宣传经费”（13043324P00001210005D）的资金支出计划3月底为-5%，应在0%至100%之间。",
      "项目“网络安全主题宣传经费”（13043324P00001210005D）的资金支出计划10月底为120%，应在0%至100%之间。",
    ]);
  });
});
