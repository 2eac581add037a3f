import { AppError } from "@/lib/app-error";
import { auditingAdminRefusals, parseAdminInput, type AdminRequest } from "@/lib/admin/admin-access";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import type { Viewer } from "@/lib/auth/policies";
import type { DbClient } from "@/lib/budgets/db-client";
import { rawField, requireAnyAdministrator, requireRegionAdministrator } from "./organisation-access";
import { updateUnitSchema } from "./organisation-schemas";
import { UNIT_FIELD_LABELS, unitProfileChanges } from "./unit-profile-changes";

/**
 * 修改预算单位: its profile and department (within its region). The code stays. Budgets keep the
 * profile they were entered with; this changes what new budgets start from. Audited as
 * `unit.update` with every changed field old → new.
 */
export function updateUnit(db: DbClient, viewer: Viewer | null, raw: unknown, request: AdminRequest = {}): Promise<{ isChanged: boolean }> {
  return auditingAdminRefusals(db, viewer, { action: "unit.update", objectType: "unit", objectId: rawField(raw, "unitId"), clientAddress: request.clientAddress ?? null, details: {} }, async () => {
    const admin = requireAnyAdministrator(viewer);
    const input = parseAdminInput(updateUnitSchema, raw);
    return db.$transaction(async (tx) => {
      const before = await tx.unit.findUnique({
        where: { id: input.unitId },
        select: { code: true, regionId: true, name: true, nature: true, grade: true, fundingForm: true, duties: true, organisation: true, department: { select: { id: true, code: true, name: true } } },
      });
      if (before === null) throw new AppError("NOT_FOUND", "未找到该单位。");
      await requireRegionAdministrator(tx, admin, before.regionId);
      const { unitId, departmentId, ...profile } = input;
      const changes = unitProfileChanges(before, profile);
      if (departmentId !== before.department.id) {
        const department = await tx.department.findUnique({ where: { id: departmentId }, select: { regionId: true, code: true, name: true } });
        if (department === null || department.regionId !== before.regionId) {
          throw new AppError("INVALID_INPUT", "请检查标出的内容后重新提交。", { departmentId: ["只能选择本地区的主管部门。"] });
        }
        changes[UNIT_FIELD_LABELS.department] = `${before.department.code} ${before.department.name} → ${department.code} ${department.name}`;
      }
      if (Object.keys(changes).length === 0) return { isChanged: false };
      await tx.unit.update({ where: { id: unitId }, data: { departmentId, ...profile }, select: { id: true } });
      await writeAuditEvent(tx, {
        action: "unit.update",
        result: "SUCCESS",
        userId: admin.userId,
        clientAddress: request.clientAddress ?? null,
        objectType: "unit",
        objectId: before.code,
        details: { regionId: before.regionId, ...changes },
      });
      return { isChanged: true };
    });
  });
}
