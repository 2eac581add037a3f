import type { DbReader } from "@/lib/budgets/db-client";
import type { ArtifactKind } from "@/lib/generated/prisma/enums";
import type { UnitDocumentKey } from "./document-paths";

export interface PublishedFileInfo {
  kind: ArtifactKind;
  contentType: string;
  fileName: string;
  sha256: string;
  size: number;
}

/** The files of a snapshot as listed (not their bytes), for unit and department snapshots alike. */
export const PUBLISHED_FILES = {
  select: { kind: true, contentType: true, fileName: true, sha256: true, size: true },
  orderBy: { kind: "asc" },
} as const;

export interface PublishedVersion {
  snapshotId: number;
  unitId: number;
  version: number;
  publishedAt: Date;
  correctionNote: string | null;
  supersededById: number | null;
  files: PublishedFileInfo[];
}

/**
 * Every published version of a unit's budget for a year, oldest first, with the files each was
 * published as (not their bytes). Only snapshots exist here: a draft is never public. One query.
 */
export async function listPublishedVersions(db: DbReader, key: UnitDocumentKey): Promise<PublishedVersion[]> {
  const rows = await db.publishedSnapshot.findMany({
    where: { year: key.year, unit: { code: key.unitCode } },
    select: {
      id: true,
      unitId: true,
      version: true,
      publishedAt: true,
      correctionNote: true,
      supersededById: true,
      artifacts: PUBLISHED_FILES,
    },
    orderBy: [{ unitId: "asc" }, { version: "asc" }],
  });
  return rows.map(({ id, artifacts, ...row }) => ({ ...row, snapshotId: id, files: artifacts }));
}

export interface PublishedFileBytes {
  bytes: Buffer;
  /**
   * the sha256 the ledger of published files recorded at publication (migration
   * 20261208090100_tamper_evidence), to check the bytes against: an owner who rewrote both the
   * bytes and the file's own sha256 column is still caught; a file missing from the ledger has ""
   */
  sha256: string;
}

/**
 * The stored bytes of one published file, or null when that file was not published. Raw SQL: a
 * model query converts a large Bytes value several times (about 0.1–0.8 s for a 800 KB PDF,
 * blocking the server), the raw query hands over the driver's buffer (about 30 ms).
 */
export async function loadPublishedFile(db: DbReader, snapshotId: number, kind: ArtifactKind): Promise<PublishedFileBytes | null> {
  const [row] = await db.$queryRaw<{ bytes: Uint8Array; sha256: string }[]>`
    SELECT a."bytes", coalesce(l."sha256", '') AS "sha256" FROM "published_artifacts" a
    LEFT JOIN "publication_ledger" l ON l."document_scope" = 'unit' AND l."artifact_id" = a."id"
    WHERE a."snapshot_id" = ${snapshotId} AND a."kind" = ${kind}::"artifact_kind"`;
  return fileBytesOf(row);
}

/** A raw query's artifact row as served: the driver's buffer, not a copy. */
export function fileBytesOf(row: { bytes: Uint8Array; sha256: string } | undefined): PublishedFileBytes | null {
  return row === undefined ? null : { bytes: Buffer.from(row.bytes.buffer, row.bytes.byteOffset, row.bytes.byteLength), sha256: row.sha256 };
}
