import { AppError } from "@/lib/app-error";
import { auditingAdminRefusals, parseAdminInput, type AdminRequest } from "@/lib/admin/admin-access";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import type { Viewer } from "@/lib/auth/policies";
import type { DbClient } from "@/lib/budgets/db-client";
import { rawField, requireAnyAdministrator, requireRegionAdministrator } from "./organisation-access";
import { updateDepartmentSchema } from "./organisation-schemas";

/**
 * 修改主管部门: its name and whether it reviews its units first (主管部门初审). The code stays: it
 * starts its units' codes. Audited as `department.update` with old → new.
 */
export function updateDepartment(db: DbClient, viewer: Viewer | null, raw: unknown, request: AdminRequest = {}): Promise<{ isChanged: boolean }> {
  return auditingAdminRefusals(db, viewer, { action: "department.update", objectType: "department", objectId: rawField(raw, "departmentId"), clientAddress: request.clientAddress ?? null, details: {} }, async () => {
    const admin = requireAnyAdministrator(viewer);
    const input = parseAdminInput(updateDepartmentSchema, raw);
    return db.$transaction(async (tx) => {
      const before = await tx.department.findUnique({ where: { id: input.departmentId }, select: { code: true, name: true, regionId: true, hasDepartmentReview: true } });
      if (before === null) throw new AppError("NOT_FOUND", "未找到该部门。");
      await requireRegionAdministrator(tx, admin, before.regionId);
      const details: Record<string, string> = {};
      if (before.name !== input.name) details.name = `${before.name} → ${input.name}`;
      if (before.hasDepartmentReview !== input.hasDepartmentReview) details.hasDepartmentReview = `${before.hasDepartmentReview ? "是" : "否"} → ${input.hasDepartmentReview ? "是" : "否"}`;
      if (Object.keys(details).length === 0) return { isChanged: false };
      await tx.department.update({ where: { id: input.departmentId }, data: { name: input.name, hasDepartmentReview: input.hasDepartmentReview }, select: { id: true } });
      await writeAuditEvent(tx, {
        action: "department.update",
        result: "SUCCESS",
        userId: admin.userId,
        clientAddress: request.clientAddress ?? null,
        objectType: "department",
        objectId: before.code,
        details: { regionId: before.regionId, ...details },
      });
      return { isChanged: true };
    });
  });
}
