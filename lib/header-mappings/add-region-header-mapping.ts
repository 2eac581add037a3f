import { z } from "zod";
import { AppError } from "@/lib/app-error";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import type { Viewer } from "@/lib/auth/policies";
import { auditingRefusals } from "@/lib/budgets/budget-access";
import type { DbClient } from "@/lib/budgets/db-client";
import { SHEET_KINDS } from "@/lib/import/excel/import-types";
import { isMappableField } from "@/lib/import/excel/mappable-fields";
import { normalizeHeader } from "@/lib/spreadsheet/header-map";
import { findAdministeredRegion } from "./region-header-mappings";

const schema = z.object({
  regionCode: z.string().trim().min(1, "缺少地区代码。").max(20),
  sheetKind: z.enum(SHEET_KINDS, { error: "请选择工作表类型。" }),
  header: z.string().trim().min(1, "请填写表头文字。").max(200, "表头文字过长（最多200字）。"),
  field: z.string().trim().min(1, "请选择该列对应的内容。").max(60),
});

/**
 * A 系统管理员 of the region teaches it a workbook header once, for every unit of the region: the
 * header (normalised as the reader normalises it) of a kind of sheet maps to a field. Replaces an
 * existing mapping of the same header. The mapping and its audit row are written in one transaction.
 */
export async function addRegionHeaderMapping(db: DbClient, viewer: Viewer | null, raw: unknown, clientAddress: string | null = null): Promise<{ id: number; header: string }> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) (fieldErrors[String(issue.path[0] ?? "")] ??= []).push(issue.message);
    throw new AppError("INVALID_INPUT", "请检查标出的内容后重新提交。", fieldErrors);
  }
  const input = parsed.data;
  const header = normalizeHeader(input.header);
  const details = { regionCode: input.regionCode, sheetKind: input.sheetKind, header, field: input.field };
  return auditingRefusals(db, viewer, { action: "import.mapping.save", details, clientAddress, objectType: "import_header_mapping" }, () =>
    db.$transaction(async (tx) => {
      const region = await findAdministeredRegion(tx, viewer, input.regionCode);
      if (header === "") throw new AppError("INVALID_INPUT", "表头文字不能只有空格或符号。", { header: ["表头文字不能只有空格或符号。"] });
      if (!isMappableField(input.sheetKind, input.field)) {
        throw new AppError("INVALID_INPUT", "所选内容不属于该工作表，请重新选择。", { field: ["所选内容不属于该工作表，请重新选择。"] });
      }
      const saved = await tx.importHeaderMapping.upsert({
        where: { regionId_sheetKind_header: { regionId: region.id, sheetKind: input.sheetKind, header } },
        create: { regionId: region.id, sheetKind: input.sheetKind, header, field: input.field },
        update: { field: input.field },
        select: { id: true },
      });
      await writeAuditEvent(tx, {
        action: "import.mapping.save",
        result: "SUCCESS",
        userId: viewer?.userId ?? null,
        objectType: "import_header_mapping",
        objectId: String(saved.id),
        clientAddress,
        details: { ...details, regionId: region.id },
      });
      return { id: saved.id, header };
    }),
  );
}
