import type { DbReader } from "@/lib/budgets/db-client";
import { prisma } from "@/lib/db";
import type { ArtifactKind } from "@/lib/generated/prisma/enums";
import { ARTIFACT_KIND_OF, downloadPath, latestPath, versionPath, type DocumentKey, type DownloadFormat } from "@/lib/publication/document-paths";

export interface IndexedFile {
  format: DownloadFormat;
  url: string;
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
}

export interface IndexedDocument {
  /** `unit`: a unit's 单位预算; `department`: a department's 部门预算 */
  type: "unit" | "department";
  year: number;
  version: number;
  publishedAt: string;
  contentHash: string;
  unit: { code: string; name: string } | null;
  department: { code: string; name: string };
  region: { code: string; name: string };
  /** the newest version's address, and this version's */
  url: string;
  versionUrl: string;
  /** the Fiscal Data Package of a unit's document (null for a department's) */
  datapackage: string | null;
  /** the document's tables as JSON through the API (null for a department's) */
  api: string | null;
  files: IndexedFile[];
}

const FORMAT_OF: Partial<Record<ArtifactKind, DownloadFormat>> = Object.fromEntries(
  Object.entries(ARTIFACT_KIND_OF).map(([format, kind]) => [kind, format as DownloadFormat]),
);

interface Row {
  type: "unit" | "department";
  year: number;
  version: number;
  published_at: Date;
  content_hash: string;
  unit_code: string | null;
  unit_name: string | null;
  department_code: string;
  department_name: string;
  region_code: string;
  region_name: string;
  files: { kind: ArtifactKind; file_name: string; content_type: string; size: number; sha256: string }[] | null;
}

/**
 * Every newest published version (units' 单位预算 and departments' 部门预算) of a region and its
 * sub-regions and/or of a year, with its files and their sha256, in region, year, code order.
 * Reads snapshots and file metadata only (never the bytes, never a draft). Two queries at most.
 */
export async function listPublishedDocuments(filter: { regionCode?: string | null; year?: number | null }, db: DbReader = prisma): Promise<IndexedDocument[]> {
  const regionCode = filter.regionCode ?? null;
  const year = filter.year ?? null;
  const rows = await db.$queryRaw<Row[]>`
    WITH RECURSIVE scope AS (
      SELECT id FROM regions WHERE ${regionCode}::text IS NULL OR code = ${regionCode}
      UNION
      SELECT r.id FROM regions r JOIN scope s ON r.parent_id = s.id WHERE ${regionCode}::text IS NOT NULL
    )
    SELECT 'unit' AS type, s.year, s.version, s.published_at, s.content_hash, u.code AS unit_code, u.name AS unit_name,
           d.code AS department_code, d.name AS department_name, r.code AS region_code, r.name AS region_name,
           (SELECT json_agg(json_build_object('kind', a.kind, 'file_name', a.file_name, 'content_type', a.content_type, 'size', a.size, 'sha256', a.sha256) ORDER BY a.kind)
              FROM published_artifacts a WHERE a.snapshot_id = s.id AND a.kind <> 'HTML') AS files
      FROM published_snapshots s JOIN units u ON u.id = s.unit_id JOIN departments d ON d.id = u.department_id JOIN regions r ON r.id = u.region_id
     WHERE s.superseded_by_id IS NULL AND u.region_id IN (SELECT id FROM scope) AND (${year}::int IS NULL OR s.year = ${year})
    UNION ALL
    SELECT 'department', s.year, s.version, s.published_at, s.content_hash, NULL, NULL, d.code, d.name, r.code, r.name,
           (SELECT json_agg(json_build_object('kind', a.kind, 'file_name', a.file_name, 'content_type', a.content_type, 'size', a.size, 'sha256', a.sha256) ORDER BY a.kind)
              FROM department_artifacts a WHERE a.snapshot_id = s.id AND a.kind <> 'HTML')
      FROM department_snapshots s JOIN departments d ON d.id = s.department_id JOIN regions r ON r.id = d.region_id
     WHERE s.superseded_by_id IS NULL AND d.region_id IN (SELECT id FROM scope) AND (${year}::int IS NULL OR s.year = ${year})
     ORDER BY region_code, year DESC, department_code, type DESC, unit_code`;
  return rows.map((row) => {
    const key: DocumentKey =
      row.type === "unit" ? { year: row.year, unitCode: row.unit_code ?? "" } : { year: row.year, departmentCode: row.department_code };
    const unitApi = row.type === "unit" ? `/api/v1/documents/${row.year}/${row.unit_code}${row.region_code ? `?region=${row.region_code}` : ""}` : null;
    return {
      type: row.type,
      year: row.year,
      version: row.version,
      publishedAt: row.published_at.toISOString(),
      contentHash: row.content_hash,
      unit: row.unit_code === null ? null : { code: row.unit_code, name: row.unit_name ?? "" },
      department: { code: row.department_code, name: row.department_name },
      region: { code: row.region_code, name: row.region_name },
      url: latestPath(key),
      versionUrl: versionPath(key, row.version),
      datapackage: row.type === "unit" ? `/api/v1/documents/${row.year}/${row.unit_code}/datapackage.json?region=${row.region_code}` : null,
      api: unitApi,
      files: (row.files ?? []).flatMap((file) => {
        const format = FORMAT_OF[file.kind];
        return format === undefined
          ? []
          : [{ format, url: downloadPath(key, row.version, format), fileName: file.file_name, contentType: file.content_type, size: file.size, sha256: file.sha256 }];
      }),
    };
  });
}
