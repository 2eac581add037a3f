import { describe, expect, it } from "vitest";
import { draftInputFromBudget } from "@/lib/budgets/budget-draft-input";
import { parseBudgetInput } from "@/lib/budgets/budget-input-schema";
import { guantao2024Budget, guantao2024CodeBook } from "@/lib/demo/guantao-2024";
import { budgetFromDraft } from "./draft-budget";

const identity = {
  unit: { code: guantao2024Budget.unit.code, name: guantao2024Budget.unit.name },
  department: guantao2024Budget.department,
  region: guantao2024Budget.region,
  year: guantao2024Budget.year,
};

describe("budgetFromDraft", () => {
  it("gives back the budget the form was filled from, as the server's parse does", () => {
    const draft = draftInputFromBudget(guantao2024Budget);
    expect(budgetFromDraft(draft, identity)).toEqual(guantao2024Budget);
    const parsed = parseBudgetInput(draft, guantao2024CodeBook);
    expect(parsed.ok && { ...guantao2024Budget, ...parsed.draft, unit: { ...parsed.draft.unit, ...identity.unit } }).toEqual(guantao2024Budget);
  });

  it("counts an amount that is not (yet) valid as zero, and keeps an unknown code for the checker", () => {
    const draft = draftInputFromBudget(guantao2024Budget);
    draft.expenditure[0]!.amount = "12.3.4";
    draft.expenditure[1]!.functionalCode = " 9999999 ";
    draft.projects[0]!.priorYearAmount = "";
    const budget = budgetFromDraft(draft, identity);
    expect(budget.expenditure[0]?.amount).toBe(0);
    expect(budget.expenditure[1]?.functionalCode).toBe("9999999");
    expect(budget.projects[0]?.priorYearAmount).toBeNull();
  });
});
