import { lastDigitFen, roundFen } from "@/lib/disclosure/money";
import type { AmountUnit, Budget, PriorYear } from "@/lib/disclosure/types";
import type { StartingPoint } from "@/lib/import/starting-point";
import type { PriorYearSection } from "./prior-year-preview";

/**
 * Last year's figures as the draft can hold them: a draft entered in 万元 keeps two decimals
 * (0.01 万元), so figures printed in 元 are rounded half away from zero, as they are printed in
 * the new document's 比上年 comparison anyway.
 */
export function priorYearIn(unit: AmountUnit, prior: PriorYear): PriorYear {
  const step = lastDigitFen(unit);
  return {
    year: prior.year,
    total: roundFen(prior.total, step),
    basic: roundFen(prior.basic, step),
    project: roundFen(prior.project, step),
    threePublic: roundFen(prior.threePublic, step),
  };
}

/**
 * The draft with last year's figures as its prior year and, for each section the accountant
 * accepted, last year's text in place of the draft's. Everything else stays as the draft had it.
 */
export function applyStartingPoint(budget: Budget, start: StartingPoint, accepted: readonly PriorYearSection[]): Budget {
  const take = (section: PriorYearSection) => accepted.includes(section);
  return {
    ...budget,
    priorYear: priorYearIn(budget.amountUnit, start.priorYear),
    unit: {
      ...budget.unit,
      duties: take("duties") && start.duties.length > 0 ? [...start.duties] : budget.unit.duties,
      organisation: take("organisation") && start.organisation !== "" ? start.organisation : budget.unit.organisation,
    },
    glossary: take("glossary") && start.glossary.length > 0 ? start.glossary.map((g) => ({ ...g })) : budget.glossary,
  };
}
