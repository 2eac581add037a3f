import { AppError } from "@/lib/app-error";
import type { Viewer } from "@/lib/auth/policies";
import { priorYearLines, type PriorYearLines } from "@/lib/entry/prior-lines";
import type { BudgetStatus } from "@/lib/generated/prisma/enums";
import { budgetFromRecord, budgetSelect } from "./budget-mapper";
import { findReadableBudget } from "./budget-access";
import type { DbReader } from "./db-client";

/** Only what the finance bureau approved counts as last year's figure. */
const APPROVED_STATUSES: readonly BudgetStatus[] = ["APPROVED", "SIGNED_OFF", "PUBLISHED"];

/**
 * Last year's approved lines of the unit whose budget for `year` the viewer may read, for the
 * entry form's 上年 column. Refused (NOT_FOUND) when the viewer cannot read this year's budget;
 * null when the unit has no approved budget for the year before.
 */
export async function loadPriorYearLines(
  db: DbReader,
  viewer: Viewer | null,
  key: { unitCode: string; year: number },
): Promise<PriorYearLines | null> {
  const current = await findReadableBudget(db, viewer, key);
  const record = await db.budget.findFirst({
    where: { unitId: current.scope.unitId, year: key.year - 1, status: { in: [...APPROVED_STATUSES] } },
    orderBy: { version: "desc" },
    select: budgetSelect,
  });
  return record === null ? null : priorYearLines(budgetFromRecord(record));
}

export interface BudgetChangeEntry {
  id: string;
  /** ISO timestamp */
  at: string;
  userName: string | null;
  /** dotted path of the Budget leaf, e.g. `expenditure.3.amount` */
  path: string;
  oldValue: unknown;
  newValue: unknown;
}

/**
 * The most recent saved changes (修改记录) of the newest version of a budget the viewer may read,
 * newest first, in one query. Refused (NOT_FOUND) like the budget itself for anyone else.
 */
export async function listBudgetChanges(
  db: DbReader,
  viewer: Viewer | null,
  key: { unitCode: string; year: number },
  limit = 30,
): Promise<BudgetChangeEntry[]> {
  if (!Number.isInteger(limit) || limit < 1 || limit > 500) throw new AppError("INVALID_INPUT", "条数应在1到500之间。");
  const target = await findReadableBudget(db, viewer, key);
  const rows = await db.budgetChange.findMany({
    where: { budgetId: target.id },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take: limit,
    select: { id: true, at: true, path: true, oldValue: true, newValue: true, user: { select: { name: true } } },
  });
  return rows.map((row) => ({
    id: String(row.id),
    at: row.at.toISOString(),
    userName: row.user?.name ?? null,
    path: row.path,
    oldValue: row.oldValue,
    newValue: row.newValue,
  }));
}
