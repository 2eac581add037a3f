import { describe, expect, it } from "vitest";
import { checkDisclosure } from "@/lib/disclosure/check";
import { AGRICULTURE_BUREAU, COUNTY_UNIT_CODES, countyUnitBudget, EDUCATION_BUREAU, HEALTH_BUREAU } from "./county-units";
import { guantao2024Budget, guantao2024CodeBook } from "./guantao-2024";

const codeBook = {
  ...guantao2024CodeBook,
  functional: [...guantao2024CodeBook.functional.filter((c) => !COUNTY_UNIT_CODES.functional.some((n) => n.code === c.code)), ...COUNTY_UNIT_CODES.functional],
};
const reference = checkDisclosure({ budget: guantao2024Budget, codeBook });
const rules = (findings: { rule: string; severity: string }[]) => findings.map((f) => `${f.severity} ${f.rule}`).sort();

describe.each([
  ["education", EDUCATION_BUREAU, "205"],
  ["health", HEALTH_BUREAU, "210"],
  ["agriculture", AGRICULTURE_BUREAU, "213"],
])("the demo %s bureau", (_name, profile, sector) => {
  const budget = countyUnitBudget(profile);

  it("spends on its own sector's codes, with its own duties and projects", () => {
    const own = budget.expenditure.filter((line) => !["2080505", "2101101", "2210201"].includes(line.functionalCode));
    expect(own.length).toBeGreaterThan(1);
    for (const line of own) expect(line.functionalCode.startsWith(sector)).toBe(true);
    for (const p of budget.projects) expect(p.functionalCode.startsWith(sector)).toBe(true);
    expect(budget.projects.map((p) => p.name)).not.toContain(guantao2024Budget.projects[0]?.name);
    expect(budget.unit.duties.join("")).not.toContain("网络");
    for (const line of budget.expenditure) expect(codeBook.functional.some((c) => c.code === line.functionalCode)).toBe(true);
  });

  it("balances, and the checker finds no more than in the reference budget", () => {
    const income = budget.income.reduce((sum, line) => sum + line.amount, 0);
    const spending = budget.expenditure.reduce((sum, line) => sum + line.amount, 0);
    expect(income).toBe(spending);
    expect(spending).not.toBe(guantao2024Budget.income[0]?.amount);
    const findings = checkDisclosure({ budget, codeBook });
    expect(findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(rules(findings).filter((r) => !rules(reference).includes(r))).toEqual([]);
  });
});
