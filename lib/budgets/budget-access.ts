import { AppError } from "@/lib/app-error";
import { canEditBudget, canReadBudget, isAccountantOf, type BudgetScope, type Viewer } from "@/lib/auth/policies";
import type { BudgetStatus } from "@/lib/generated/prisma/enums";
import { writeAuditEvent, type AuditDetails } from "@/lib/audit/write-audit-event";
import type { DbClient, DbReader } from "./db-client";

export interface EditableBudget {
  id: number;
  version: number;
  lockVersion: number;
  status: BudgetStatus;
  scope: BudgetScope;
}

export const NOT_FOUND_MESSAGE = "未找到该预算，或您无权查看。";

/** The newest version of a unit's budget for a year that the viewer can read; other units' budgets stay invisible. */
export async function findReadableBudget(
  tx: DbReader,
  viewer: Viewer | null,
  key: { unitCode: string; year: number },
): Promise<EditableBudget> {
  if (viewer === null) throw new AppError("UNAUTHENTICATED", "请先登录。");
  const rows = await tx.budget.findMany({
    where: { year: key.year, unit: { code: key.unitCode } },
    orderBy: { version: "desc" },
    select: {
      id: true,
      version: true,
      lockVersion: true,
      status: true,
      unitId: true,
      unit: { select: { departmentId: true, regionId: true } },
    },
  });
  // The newest version per unit (a unit code may exist in several regions).
  const newest = rows.filter((row, index) => rows.findIndex((r) => r.unitId === row.unitId) === index);
  for (const row of newest) {
    const scope: BudgetScope = {
      unitId: row.unitId,
      departmentId: row.unit.departmentId,
      regionId: row.unit.regionId,
      status: row.status,
    };
    if (canReadBudget(viewer, scope)) {
      return { id: row.id, version: row.version, lockVersion: row.lockVersion, status: row.status, scope };
    }
  }
  throw new AppError("NOT_FOUND", NOT_FOUND_MESSAGE);
}

/** Refuses unless the viewer is the unit's accountant and the budget is still the unit's to edit. */
export function assertCanEdit(viewer: Viewer | null, budget: EditableBudget): void {
  if (!isAccountantOf(viewer, budget.scope.unitId)) {
    throw new AppError("FORBIDDEN", "只有本单位的会计可以录入和报送预算。");
  }
  if (!canEditBudget(viewer, budget.scope)) {
    throw new AppError("CONFLICT", "预算已报送，不能再修改；如需修改，请联系审核人员退回。");
  }
}

/** Optimistic concurrency: the caller must have edited the version that is stored now. */
export function assertLockVersion(budget: EditableBudget, baseLockVersion: number): void {
  if (budget.lockVersion !== baseLockVersion) {
    throw new AppError(
      "CONFLICT",
      `预算已被他人修改（当前版本号${budget.lockVersion}，您编辑的是版本号${baseLockVersion}），本次修改未保存。请刷新后重新录入您的修改。`,
    );
  }
}

/**
 * Runs a use case and, when it refuses, records the refusal in the audit log in a transaction of
 * its own (the use case's transaction is rolled back), so denied and conflicting attempts leave a
 * trace as 等保 level 3 requires. The refusal is then passed on unchanged.
 */
export async function auditingRefusals<T>(
  db: DbClient,
  viewer: Viewer | null,
  event: { action: string; details: AuditDetails; objectId?: string; clientAddress?: string | null; /** "budget" unless given */ objectType?: string },
  run: () => Promise<T>,
): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof AppError) {
      const denied = error.code === "FORBIDDEN" || error.code === "NOT_FOUND" || error.code === "UNAUTHENTICATED";
      await db.$transaction((tx) =>
        writeAuditEvent(tx, {
          action: event.action,
          result: denied ? "DENIED" : "FAILURE",
          userId: viewer?.userId ?? null,
          objectType: event.objectType ?? "budget",
          ...(event.objectId === undefined ? {} : { objectId: event.objectId }),
          clientAddress: event.clientAddress ?? null,
          details: { ...event.details, reason: error.code },
        }),
      );
    }
    throw error;
  }
}
