import type { DbReader } from "@/lib/budgets/db-client";

/**
 * Who may not record this version's 保密审查: the person who submitted it, when the unit has
 * another account (an accountant or its head) who can review it instead (a second pair of eyes).
 * A unit with a single account reviews its own submission; null then, and before any submission.
 */
export async function loadSecrecyReviewBar(db: DbReader, budgetId: number, unitId: number): Promise<string | null> {
  const [submission, accounts] = await Promise.all([
    db.budgetEvent.findFirst({ where: { budgetId, action: "SUBMIT" }, orderBy: { id: "desc" }, select: { actorId: true } }),
    db.roleAssignment.findMany({
      where: { unitId, role: { in: ["ACCOUNTANT", "UNIT_HEAD"] } },
      distinct: ["userId"],
      select: { userId: true },
    }),
  ]);
  const submitter = submission?.actorId ?? null;
  if (submitter === null) return null;
  return accounts.some((account) => account.userId !== submitter) ? submitter : null;
}
