import { AppError } from "@/lib/app-error";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import { isAccountantOf, type Viewer } from "@/lib/auth/policies";
import { auditingRefusals } from "./budget-access";
import { requireOpenYear } from "./create-draft-from-prior-year";
import type { DbClient, DbReader } from "./db-client";
import { emptyBudget } from "./empty-budget";
import { writeBudget } from "./save-budget";

export interface CreateEmptyDraftInput {
  unitCode: string;
  year: number;
  clientAddress?: string | null;
}

/**
 * Starts a unit's budget for `year` with nothing entered, for a unit without a prior budget (or
 * one that prefers to start afresh): the unit's profile, no lines, under the code book revision the
 * region opened the year with. Only the unit's accountant, once the year is open, and only when
 * the year has no budget yet.
 */
export function createEmptyDraft(db: DbClient, viewer: Viewer | null, request: CreateEmptyDraftInput): Promise<{ budgetId: number }> {
  const details = { unitCode: request.unitCode, year: request.year, start: "empty" };
  return auditingRefusals(db, viewer, { action: "budget.create", details, clientAddress: request.clientAddress ?? null }, () =>
    db.$transaction((tx) => createInTransaction(tx, viewer, request), { timeout: 15_000 }),
  );
}

async function createInTransaction(tx: DbReader, viewer: Viewer | null, request: CreateEmptyDraftInput): Promise<{ budgetId: number }> {
  if (viewer === null) throw new AppError("UNAUTHENTICATED", "请先登录。");
  const units = await tx.unit.findMany({
    where: { code: request.unitCode },
    select: {
      id: true,
      regionId: true,
      code: true,
      name: true,
      nature: true,
      grade: true,
      fundingForm: true,
      duties: true,
      organisation: true,
      deactivatedAt: true,
      department: { select: { code: true, name: true } },
      region: { select: { code: true, name: true } },
    },
  });
  const unit = units.find((candidate) => isAccountantOf(viewer, candidate.id));
  if (unit === undefined) throw new AppError("FORBIDDEN", "只有本单位的会计可以录入和报送预算。");
  if (unit.deactivatedAt !== null) throw new AppError("CONFLICT", "本单位已停用，不能创建新的预算。如需恢复，请联系系统管理员启用本单位。");
  const existing = await tx.budget.findFirst({ where: { unitId: unit.id, year: request.year }, select: { id: true } });
  if (existing !== null) throw new AppError("CONFLICT", `${request.year}年的预算已经存在，不能再次创建。`);
  const { codeBookRevisionId } = await requireOpenYear(tx, unit.regionId, request.year);

  const { department, region, id: _id, regionId: _regionId, ...profile } = unit;
  const budget = emptyBudget({ unit: profile, department, region }, request.year);
  const saved = await writeBudget(tx, { budget, version: 1, initialStatus: "DRAFT", codeBookRevisionId });
  await tx.budgetEvent.create({ data: { budgetId: saved.id, action: "CREATE", fromStatus: null, toStatus: "DRAFT", actorId: viewer.userId } });
  await writeAuditEvent(tx, {
    action: "budget.create",
    result: "SUCCESS",
    userId: viewer.userId,
    objectType: "budget",
    objectId: String(saved.id),
    clientAddress: request.clientAddress ?? null,
    details: { unitCode: request.unitCode, year: request.year, start: "empty", codeBookRevisionId },
  });
  return { budgetId: saved.id };
}
