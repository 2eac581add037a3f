import { describe, expect, it } from "vitest";
import { guantao2024Budget, guantao2024CodeBook } from "@/lib/demo/guantao-2024";
import { deriveTables } from "../derive-tables";
import { narrativeFigures } from "../narrative";
import { checkDisclosure, FORM_SECTIONS, groupBySection, hasBlockingErrors } from "./index";
import { check, demoBudget, findingWith, getCell, setCell, tablesOf, wan } from "./test-helpers";

describe("checkDisclosure on the reference document", () => {
  it("finds nothing in the demo budget (the reference as data)", () => {
    expect(checkDisclosure({ budget: guantao2024Budget, codeBook: guantao2024CodeBook })).toEqual([]);
  });

  it("finds nothing when the demo's tables and narrative figures are passed in as an imported document would", () => {
    const tables = deriveTables(guantao2024Budget, guantao2024CodeBook);
    const narrative = narrativeFigures(guantao2024Budget, tables);
    expect(checkDisclosure({ budget: guantao2024Budget, codeBook: guantao2024CodeBook, tables, narrative })).toEqual([]);
  });

  it("finds nothing when the same budget is printed in 元 instead of 万元", () => {
    const budget = demoBudget();
    budget.amountUnit = "YUAN";
    expect(check(budget)).toEqual([]);
  });

  it("does not modify the budget, tables or narrative it checks", () => {
    const budget = demoBudget();
    budget.expenditure[0]!.amount += wan("1.00");
    const tables = tablesOf(budget);
    const before = structuredClone({ budget, tables });
    check(budget, { tables });
    expect({ budget, tables }).toEqual(before);
  });
});

describe("hasBlockingErrors", () => {
  it("is true when any finding is an error", () => {
    const budget = demoBudget();
    budget.expenditure[0]!.amount += wan("0.10");
    const findings = check(budget);
    expect(findings.some((f) => f.severity === "error")).toBe(true);
    expect(hasBlockingErrors(findings)).toBe(true);
  });

  it("is false when only warnings remain (C9 is soft)", () => {
    const budget = demoBudget();
    const pension = budget.basicEconomic.find((l) => l.economicCode === "30108")!;
    const salary = budget.basicEconomic.find((l) => l.economicCode === "30101")!;
    pension.amount -= wan("0.10");
    salary.amount += wan("0.10");
    const findings = check(budget);
    expect(findings.map((f) => f.rule)).toEqual(["C9"]);
    expect(hasBlockingErrors(findings)).toBe(false);
  });

  it("is false for no findings", () => {
    expect(hasBlockingErrors([])).toBe(false);
  });
});

describe("groupBySection", () => {
  function brokenEverywhere() {
    const budget = demoBudget();
    budget.income.push({ source: "OTHER", amount: wan("-1.00") }); // D3 on an income line
    budget.basicEconomic.find((l) => l.economicCode === "30201")!.amount += wan("0.10"); // C8 on table 6
    budget.projects[1]!.spendingPlan = { march: 25, june: 20, october: 75, december: 100 }; // C11
    budget.assets.statedTotalValue = wan("2.00"); // C16
    budget.procurement.push({
      projectName: "网络安全保障经费",
      itemName: "台式计算机",
      catalogueCode: "A02010104",
      unitOfMeasure: "台",
      quantity: 1,
      unitPrice: wan("0.50"),
      generalBudget: wan("0.50"),
      governmentFund: 0,
      stateCapital: 0,
      specialAccount: 0,
      unitFunds: 0,
      carryover: 0,
      total: wan("0.60"),
      smeReserved: 0,
    }); // C15
    const narrative = narrativeFigures(budget, deriveTables(budget, guantao2024CodeBook));
    narrative.threePublic.reception = wan("0.30"); // C12 against the empty table 9
    narrative.expenditureTotal = wan("117.76"); // C13
    return check(budget, { narrative });
  }

  it("lists every form section in the form's order, each finding in the section where it is fixed", () => {
    const findings = brokenEverywhere();
    const groups = groupBySection(findings);
    expect(groups.map((g) => g.label)).toEqual(["收入", "支出", "基本支出", "项目", "三公", "政府采购", "国有资产", "说明"]);
    expect(groups.map((g) => g.section)).toEqual([...FORM_SECTIONS]);
    const section = (rule: string, text: string) => groups.find((g) => g.findings.includes(findingWith(findings, rule, text)))?.label;
    expect(section("D3", "收入明细第2行（其他收入）")).toBe("收入");
    expect(section("C8", "表6 单位预算一般公共预算财政拨款基本支出表 “合计”行“合计”列")).toBe("基本支出");
    expect(section("C11", "6月底为20%")).toBe("项目");
    expect(section("C12", "公务接待费为0.30万元")).toBe("三公");
    expect(section("C15", "政府采购预算第1行")).toBe("政府采购");
    expect(section("C16", "资产总额为2.00万元")).toBe("国有资产");
    expect(section("C13", "支出预算为117.76万元")).toBe("说明");
    expect(groups.flatMap((g) => g.findings)).toHaveLength(findings.length);
  });

  it("puts errors before warnings within a section, though the checker meets the warning first", () => {
    const budget = demoBudget();
    const tables = tablesOf(budget);
    // A misspelt row name (D8 warning, checked early) and a wrong amount (C2 error, checked later), both in table 6.
    setCell(tables.T6, "30101", "name", "基本工资（含津贴）");
    setCell(tables.T6, "30102", "total", getCell(tables.T6, "30102", "total") + wan("1.00"));
    const findings = check(budget, { tables });
    const firstWarning = findings.findIndex((f) => f.severity === "warning");
    expect(firstWarning).toBeGreaterThanOrEqual(0);
    expect(findings.findIndex((f) => f.severity === "error")).toBeGreaterThan(firstWarning);
    const basic = groupBySection(findings).find((g) => g.section === "basic")!;
    const severities = basic.findings.map((f) => f.severity);
    expect(severities[0]).toBe("error");
    expect(severities.indexOf("warning")).toBeGreaterThan(severities.lastIndexOf("error"));
  });

  it("returns empty sections for a clean budget", () => {
    expect(groupBySection(check(demoBudget())).every((g) => g.findings.length === 0)).toBe(true);
  });
});
