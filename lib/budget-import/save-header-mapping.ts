import { z } from "zod";
import { AppError } from "@/lib/app-error";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import { canAdminister, isAccountantOf, type Viewer } from "@/lib/auth/policies";
import { auditingRefusals } from "@/lib/budgets/budget-access";
import type { DbClient } from "@/lib/budgets/db-client";
import { SHEET_KINDS } from "@/lib/import/excel/import-types";
import { isMappableField } from "@/lib/import/excel/mappable-fields";
import { normalizeHeader } from "@/lib/spreadsheet/header-map";

export const headerMappingSchema = z.object({
  unitCode: z.string().trim().min(1, "缺少单位编码。").max(40),
  sheetKind: z.enum(SHEET_KINDS, { error: "工作表类型不正确。" }),
  header: z.string().trim().min(1, "缺少表头文字。").max(200, "表头文字过长。"),
  field: z.string().trim().min(1, "请选择该列对应的内容。").max(60),
});
export type HeaderMappingInput = z.infer<typeof headerMappingSchema>;

/**
 * Learns a workbook header for the unit's whole region: the unit's accountant or an administrator
 * of the region maps it to a field once, and every later workbook of the region is read with it.
 * The mapping and its audit row are written in one transaction.
 */
export function saveHeaderMapping(db: DbClient, viewer: Viewer | null, raw: unknown, clientAddress: string | null = null): Promise<{ header: string; field: string }> {
  const parsed = headerMappingSchema.safeParse(raw);
  if (!parsed.success) throw new AppError("INVALID_INPUT", parsed.error.issues[0]?.message ?? "输入有误。");
  const input = parsed.data;
  const header = normalizeHeader(input.header);
  const details = { unitCode: input.unitCode, sheetKind: input.sheetKind, header, field: input.field };
  return auditingRefusals(db, viewer, { action: "import.mapping.save", details, clientAddress, objectType: "import_header_mapping" }, () =>
    db.$transaction(async (tx) => {
      if (viewer === null) throw new AppError("UNAUTHENTICATED", "请先登录。");
      if (!isMappableField(input.sheetKind, input.field)) throw new AppError("INVALID_INPUT", "所选内容不属于该工作表，请重新选择。");
      const units = await tx.unit.findMany({ where: { code: input.unitCode }, select: { id: true, regionId: true } });
      const unit = units.find((u) => isAccountantOf(viewer, u.id) || canAdminister(viewer, { regionId: u.regionId }));
      if (!unit) throw new AppError("FORBIDDEN", "只有本单位的会计或本地区的管理员可以保存表头对应关系。");
      const saved = await tx.importHeaderMapping.upsert({
        where: { regionId_sheetKind_header: { regionId: unit.regionId, sheetKind: input.sheetKind, header } },
        create: { regionId: unit.regionId, sheetKind: input.sheetKind, header, field: input.field },
        update: { field: input.field },
        select: { id: true },
      });
      await writeAuditEvent(tx, {
        action: "import.mapping.save",
        result: "SUCCESS",
        userId: viewer.userId,
        objectType: "import_header_mapping",
        objectId: String(saved.id),
        clientAddress,
        details: { ...details, regionId: unit.regionId },
      });
      return { header, field: input.field };
    }),
  );
}
