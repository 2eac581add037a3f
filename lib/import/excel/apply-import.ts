import type { AmountUnit, Budget, Fen } from "@/lib/disclosure/types";
import type { ExcelImport } from "./import-types";

/** 0.01 万元: the finest amount the forms accept in 万元. */
const WAN_YUAN_STEP: Fen = 10_000;

/**
 * The draft after the import: the workbook's figures replace the draft's (income, lines, basic
 * expenditure, 三公, and projects, assets or 政府采购 where the workbook has them); what a workbook does
 * not carry (unit profile, narrative, glossary, last year's figures, a project's last-year amount
 * and change reason) stays as the draft had it.
 */
export function applyImport(base: Budget, imported: ExcelImport): Budget {
  const { content } = imported;
  const previousProjects = new Map(base.projects.map((p) => [p.code, p]));
  const projects =
    content.projects === null
      ? base.projects
      : content.projects.map((p) => {
          const previous = previousProjects.get(p.code);
          return previous ? { ...p, priorYearAmount: previous.priorYearAmount, changeReason: previous.changeReason } : p;
        });
  const next: Budget = {
    ...base,
    income: content.income,
    expenditure: content.expenditure,
    basicEconomic: content.basicEconomic,
    yearEndCarryover: content.yearEndCarryover,
    threePublic: content.threePublic,
    projects,
    assets:
      content.assets === null
        ? base.assets
        : { ...content.assets, asOf: content.assets.asOf || base.assets.asOf, plannedPurchases: base.assets.plannedPurchases },
    procurement: content.procurement ?? base.procurement,
  };
  return { ...next, amountUnit: chooseAmountUnit(base.amountUnit, next) };
}

/** Keeps the draft's unit unless an imported amount cannot be written in it (万元 holds 0.01 万元 at the finest). */
function chooseAmountUnit(current: AmountUnit, budget: Budget): AmountUnit {
  if (current === "YUAN") return "YUAN";
  const amounts: Fen[] = [
    ...budget.income.map((l) => l.amount),
    ...budget.expenditure.map((l) => l.amount),
    ...budget.basicEconomic.map((l) => l.amount),
    budget.yearEndCarryover,
    ...budget.threePublic.flatMap((l) => [l.abroad, l.vehiclePurchase, l.vehicleOperation, l.reception]),
    ...budget.projects.flatMap((p) => [p.amount, p.fiscalAmount, p.otherAmount]),
    ...budget.procurement.flatMap((r) => [r.unitPrice, r.total, r.smeReserved]),
  ];
  return amounts.every((fen) => fen % WAN_YUAN_STEP === 0) ? "WAN_YUAN" : "YUAN";
}
