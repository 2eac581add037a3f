import { AppError } from "@/lib/app-error";
import { auditingAdminRefusals, parseAdminInput, type AdminRequest } from "@/lib/admin/admin-access";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import type { Viewer } from "@/lib/auth/policies";
import type { DbClient } from "@/lib/budgets/db-client";
import { rawField, requireAnyAdministrator, requireRegionAdministrator } from "./organisation-access";
import { createUnitSchema } from "./organisation-schemas";

/** 新增预算单位 in a department of a region the viewer administers; codes are unique per region. Audited as `unit.create`. */
export function createUnit(db: DbClient, viewer: Viewer | null, raw: unknown, request: AdminRequest = {}): Promise<{ unitId: number }> {
  return auditingAdminRefusals(db, viewer, { action: "unit.create", objectType: "unit", objectId: rawField(raw, "code"), clientAddress: request.clientAddress ?? null, details: {} }, async () => {
    const admin = requireAnyAdministrator(viewer);
    const input = parseAdminInput(createUnitSchema, raw);
    return db.$transaction(async (tx) => {
      const department = await tx.department.findUnique({ where: { id: input.departmentId }, select: { regionId: true, code: true } });
      if (department === null) throw new AppError("NOT_FOUND", "未找到所选的主管部门。", { departmentId: ["未找到所选的主管部门。"] });
      await requireRegionAdministrator(tx, admin, department.regionId);
      const existing = await tx.unit.findUnique({ where: { regionId_code: { regionId: department.regionId, code: input.code } }, select: { name: true } });
      if (existing !== null) throw new AppError("CONFLICT", "该单位编码已存在。", { code: [`单位编码 ${input.code} 已用于“${existing.name}”。`] });
      const { departmentId, code, ...profile } = input;
      const unit = await tx.unit.create({ data: { regionId: department.regionId, departmentId, code, ...profile }, select: { id: true } });
      await writeAuditEvent(tx, {
        action: "unit.create",
        result: "SUCCESS",
        userId: admin.userId,
        clientAddress: request.clientAddress ?? null,
        objectType: "unit",
        objectId: code,
        details: { regionId: department.regionId, departmentCode: department.code, name: profile.name, nature: profile.nature, grade: profile.grade, fundingForm: profile.fundingForm },
      });
      return { unitId: unit.id };
    });
  });
}
