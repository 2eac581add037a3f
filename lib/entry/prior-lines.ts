import type { BasicEconomicLine, Budget, ExpenditureLine, Fen, ThreePublicLine } from "@/lib/disclosure/types";

/** Last year's approved amounts, by the key a line keeps from year to year. */
export interface PriorYearLines {
  year: number;
  income: Record<string, Fen>;
  /** by `expenditureKey`: functional code × kind × source */
  expenditure: Record<string, Fen>;
  /** by `basicEconomicKey`: economic code × category × source */
  basicEconomic: Record<string, Fen>;
  /** by project code */
  projects: Record<string, Fen>;
  /** by appropriation type and item, e.g. `GENERAL_BUDGET.reception` */
  threePublic: Record<string, Fen>;
}

export function expenditureKey(line: Pick<ExpenditureLine, "functionalCode" | "kind" | "source">): string {
  return `${line.functionalCode.trim()}|${line.kind}|${line.source}`;
}

export function basicEconomicKey(line: Pick<BasicEconomicLine, "economicCode" | "category" | "source">): string {
  return `${line.economicCode.trim()}|${line.category}|${line.source}`;
}

export const THREE_PUBLIC_ITEMS = ["abroad", "vehiclePurchase", "vehicleOperation", "reception"] as const satisfies readonly (keyof ThreePublicLine)[];

function add(record: Record<string, Fen>, key: string, amount: Fen): void {
  record[key] = (record[key] ?? 0) + amount;
}

/** The lines of last year's budget, keyed so that this year's lines can find their figure. */
export function priorYearLines(budget: Budget): PriorYearLines {
  const lines: PriorYearLines = { year: budget.year, income: {}, expenditure: {}, basicEconomic: {}, projects: {}, threePublic: {} };
  for (const l of budget.income) add(lines.income, l.source, l.amount);
  for (const l of budget.expenditure) add(lines.expenditure, expenditureKey(l), l.amount);
  for (const l of budget.basicEconomic) add(lines.basicEconomic, basicEconomicKey(l), l.amount);
  for (const p of budget.projects) add(lines.projects, p.code, p.amount);
  for (const l of budget.threePublic) for (const item of THREE_PUBLIC_ITEMS) add(lines.threePublic, `${l.appropriation}.${item}`, l[item]);
  return lines;
}
