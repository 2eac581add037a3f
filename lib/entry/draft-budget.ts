import type { BudgetDraftInput } from "@/lib/budgets/budget-input-schema";
import { parseAmount } from "@/lib/disclosure/money";
import type { AmountUnit, Budget, Fen } from "@/lib/disclosure/types";

/** What identifies a budget and is never part of the draft the form edits. */
export type BudgetIdentity = Pick<Budget, "department" | "region" | "year"> & { unit: { code: string; name: string } };

function number(text: string): number {
  const value = Number(text.trim());
  return Number.isFinite(value) && text.trim() !== "" ? value : 0;
}

/**
 * The draft as a Budget for the live checks and the preview, while the accountant types: an
 * amount that is not (yet) valid counts as zero, as the field error beside it says why. The
 * server parses strictly (`parseBudgetInput`); this only has to be forgiving.
 */
export function budgetFromDraft(draft: BudgetDraftInput, identity: BudgetIdentity): Budget {
  const unit: AmountUnit = draft.amountUnit === "YUAN" ? "YUAN" : "WAN_YUAN";
  const money = (text: string): Fen => {
    const parsed = parseAmount(text, unit);
    return parsed.ok ? parsed.fen : 0;
  };
  const optionalMoney = (text: string): Fen | null => (text.trim() === "" ? null : money(text));
  return {
    unit: { ...draft.unit, code: identity.unit.code, name: identity.unit.name },
    department: identity.department,
    region: identity.region,
    year: identity.year,
    amountUnit: unit,
    income: draft.income.map((l) => ({ source: l.source, amount: money(l.amount) })),
    expenditure: draft.expenditure.map((l) => ({ ...l, functionalCode: l.functionalCode.trim(), amount: money(l.amount) })),
    basicEconomic: draft.basicEconomic.map((l) => ({ ...l, economicCode: l.economicCode.trim(), amount: money(l.amount) })),
    yearEndCarryover: money(draft.yearEndCarryover),
    projects: draft.projects.map((p) => ({
      ...p,
      fiscalAmount: money(p.fiscalAmount),
      otherAmount: money(p.otherAmount),
      amount: money(p.amount),
      spendingPlan: {
        march: number(p.spendingPlan.march),
        june: number(p.spendingPlan.june),
        october: number(p.spendingPlan.october),
        december: number(p.spendingPlan.december),
      },
      indicators: p.indicators.map((i) => ({ ...i })),
      priorYearAmount: optionalMoney(p.priorYearAmount),
    })),
    threePublic: draft.threePublic.map((l) => ({
      appropriation: l.appropriation,
      abroad: money(l.abroad),
      vehiclePurchase: money(l.vehiclePurchase),
      vehicleOperation: money(l.vehicleOperation),
      reception: money(l.reception),
    })),
    procurement: draft.procurement.map((r) => ({
      ...r,
      quantity: number(r.quantity),
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
      asOf: draft.assets.asOf,
      holdings: draft.assets.holdings.map((h) => ({ category: h.category, quantity: number(h.quantity), value: money(h.value) })),
      statedTotalValue: optionalMoney(draft.assets.statedTotalValue),
      plannedPurchases: money(draft.assets.plannedPurchases),
    },
    priorYear:
      draft.priorYear === null
        ? null
        : {
            year: draft.priorYear.year,
            total: money(draft.priorYear.total),
            basic: money(draft.priorYear.basic),
            project: money(draft.priorYear.project),
            threePublic: money(draft.priorYear.threePublic),
          },
    narrative: { ...draft.narrative },
    glossary: draft.glossary.map((g) => ({ ...g })),
  };
}
