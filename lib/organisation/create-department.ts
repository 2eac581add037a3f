import { AppError } from "@/lib/app-error";
import { auditingAdminRefusals, parseAdminInput, type AdminRequest } from "@/lib/admin/admin-access";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import type { Viewer } from "@/lib/auth/policies";
import type { DbClient } from "@/lib/budgets/db-client";
import { rawField, requireAnyAdministrator, requireRegionAdministrator } from "./organisation-access";
import { createDepartmentSchema } from "./organisation-schemas";

/** 新增主管部门 in a region the viewer administers; codes are unique per region. Audited as `department.create`. */
export function createDepartment(db: DbClient, viewer: Viewer | null, raw: unknown, request: AdminRequest = {}): Promise<{ departmentId: number }> {
  return auditingAdminRefusals(db, viewer, { action: "department.create", objectType: "department", objectId: rawField(raw, "code"), clientAddress: request.clientAddress ?? null, details: { regionId: rawField(raw, "regionId") ?? null } }, async () => {
    const admin = requireAnyAdministrator(viewer);
    const input = parseAdminInput(createDepartmentSchema, raw);
    return db.$transaction(async (tx) => {
      await requireRegionAdministrator(tx, admin, input.regionId);
      const existing = await tx.department.findUnique({ where: { regionId_code: { regionId: input.regionId, code: input.code } }, select: { name: true } });
      if (existing !== null) throw new AppError("CONFLICT", "该部门编码已存在。", { code: [`部门编码 ${input.code} 已用于“${existing.name}”。`] });
      const department = await tx.department.create({
        data: { regionId: input.regionId, code: input.code, name: input.name, hasDepartmentReview: input.hasDepartmentReview },
        select: { id: true },
      });
      await writeAuditEvent(tx, {
        action: "department.create",
        result: "SUCCESS",
        userId: admin.userId,
        clientAddress: request.clientAddress ?? null,
        objectType: "department",
        objectId: input.code,
        details: { regionId: input.regionId, name: input.name, hasDepartmentReview: input.hasDepartmentReview },
      });
      return { departmentId: department.id };
    });
  });
}
