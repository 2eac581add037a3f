import type { DbReader } from "@/lib/budgets/db-client";
import { prisma } from "@/lib/db";
import type { SnapshotContent } from "@/lib/publication/snapshot-content";

export interface PublishedContent {
  snapshotId: number;
  version: number;
  contentHash: string;
  regionCode: string;
  content: SnapshotContent;
}

/**
 * The frozen content of the newest published version of each unit budget of a year, in a region
 * and its sub-regions (optionally one unit), in department and unit code order. Published
 * snapshots only. One query.
 */
export async function loadPublishedContents(
  filter: { regionCode: string | null; year: number; unitCode?: string },
  db: DbReader = prisma,
): Promise<PublishedContent[]> {
  const unitCode = filter.unitCode ?? null;
  const rows = await db.$queryRaw<{ id: number; version: number; content_hash: string; region_code: string; content: SnapshotContent }[]>`
    WITH RECURSIVE scope AS (
      SELECT id FROM regions WHERE ${filter.regionCode}::text IS NULL OR code = ${filter.regionCode}
      UNION
      SELECT r.id FROM regions r JOIN scope s ON r.parent_id = s.id WHERE ${filter.regionCode}::text IS NOT NULL
    )
    SELECT s.id, s.version, s.content_hash, r.code AS region_code, s.content
      FROM published_snapshots s JOIN units u ON u.id = s.unit_id JOIN departments d ON d.id = u.department_id JOIN regions r ON r.id = u.region_id
     WHERE s.superseded_by_id IS NULL AND s.year = ${filter.year} AND u.region_id IN (SELECT id FROM scope)
       AND (${unitCode}::text IS NULL OR u.code = ${unitCode})
     ORDER BY r.code, d.code, u.code`;
  return rows.map((r) => ({ snapshotId: r.id, version: r.version, contentHash: r.content_hash, regionCode: r.region_code, content: r.content }));
}

/** The region's name, or null for an unknown code. */
export async function findRegion(code: string, db: DbReader = prisma): Promise<{ code: string; name: string } | null> {
  return db.region.findUnique({ where: { code }, select: { code: true, name: true } });
}

/** The stored JSON download of the newest published version of a unit's budget, with its region. */
export async function loadPublishedJson(
  filter: { year: number; unitCode: string; regionCode: string | null },
  db: DbReader = prisma,
): Promise<{ regionCode: string; bytes: Buffer; sha256: string }[]> {
  const rows = await db.$queryRaw<{ region_code: string; bytes: Uint8Array; sha256: string }[]>`
    SELECT r.code AS region_code, a.bytes, a.sha256
      FROM published_snapshots s JOIN units u ON u.id = s.unit_id JOIN regions r ON r.id = u.region_id
      JOIN published_artifacts a ON a.snapshot_id = s.id AND a.kind = 'JSON'
     WHERE s.superseded_by_id IS NULL AND s.year = ${filter.year} AND u.code = ${filter.unitCode}
       AND (${filter.regionCode}::text IS NULL OR r.code = ${filter.regionCode})`;
  return rows.map((r) => ({ regionCode: r.region_code, bytes: Buffer.from(r.bytes), sha256: r.sha256 }));
}
