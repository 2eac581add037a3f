import { auditingAdminRefusals, type AdminRequest } from "@/lib/admin/admin-access";
import type { Viewer } from "@/lib/auth/policies";
import type { DbClient } from "@/lib/budgets/db-client";
import { rawField, requireAnySecurityAdministrator } from "../organisation-access";
import { planAccountImportFile } from "./account-import";
import type { ImportFile } from "./import-file";
import type { AccountImportPlan } from "./plan-account-import";

/** 预览账户导入 (dry run): every row as it will be written and every refused row; writes nothing but a refusal's audit row. */
export function previewAccountImport(db: DbClient, viewer: Viewer | null, raw: unknown, file: ImportFile, request: AdminRequest = {}): Promise<Omit<AccountImportPlan, "writes">> {
  return auditingAdminRefusals(db, viewer, { action: "accounts.import_preview", objectType: "region", objectId: rawField(raw, "regionId"), clientAddress: request.clientAddress ?? null, details: { fileName: file.fileName.slice(0, 200) } }, async () => {
    requireAnySecurityAdministrator(viewer);
    const { writes: _writes, ...plan } = await db.$transaction((tx) => planAccountImportFile(tx, viewer, raw, file, false), { timeout: 60_000 });
    return plan;
  });
}
