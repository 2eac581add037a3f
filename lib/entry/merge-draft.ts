import type { BudgetDraftInput } from "@/lib/budgets/budget-input-schema";

/**
 * Restores an accountant's unsaved edits onto a draft someone else has saved since: every part
 * of the budget (unit, income, expenditure, …, narrative) that the accountant changed from the
 * version they started from is taken from their copy; every other part stays as saved now, so the
 * other person's work on other parts is kept. Returns the parts taken.
 */
export function mergeDraft(
  current: BudgetDraftInput,
  base: BudgetDraftInput,
  mine: BudgetDraftInput,
): { draft: BudgetDraftInput; taken: (keyof BudgetDraftInput)[] } {
  const draft = { ...current } as Record<keyof BudgetDraftInput, unknown>;
  const taken: (keyof BudgetDraftInput)[] = [];
  for (const key of Object.keys(mine) as (keyof BudgetDraftInput)[]) {
    if (JSON.stringify(mine[key]) !== JSON.stringify(base[key])) {
      draft[key] = structuredClone(mine[key]);
      taken.push(key);
    }
  }
  return { draft: draft as BudgetDraftInput, taken };
}
