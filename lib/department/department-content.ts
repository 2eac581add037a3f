import { aggregateDepartment, deriveDepartmentTables, generateDepartmentNarrative } from "@/lib/disclosure/aggregate-department";
import { findRow, amountAt } from "@/lib/disclosure/table-model";
import { deriveTables } from "@/lib/disclosure/derive-tables";
import type { Budget, CodeBook } from "@/lib/disclosure/types";
import type { DepartmentCoverage } from "@/lib/publication/department-coverage";
import { buildSnapshotContent, type SnapshotContent } from "@/lib/publication/snapshot-content";
import type { DepartmentState } from "./queries";

/** 批复 is a date in China, whatever the server's time zone. */
const CHINA_DATE = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit" });

export function chinaDate(date: Date | null): string | null {
  return date === null ? null : CHINA_DATE.format(date);
}

/** Why a department budget cannot be put together yet (Chinese, for the reviewer); null when it can. */
export function departmentNotReadyReason(state: DepartmentState, statusLabel: (status: string) => string): string | null {
  if (state.units.length === 0) return `${state.name}没有预算单位，不能生成部门预算。`;
  const pending = state.units.filter((unit) => unit.approved === null);
  if (pending.length === 0) return null;
  const list = pending
    .map((unit) => `${unit.code} ${unit.name}（${unit.newest === null ? "尚未填报" : statusLabel(unit.newest.status)}）`)
    .join("、");
  return `部门预算须待所属单位的${state.year}年预算全部批复后才能汇总公开。尚未批复：${list}。`;
}

function grandTotal(budget: Budget, codeBook: CodeBook): number {
  const t1 = deriveTables(budget, codeBook).T1;
  const row = findRow(t1, "grand-total");
  return row ? amountAt(t1, row, "income") : 0;
}

/**
 * The department document's content: the sum of the units' approved budgets (one per unit, in
 * the order of `state.units`), its tables titled 部门预算…, the department narrative, and the
 * list of units it covers. Every unit must have an approved budget in `budgets`.
 */
export function buildDepartmentContent(
  state: DepartmentState,
  budgets: ReadonlyMap<number, Budget>,
  codeBook: CodeBook,
  publication: SnapshotContent["publication"],
): SnapshotContent {
  const included = state.units.map((unit) => {
    const budget = unit.approved === null ? undefined : budgets.get(unit.approved.budgetId);
    if (unit.approved === null || budget === undefined) throw new Error(`unit ${unit.code} has no approved budget loaded`);
    return { unit, approved: unit.approved, budget };
  });
  const budget = aggregateDepartment(
    { code: state.code, name: state.name },
    included.map((i) => i.budget),
  );
  const tables = deriveDepartmentTables(budget, codeBook);
  const coverage: DepartmentCoverage = {
    units: included.map(({ approved, budget: unitBudget }) => ({
      code: unitBudget.unit.code,
      name: unitBudget.unit.name,
      nature: unitBudget.unit.nature,
      grade: unitBudget.unit.grade,
      fundingForm: unitBudget.unit.fundingForm,
      budgetVersion: approved.version,
      approvedAt: chinaDate(approved.approvedAt),
      total: grandTotal(unitBudget, codeBook),
    })),
  };
  // The unit document's content (code book excerpt …), with the department's tables and wording.
  return {
    ...buildSnapshotContent(budget, codeBook, publication),
    tables,
    narrative: generateDepartmentNarrative(budget, tables),
    department: coverage,
  };
}
