import { AppError } from "@/lib/app-error";
import { auditingAdminRefusals, parseAdminInput, type AdminRequest } from "@/lib/admin/admin-access";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import type { Viewer } from "@/lib/auth/policies";
import type { DbClient } from "@/lib/budgets/db-client";
import { isGlobalAdministrator, rawField, requireAnyAdministrator, requireRegionAdministrator } from "./organisation-access";
import { createRegionSchema, PARENT_LEVELS, REGION_LEVEL_LABELS, regionCodePrefix } from "./organisation-schemas";

/**
 * 新增地区: a top-level region (a province, or a county that goes live on its own) only by a global
 * administrator; any other region under a parent the viewer administers, one level down (a 县
 * may sit under a 省), its code starting with the parent's.
 * The region and its audit row (`region.create`) in one transaction.
 */
export function createRegion(db: DbClient, viewer: Viewer | null, raw: unknown, request: AdminRequest = {}): Promise<{ regionId: number }> {
  const code = rawField(raw, "code");
  return auditingAdminRefusals(db, viewer, { action: "region.create", objectType: "region", objectId: code, clientAddress: request.clientAddress ?? null, details: {} }, async () => {
    const admin = requireAnyAdministrator(viewer);
    const input = parseAdminInput(createRegionSchema, raw);
    return db.$transaction(async (tx) => {
      if (input.parentId === null) {
        if (!isGlobalAdministrator(admin)) throw new AppError("FORBIDDEN", "只有全局系统管理员可以新增顶级地区（没有上级的地区）。");
      } else {
        await requireRegionAdministrator(tx, admin, input.parentId);
        const parent = await tx.region.findUniqueOrThrow({ where: { id: input.parentId }, select: { code: true, level: true, name: true } });
        if (!PARENT_LEVELS[input.level].includes(parent.level)) {
          throw new AppError("INVALID_INPUT", "请检查标出的内容后重新提交。", {
            parentId: [`${REGION_LEVEL_LABELS[input.level]}级地区不能设在${REGION_LEVEL_LABELS[parent.level]}级地区“${parent.name}”之下。`],
          });
        }
        const prefix = regionCodePrefix(parent.code);
        if (!input.code.startsWith(prefix)) {
          throw new AppError("INVALID_INPUT", "请检查标出的内容后重新提交。", { code: [`行政区划代码应以上级地区“${parent.name}”的代码开头（${prefix}）。`] });
        }
      }
      const existing = await tx.region.findUnique({ where: { code: input.code }, select: { name: true } });
      if (existing !== null) throw new AppError("CONFLICT", "该行政区划代码已存在。", { code: [`行政区划代码 ${input.code} 已用于“${existing.name}”。`] });
      const region = await tx.region.create({ data: { code: input.code, name: input.name, level: input.level, parentId: input.parentId }, select: { id: true } });
      await writeAuditEvent(tx, {
        action: "region.create",
        result: "SUCCESS",
        userId: admin.userId,
        clientAddress: request.clientAddress ?? null,
        objectType: "region",
        objectId: input.code,
        details: { name: input.name, level: input.level, parentId: input.parentId },
      });
      return { regionId: region.id };
    });
  });
}
