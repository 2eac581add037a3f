import { z } from "zod";
import { AppError } from "@/lib/app-error";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import type { Viewer } from "@/lib/auth/policies";
import { auditingRefusals } from "@/lib/budgets/budget-access";
import type { DbClient } from "@/lib/budgets/db-client";
import { findAdministeredRegion } from "./region-header-mappings";

const schema = z.object({
  regionCode: z.string().trim().min(1, "缺少地区代码。").max(20),
  mappingId: z.coerce.number({ error: "缺少要删除的对应关系。" }).int().positive("缺少要删除的对应关系。"),
});

/**
 * Forgets a header mapping of the region: the next workbooks read that header as unknown again.
 * Only a 系统管理员 of the region; a mapping of another region is not found. Audited (with what
 * the mapping said) in the same transaction.
 */
export async function deleteRegionHeaderMapping(db: DbClient, viewer: Viewer | null, raw: unknown, clientAddress: string | null = null): Promise<{ header: string }> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new AppError("INVALID_INPUT", parsed.error.issues[0]?.message ?? "输入有误。");
  const input = parsed.data;
  const details = { regionCode: input.regionCode, mappingId: input.mappingId };
  return auditingRefusals(db, viewer, { action: "import.mapping.delete", details, clientAddress, objectType: "import_header_mapping", objectId: String(input.mappingId) }, () =>
    db.$transaction(async (tx) => {
      const region = await findAdministeredRegion(tx, viewer, input.regionCode);
      const mapping = await tx.importHeaderMapping.findFirst({ where: { id: input.mappingId, regionId: region.id }, select: { id: true, sheetKind: true, header: true, field: true } });
      if (mapping === null) throw new AppError("NOT_FOUND", "未找到该对应关系，可能已被删除。");
      await tx.importHeaderMapping.delete({ where: { id: mapping.id } });
      await writeAuditEvent(tx, {
        action: "import.mapping.delete",
        result: "SUCCESS",
        userId: viewer?.userId ?? null,
        objectType: "import_header_mapping",
        objectId: String(mapping.id),
        clientAddress,
        details: { ...details, regionId: region.id, sheetKind: mapping.sheetKind, header: mapping.header, field: mapping.field },
      });
      return { header: mapping.header };
    }),
  );
}
