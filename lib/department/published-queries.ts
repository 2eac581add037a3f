import type { DbReader } from "@/lib/budgets/db-client";
import type { ArtifactKind } from "@/lib/generated/prisma/enums";
import type { DepartmentDocumentKey } from "@/lib/publication/document-paths";
import { fileBytesOf, PUBLISHED_FILES, type PublishedFileBytes, type PublishedFileInfo } from "@/lib/publication/queries";

/** A published version of a department's 部门预算, as the public server needs it. */
export interface PublishedDepartmentVersion {
  snapshotId: number;
  departmentId: number;
  version: number;
  publishedAt: Date;
  correctionNote: string | null;
  supersededById: number | null;
  files: PublishedFileInfo[];
}

/** Every published version of a department's budget for a year, oldest first, with its files (not their bytes). One query. */
export async function listPublishedDepartmentVersions(db: DbReader, key: DepartmentDocumentKey): Promise<PublishedDepartmentVersion[]> {
  const rows = await db.departmentSnapshot.findMany({
    where: { year: key.year, department: { code: key.departmentCode } },
    select: {
      id: true,
      departmentId: true,
      version: true,
      publishedAt: true,
      correctionNote: true,
      supersededById: true,
      artifacts: PUBLISHED_FILES,
    },
    orderBy: [{ departmentId: "asc" }, { version: "asc" }],
  });
  return rows.map(({ id, artifacts, ...row }) => ({ ...row, snapshotId: id, files: artifacts }));
}

/** The stored bytes of one file of a department snapshot (raw SQL for the same reason as loadPublishedFile). */
export async function loadPublishedDepartmentFile(db: DbReader, snapshotId: number, kind: ArtifactKind): Promise<PublishedFileBytes | null> {
  const [row] = await db.$queryRaw<{ bytes: Uint8Array; sha256: string }[]>`
    SELECT a."bytes", coalesce(l."sha256", '') AS "sha256" FROM "department_artifacts" a
    LEFT JOIN "publication_ledger" l ON l."document_scope" = 'department' AND l."artifact_id" = a."id"
    WHERE a."snapshot_id" = ${snapshotId} AND a."kind" = ${kind}::"artifact_kind"`;
  return fileBytesOf(row);
}

/** A unit a department version covers that published a newer (corrected) version since. */
export interface UnitCorrectedSince {
  unitCode: string;
  unitName: string;
  year: number;
  version: number;
  publishedAt: Date;
}

/**
 * The units of a department snapshot whose budget has a published version newer than the one the
 * snapshot sums: the department document is then out of date until it is republished. Two queries.
 */
export async function listUnitsCorrectedSince(db: DbReader, departmentSnapshotId: number): Promise<UnitCorrectedSince[]> {
  const covered = await db.departmentSnapshotBudget.findMany({
    where: { snapshotId: departmentSnapshotId },
    select: { budget: { select: { unitId: true, year: true, version: true } } },
  });
  if (covered.length === 0) return [];
  const newer = await db.publishedSnapshot.findMany({
    where: { OR: covered.map(({ budget }) => ({ unitId: budget.unitId, year: budget.year, version: { gt: budget.version } })) },
    orderBy: [{ unitId: "asc" }, { version: "desc" }],
    select: { unitId: true, year: true, version: true, publishedAt: true, unit: { select: { code: true, name: true } } },
  });
  const newestPerUnit = new Map<number, (typeof newer)[number]>();
  for (const row of newer) if (!newestPerUnit.has(row.unitId)) newestPerUnit.set(row.unitId, row);
  return [...newestPerUnit.values()].map((row) => ({
    unitCode: row.unit.code,
    unitName: row.unit.name,
    year: row.year,
    version: row.version,
    publishedAt: row.publishedAt,
  }));
}
