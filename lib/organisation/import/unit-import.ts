import { z } from "zod";
import { parseAdminInput } from "@/lib/admin/admin-access";
import type { Viewer } from "@/lib/auth/policies";
import type { DbReader } from "@/lib/budgets/db-client";
import { requireRegionAdministrator } from "../organisation-access";
import { UNIT_FIELD_HEADERS, UNIT_FIELDS } from "./import-columns";
import { importRegion, readImportFile, type ImportFile } from "./import-file";
import { parseUnitRows } from "./parse-unit-rows";
import { planUnitImport, type UnitImportPlan } from "./plan-unit-import";
import { selectImportSheet } from "./select-import-sheet";

export const unitImportSchema = z.object({
  regionId: z.coerce.number({ error: "请选择地区。" }).int("请选择地区。").positive("请选择地区。"),
});

/**
 * The dry run's work, shared by preview and apply: who may import into the region, then the
 * file read safely, its sheet and columns found, its rows checked and compared with the region.
 */
export async function planUnitImportFile(tx: DbReader, viewer: Viewer | null, raw: unknown, file: ImportFile, lock: boolean): Promise<UnitImportPlan> {
  const { regionId } = parseAdminInput(unitImportSchema, raw);
  await requireRegionAdministrator(tx, viewer, regionId);
  const region = await importRegion(tx, regionId, lock);
  const read = await readImportFile(file);
  if (!read.ok) return planUnitImport(tx, region, "", [], read.problems);
  const selected = selectImportSheet(read.data, UNIT_FIELDS, UNIT_FIELD_HEADERS);
  if (!selected.ok) return planUnitImport(tx, region, "", [], selected.problems);
  const parsed = parseUnitRows(selected.value);
  return planUnitImport(tx, region, selected.value.sheet, parsed.rows, parsed.problems);
}
