import type { Viewer } from "@/lib/auth/policies";
import { assertCanEdit, findReadableBudget } from "@/lib/budgets/budget-access";
import type { DbReader } from "@/lib/budgets/db-client";
import { loadBudget, type LoadedBudget } from "@/lib/budgets/queries";
import { AppError } from "@/lib/app-error";
import { SHEET_KINDS, type HeaderMapping, type SheetKind } from "@/lib/import/excel/import-types";

/** The header mappings a region has learned, for the next workbook of any of its units. */
export async function loadRegionMappings(db: DbReader, regionId: number): Promise<HeaderMapping[]> {
  const rows = await db.importHeaderMapping.findMany({
    where: { regionId },
    select: { sheetKind: true, header: true, field: true },
    orderBy: { id: "asc" },
  });
  return rows.flatMap((row) => (isSheetKind(row.sheetKind) ? [{ sheetKind: row.sheetKind, header: row.header, field: row.field }] : []));
}

function isSheetKind(value: string): value is SheetKind {
  return (SHEET_KINDS as readonly string[]).includes(value);
}

export interface ImportTarget {
  loaded: LoadedBudget;
  regionId: number;
  mappings: HeaderMapping[];
}

/**
 * The draft a workbook is imported into, for its unit's accountant only (other units' drafts
 * stay invisible; a submitted budget is refused), with the year's code book and the region's mappings.
 */
export async function loadImportTarget(tx: DbReader, viewer: Viewer | null, key: { unitCode: string; year: number }): Promise<ImportTarget> {
  const target = await findReadableBudget(tx, viewer, key);
  assertCanEdit(viewer, target);
  const loaded = await loadBudget(tx, { ...key, version: target.version });
  if (loaded === null || loaded.meta.id !== target.id) throw new AppError("CONFLICT", "预算已被他人修改，请刷新后重试。");
  return { loaded, regionId: target.scope.regionId, mappings: await loadRegionMappings(tx, target.scope.regionId) };
}
