import { AppError } from "@/lib/app-error";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import { isAccountantOf, type Viewer } from "@/lib/auth/policies";
import { auditingRefusals, findReadableBudget } from "./budget-access";
import type { DbClient } from "./db-client";

export interface DiscardDraftInput {
  unitCode: string;
  year: number;
  /** the version the accountant saw; refused when it is no longer the newest */
  version: number;
  clientAddress?: string | null;
}

/**
 * Discards the newest version of a unit's budget for a year while it is a draft that was never
 * submitted: a new year's draft, or a correction draft (the published version it would correct
 * stays as it is). Only the unit's accountant. Deletes the version and its content; the audit row
 * keeps that it existed.
 */
export function discardDraft(db: DbClient, viewer: Viewer | null, request: DiscardDraftInput): Promise<{ discardedVersion: number }> {
  const details = { unitCode: request.unitCode, year: request.year, version: request.version };
  return auditingRefusals(db, viewer, { action: "budget.discard", details, clientAddress: request.clientAddress ?? null }, () =>
    db.$transaction(async (tx) => {
      const budget = await findReadableBudget(tx, viewer, request);
      if (viewer === null || !isAccountantOf(viewer, budget.scope.unitId)) throw new AppError("FORBIDDEN", "只有本单位的会计可以放弃草稿。");
      if (budget.version !== request.version) throw new AppError("CONFLICT", "该预算已有更新的版本，请刷新页面后再操作。");
      const submissions = await tx.budgetEvent.count({ where: { budgetId: budget.id, action: "SUBMIT" } });
      if (budget.status !== "DRAFT" || submissions > 0) {
        throw new AppError("CONFLICT", "只有从未报送过的草稿可以放弃；已报送或退回的预算请修改后重新报送。");
      }
      await tx.budget.delete({ where: { id: budget.id } });
      await writeAuditEvent(tx, {
        action: "budget.discard",
        result: "SUCCESS",
        userId: viewer.userId,
        objectType: "budget",
        objectId: String(budget.id),
        clientAddress: request.clientAddress ?? null,
        details,
      });
      return { discardedVersion: budget.version };
    }),
  );
}
