import { auditingAdminRefusals, parseAdminInput, type AdminRequest } from "@/lib/admin/admin-access";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import type { Viewer } from "@/lib/auth/policies";
import type { DbClient } from "@/lib/budgets/db-client";
import { rawField, requireAnyAdministrator, requireRegionAdministrator } from "./organisation-access";
import { updateRegionSchema } from "./organisation-schemas";

/**
 * 修改地区: renames a region the viewer administers. The 行政区划代码 and the level stay: they are
 * the region's identity in every published document (ADR 0013). Audited as `region.update`.
 */
export function updateRegion(db: DbClient, viewer: Viewer | null, raw: unknown, request: AdminRequest = {}): Promise<{ isChanged: boolean }> {
  return auditingAdminRefusals(db, viewer, { action: "region.update", objectType: "region", objectId: rawField(raw, "regionId"), clientAddress: request.clientAddress ?? null, details: {} }, async () => {
    const admin = requireAnyAdministrator(viewer);
    const input = parseAdminInput(updateRegionSchema, raw);
    return db.$transaction(async (tx) => {
      await requireRegionAdministrator(tx, admin, input.regionId);
      const before = await tx.region.findUniqueOrThrow({ where: { id: input.regionId }, select: { code: true, name: true } });
      if (before.name === input.name) return { isChanged: false };
      await tx.region.update({ where: { id: input.regionId }, data: { name: input.name }, select: { id: true } });
      await writeAuditEvent(tx, {
        action: "region.update",
        result: "SUCCESS",
        userId: admin.userId,
        clientAddress: request.clientAddress ?? null,
        objectType: "region",
        objectId: before.code,
        details: { name: `${before.name} → ${input.name}` },
      });
      return { isChanged: true };
    });
  });
}
