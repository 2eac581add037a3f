import type { Viewer } from "@/lib/auth/policies";
import type { DbReader } from "@/lib/budgets/db-client";
import { parseAdminInput } from "@/lib/admin/admin-access";
import { requireRegionSecurityAdministrator } from "../organisation-access";
import { ACCOUNT_FIELD_HEADERS, ACCOUNT_FIELDS } from "./import-columns";
import { importRegion, readImportFile, type ImportFile } from "./import-file";
import { parseAccountRows } from "./parse-account-rows";
import { planAccountImport, type AccountImportPlan } from "./plan-account-import";
import { selectImportSheet } from "./select-import-sheet";
import { unitImportSchema } from "./unit-import";

/** The accounts dry run's work, shared by preview and apply (as planUnitImportFile for units). */
export async function planAccountImportFile(tx: DbReader, viewer: Viewer | null, raw: unknown, file: ImportFile, lock: boolean): Promise<AccountImportPlan> {
  const { regionId } = parseAdminInput(unitImportSchema, raw);
  await requireRegionSecurityAdministrator(tx, viewer, regionId);
  const region = await importRegion(tx, regionId, lock);
  const read = await readImportFile(file);
  if (!read.ok) return planAccountImport(tx, region, "", [], read.problems);
  const selected = selectImportSheet(read.data, ACCOUNT_FIELDS, ACCOUNT_FIELD_HEADERS);
  if (!selected.ok) return planAccountImport(tx, region, "", [], selected.problems);
  const parsed = parseAccountRows(selected.value);
  return planAccountImport(tx, region, selected.value.sheet, parsed.rows, parsed.problems);
}
