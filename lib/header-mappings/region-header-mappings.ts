import { AppError } from "@/lib/app-error";
import { canAdminister, type Viewer } from "@/lib/auth/policies";
import type { DbReader } from "@/lib/budgets/db-client";
import { SHEET_KINDS, type SheetKind } from "@/lib/import/excel/import-types";
import { MAPPABLE_FIELDS } from "@/lib/import/excel/mappable-fields";
import { SHEET_KIND_LABELS } from "@/lib/import/excel/sheet-kind-labels";

export interface RegionHeaderMappingRow {
  id: number;
  sheetKind: string;
  sheetLabel: string;
  header: string;
  field: string;
  fieldLabel: string;
  updatedAt: string;
}

export interface RegionHeaderMappings {
  region: { id: number; code: string; name: string };
  mappings: RegionHeaderMappingRow[];
  /** what the add form offers: each kind of sheet with the fields its headers can be mapped to */
  choices: { sheetKind: SheetKind; sheetLabel: string; fields: { field: string; label: string }[] }[];
}

export function isSheetKind(value: string): value is SheetKind {
  return (SHEET_KINDS as readonly string[]).includes(value);
}

/** The region a 系统管理员 (ADMIN) administers, by its code; another region's stays invisible. */
export async function findAdministeredRegion(db: DbReader, viewer: Viewer | null, regionCode: string): Promise<{ id: number; code: string; name: string }> {
  if (viewer === null) throw new AppError("UNAUTHENTICATED", "请先登录。");
  const region = await db.region.findUnique({ where: { code: regionCode }, select: { id: true, code: true, name: true } });
  if (region === null) throw new AppError("NOT_FOUND", "未找到该地区。");
  if (!canAdminister(viewer, { regionId: region.id })) throw new AppError("FORBIDDEN", "只有本地区的系统管理员可以管理 Excel 表头对应关系。");
  return region;
}

/** The Excel header mappings a region has learned, for its administrator. */
export async function loadRegionHeaderMappings(db: DbReader, viewer: Viewer | null, regionCode: string): Promise<RegionHeaderMappings> {
  const region = await findAdministeredRegion(db, viewer, regionCode);
  const rows = await db.importHeaderMapping.findMany({
    where: { regionId: region.id },
    orderBy: [{ sheetKind: "asc" }, { header: "asc" }],
    select: { id: true, sheetKind: true, header: true, field: true, updatedAt: true },
  });
  return {
    region,
    mappings: rows.map((row) => {
      const kind = isSheetKind(row.sheetKind) ? row.sheetKind : null;
      return {
        id: row.id,
        sheetKind: row.sheetKind,
        sheetLabel: kind ? SHEET_KIND_LABELS[kind] : row.sheetKind,
        header: row.header,
        field: row.field,
        fieldLabel: (kind && MAPPABLE_FIELDS[kind].find((s) => s.field === row.field)?.label) ?? row.field,
        updatedAt: row.updatedAt.toISOString(),
      };
    }),
    choices: SHEET_KINDS.map((sheetKind) => ({
      sheetKind,
      sheetLabel: SHEET_KIND_LABELS[sheetKind],
      fields: MAPPABLE_FIELDS[sheetKind].map((s) => ({ field: s.field, label: s.label })),
    })),
  };
}
