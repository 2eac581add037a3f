/** Where an accountant enters a unit's budget for a year: the unit is part of the URL (代理记账: one accountant, several units). */
export function workspaceBudgetPath(unitCode: string, year: number): string {
  return `/workspace/units/${encodeURIComponent(unitCode)}/budgets/${year}`;
}
