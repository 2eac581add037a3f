import type { Viewer } from "@/lib/auth/policies";
import type { DbReader } from "@/lib/budgets/db-client";
import { SUBMITTED_OR_LATER_STATUSES } from "@/lib/auth/policies";
import type { BudgetStatus } from "@/lib/generated/prisma/enums";

/** A budget version of a unit the viewer heads, as the head's list shows it. */
export interface HeadBudget {
  budgetId: number;
  unitCode: string;
  unitName: string;
  year: number;
  version: number;
  status: BudgetStatus;
  /** approved and secrecy-reviewed, waiting for the head's signature */
  isWaitingForSignOff: boolean;
}

/**
 * The submitted (or later) budget versions of every unit the viewer heads (单位负责人), newest
 * first; empty for anyone who heads no unit. Drafts stay the accountants' business.
 */
export async function listHeadBudgets(db: DbReader, viewer: Viewer | null): Promise<HeadBudget[]> {
  const unitIds = (viewer?.roles ?? []).flatMap((grant) => (grant.role === "UNIT_HEAD" && grant.unitId !== undefined ? [grant.unitId] : []));
  if (unitIds.length === 0) return [];
  const rows = await db.budget.findMany({
    where: { unitId: { in: unitIds }, status: { in: [...SUBMITTED_OR_LATER_STATUSES] }, nextVersion: null },
    orderBy: [{ year: "desc" }, { unitId: "asc" }],
    take: 50,
    select: { id: true, year: true, version: true, status: true, secrecyReviewedAt: true, unit: { select: { code: true, name: true } } },
  });
  return rows.map((row) => ({
    budgetId: row.id,
    unitCode: row.unit.code,
    unitName: row.unit.name,
    year: row.year,
    version: row.version,
    status: row.status,
    isWaitingForSignOff: row.status === "APPROVED" && row.secrecyReviewedAt !== null,
  }));
}
