import { formatAmountTrimmed } from "@/lib/disclosure/money";
import type { AmountUnit, Budget, Fen } from "@/lib/disclosure/types";
import type { BudgetDraftInput } from "./budget-input-schema";

/** A stored budget as the entry forms show it: amounts as exact text in the budget's unit. */
export function draftInputFromBudget(budget: Budget): BudgetDraftInput {
  const unit: AmountUnit = budget.amountUnit;
  const money = (fen: Fen) => formatAmountTrimmed(fen, unit);
  const optionalMoney = (fen: Fen | null) => (fen === null ? "" : money(fen));
  const { code: _code, name: _name, ...unitProfile } = budget.unit;
  return {
    amountUnit: unit,
    unit: { ...unitProfile, duties: [...unitProfile.duties] },
    income: budget.income.map((l) => ({ ...l, amount: money(l.amount) })),
    expenditure: budget.expenditure.map((l) => ({ ...l, amount: money(l.amount) })),
    basicEconomic: budget.basicEconomic.map((l) => ({ ...l, amount: money(l.amount) })),
    yearEndCarryover: money(budget.yearEndCarryover),
    projects: budget.projects.map((p) => ({
      ...p,
      fiscalAmount: money(p.fiscalAmount),
      otherAmount: money(p.otherAmount),
      amount: money(p.amount),
      spendingPlan: {
        march: String(p.spendingPlan.march),
        june: String(p.spendingPlan.june),
        october: String(p.spendingPlan.october),
        december: String(p.spendingPlan.december),
      },
      indicators: p.indicators.map((i) => ({ ...i })),
      priorYearAmount: optionalMoney(p.priorYearAmount),
    })),
    threePublic: budget.threePublic.map((l) => ({
      appropriation: l.appropriation,
      abroad: money(l.abroad),
      vehiclePurchase: money(l.vehiclePurchase),
      vehicleOperation: money(l.vehicleOperation),
      reception: money(l.reception),
    })),
    procurement: budget.procurement.map((r) => ({
      ...r,
      quantity: String(r.quantity),
      unitPrice: money(r.unitPrice),
      generalBudget: money(r.generalBudget),
      governmentFund: money(r.governmentFund),
      stateCapital: money(r.stateCapital),
      specialAccount: money(r.specialAccount),
      unitFunds: money(r.unitFunds),
      carryover: money(r.carryover),
      total: money(r.total),
      smeReserved: money(r.smeReserved),
    })),
    assets: {
      asOf: budget.assets.asOf,
      holdings: budget.assets.holdings.map((h) => ({ category: h.category, quantity: String(h.quantity), value: money(h.value) })),
      statedTotalValue: optionalMoney(budget.assets.statedTotalValue),
      plannedPurchases: money(budget.assets.plannedPurchases),
    },
    priorYear:
      budget.priorYear === null
        ? null
        : {
            year: budget.priorYear.year,
            total: money(budget.priorYear.total),
            basic: money(budget.priorYear.basic),
            project: money(budget.priorYear.project),
            threePublic: money(budget.priorYear.threePublic),
          },
    narrative: { ...budget.narrative },
    glossary: budget.glossary.map((g) => ({ ...g })),
  };
}
