import { describe, expect, it } from "vitest";
import type { NarrativeFigures } from "../narrative";
import { byRule, check, demoBudget, findingWith, narrativeOf, wan } from "./test-helpers";

type Breaker = (n: NarrativeFigures) => void;

describe("C13 the narrative's figures equal the tables", () => {
  it("is quiet on the demo", () => {
    expect(byRule(check(demoBudget()), "C13")).toEqual([]);
  });

  it.each<[string, Breaker, string]>([
    [
      "收入 total",
      (n) => (n.income.total = wan("116.86")),
      "情况说明“收入说明”中的收入合计为116.86万元，但表1 单位预算收支总表 “收入总计”为116.76万元，相差0.10万元。",
    ],
    [
      "收入 by source",
      (n) => (n.income.generalBudget = wan("106.76")),
      "情况说明“收入说明”中的一般公共预算收入为106.76万元，但表1 单位预算收支总表 “一、一般公共预算拨款收入”为116.76万元，相差10.00万元。",
    ],
    [
      "上年结转结余",
      (n) => (n.income.carryover = wan("3.00")),
      "情况说明“收入说明”中的上年结转结余为3.00万元，但表1 单位预算收支总表 “上年结转结余”为0.00万元，相差3.00万元。",
    ],
    [
      "支出 total",
      (n) => (n.expenditureTotal = wan("117.76")),
      "情况说明“支出说明”中的支出预算为117.76万元，但表3 单位预算支出总表 “合计”行“合计”列为116.76万元，相差1.00万元。",
    ],
    [
      "基本支出",
      (n) => (n.basic = wan("73.42")),
      "情况说明“支出说明”中的基本支出为73.42万元，但表3 单位预算支出总表 “合计”行“基本支出”列为73.32万元，相差0.10万元。",
    ],
    [
      "人员经费",
      (n) => (n.personnel = wan("64.47")),
      "情况说明“支出说明”中的人员经费为64.47万元，但表6 单位预算一般公共预算财政拨款基本支出表 “合计”行“人员经费”列为64.37万元，相差0.10万元。",
    ],
    [
      "公用经费",
      (n) => (n.public = wan("8.85")),
      "情况说明“支出说明”中的日常公用经费为8.85万元，但表6 单位预算一般公共预算财政拨款基本支出表 “合计”行“公用经费”列为8.95万元，相差0.10万元。",
    ],
    [
      "项目支出",
      (n) => (n.project = wan("43.00")),
      "情况说明“支出说明”中的项目支出为43.00万元，但表3 单位预算支出总表 “合计”行“项目支出”列为43.44万元，相差0.44万元。",
    ],
  ])("fires when the narrative's %s differs", (_name, breakIt, message) => {
    const budget = demoBudget();
    const narrative = narrativeOf(budget);
    breakIt(narrative);
    const findings = byRule(check(budget, { narrative }), "C13");
    expect(findings).toHaveLength(1);
    expect(findings[0]!.severity).toBe("error");
    expect(findings[0]!.message).toBe(message);
  });

  it("fires when a project's amount in the narrative differs from its 绩效目标表", () => {
    const budget = demoBudget();
    const narrative = narrativeOf(budget);
    narrative.projects[1]!.amount = wan("21.00");
    const finding = findingWith(check(budget, { narrative }), "C13", "互联网信息管理经费");
    expect(finding.message).toBe(
      "情况说明“支出说明”中项目“互联网信息管理经费”（13043324P00001010004E）的金额为21.00万元，但其绩效目标表的预算数为20.00万元，相差1.00万元。",
    );
    expect(finding.location).toEqual({ section: "expenditure", projectCode: "13043324P00001010004E", lineIndex: 1 });
  });

  it("fires when the narrative leaves out a project or lists one that has no 绩效目标表", () => {
    const budget = demoBudget();
    const narrative = narrativeOf(budget);
    narrative.projects = narrative.projects.filter((p) => p.code !== "13043324P00001410005Q");
    narrative.projects.push({ code: "13043324P00009910001X", name: "网络文明建设经费", amount: wan("5.00") });
    const findings = check(budget, { narrative });
    expect(findingWith(findings, "C13", "微信矩阵").message).toBe(
      "情况说明“支出说明”没有列出项目“微信矩阵运营及维护经费”（13043324P00001410005Q），其绩效目标表的预算数为5.00万元，相差5.00万元。",
    );
    expect(findingWith(findings, "C13", "网络文明建设经费").message).toBe(
      "情况说明“支出说明”列出了项目“网络文明建设经费”（13043324P00009910001X），但没有该项目的绩效目标表。",
    );
  });
});
