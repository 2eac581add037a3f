import type { AdminRequest } from "@/lib/admin/admin-access";
import { auditingAdminRefusals } from "@/lib/admin/admin-access";
import type { Viewer } from "@/lib/auth/policies";
import type { DbClient } from "@/lib/budgets/db-client";
import { rawField, requireAnyAdministrator } from "../organisation-access";
import type { ImportFile } from "./import-file";
import type { UnitImportPlan } from "./plan-unit-import";
import { planUnitImportFile } from "./unit-import";

/** 预览导入 (dry run): every row as it will be written and every refused row; writes nothing but a refusal's audit row. */
export function previewUnitImport(db: DbClient, viewer: Viewer | null, raw: unknown, file: ImportFile, request: AdminRequest = {}): Promise<Omit<UnitImportPlan, "writes">> {
  return auditingAdminRefusals(db, viewer, { action: "organisation.import_preview", objectType: "region", objectId: rawField(raw, "regionId"), clientAddress: request.clientAddress ?? null, details: { fileName: file.fileName.slice(0, 200) } }, async () => {
    requireAnyAdministrator(viewer);
    const { writes: _writes, ...plan } = await db.$transaction((tx) => planUnitImportFile(tx, viewer, raw, file, false), { timeout: 60_000 });
    return plan;
  });
}
