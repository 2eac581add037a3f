import { AppError } from "@/lib/app-error";
import { auditingAdminRefusals, parseAdminInput, type AdminRequest } from "@/lib/admin/admin-access";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import type { Viewer } from "@/lib/auth/policies";
import type { DbClient } from "@/lib/budgets/db-client";
import { rawField, requireAnyAdministrator, requireRegionAdministrator } from "./organisation-access";
import { unitIdSchema } from "./organisation-schemas";

/**
 * 停用 / 启用 a unit. Units are never deleted (budgets, audit rows and published documents refer to
 * them): an inactive unit starts no new budget and is left out of pickers and imports' targets,
 * while its published documents stay public. Audited as `unit.deactivate` / `unit.reactivate`.
 */
export function setUnitActive(db: DbClient, viewer: Viewer | null, raw: unknown, isActive: boolean, now: Date = new Date(), request: AdminRequest = {}): Promise<{ isChanged: boolean }> {
  const action = isActive ? "unit.reactivate" : "unit.deactivate";
  return auditingAdminRefusals(db, viewer, { action, objectType: "unit", objectId: rawField(raw, "unitId"), clientAddress: request.clientAddress ?? null, details: {} }, async () => {
    const admin = requireAnyAdministrator(viewer);
    const input = parseAdminInput(unitIdSchema, raw);
    return db.$transaction(async (tx) => {
      const unit = await tx.unit.findUnique({ where: { id: input.unitId }, select: { code: true, name: true, regionId: true, deactivatedAt: true } });
      if (unit === null) throw new AppError("NOT_FOUND", "未找到该单位。");
      await requireRegionAdministrator(tx, admin, unit.regionId);
      if ((unit.deactivatedAt === null) === isActive) return { isChanged: false };
      await tx.unit.update({ where: { id: input.unitId }, data: { deactivatedAt: isActive ? null : now }, select: { id: true } });
      await writeAuditEvent(tx, {
        action,
        result: "SUCCESS",
        userId: admin.userId,
        clientAddress: request.clientAddress ?? null,
        objectType: "unit",
        objectId: unit.code,
        details: { regionId: unit.regionId, name: unit.name },
      });
      return { isChanged: true };
    });
  });
}

export function deactivateUnit(db: DbClient, viewer: Viewer | null, raw: unknown, now: Date = new Date(), request: AdminRequest = {}) {
  return setUnitActive(db, viewer, raw, false, now, request);
}

export function reactivateUnit(db: DbClient, viewer: Viewer | null, raw: unknown, request: AdminRequest = {}) {
  return setUnitActive(db, viewer, raw, true, new Date(), request);
}
