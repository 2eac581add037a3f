import { createHash } from "node:crypto";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import type { DbClient, DbReader } from "@/lib/budgets/db-client";
import { latestPath, versionPath, type DocumentKey } from "./document-paths";
import type { DocumentRenderers } from "./publish-budget";
import { artifactRows } from "./render-documents";
import type { SnapshotContent } from "./snapshot-content";

/** The files that a version can lack and that can be rendered again later from its frozen content. */
export type AddableKind = "PDF" | "DOCX";

export interface AddedFile {
  /** the versioned page, e.g. /budgets/2024/224001/v1 */
  path: string;
  kind: AddableKind;
  size: number;
  sha256: string;
}

export interface AddMissingFilesResult {
  added: AddedFile[];
  /** versions whose file could not be rendered, with the reason */
  failed: { path: string; kind: AddableKind; reason: string }[];
}

interface MissingFile {
  scope: "unit" | "department";
  snapshotId: number;
  key: DocumentKey;
  version: number;
  contentHash: string;
  content: SnapshotContent;
}

async function findMissing(db: DbReader, kind: AddableKind): Promise<MissingFile[]> {
  const select = { id: true, year: true, version: true, contentHash: true, content: true } as const;
  const [units, departments] = await Promise.all([
    db.publishedSnapshot.findMany({
      where: { artifacts: { none: { kind } } },
      select: { ...select, unit: { select: { code: true } } },
      orderBy: { id: "asc" },
    }),
    db.departmentSnapshot.findMany({
      where: { artifacts: { none: { kind } } },
      select: { ...select, department: { select: { code: true } } },
      orderBy: { id: "asc" },
    }),
  ]);
  return [
    ...units.map((row) => ({
      scope: "unit" as const,
      snapshotId: row.id,
      key: { year: row.year, unitCode: row.unit.code },
      version: row.version,
      contentHash: row.contentHash,
      // Stored as canonical JSON, exactly what was hashed and rendered at publication.
      content: row.content as unknown as SnapshotContent,
    })),
    ...departments.map((row) => ({
      scope: "department" as const,
      snapshotId: row.id,
      key: { year: row.year, departmentCode: row.department.code },
      version: row.version,
      contentHash: row.contentHash,
      content: row.content as unknown as SnapshotContent,
    })),
  ];
}

/**
 * Renders and adds the file of the given kind to every published version (units' and
 * departments') that was published without it: a PDF that could not be rendered at the time,
 * or the Word file of a version published before Word files existed. Only a row is inserted (the artifact tables are append-only): the other files, their
 * hashes and the page stay byte-identical. The file is rendered from the version's frozen
 * content, so it is the file publication would have stored. Each version is its own transaction
 * with its audit row ("publication.add_file"); the public server learns of the new file by the
 * artifact trigger's notification. Running it again adds nothing.
 *
 * An operator's command (npm run gongkai -- publication add-missing-pdf | add-missing-docx): no person signs in for
 * it, so the audit rows name no user and say where they came from.
 */
export async function addMissingFiles(
  db: DbClient & DbReader,
  renderers: Pick<DocumentRenderers, "pdf" | "docx">,
  options: { kind: AddableKind; source: string; onProgress?: (done: number, total: number, path: string) => void },
): Promise<AddMissingFilesResult> {
  const missing = await findMissing(db, options.kind);
  const result: AddMissingFilesResult = { added: [], failed: [] };
  for (const [index, file] of missing.entries()) {
    const path = versionPath(file.key, file.version);
    let bytes: Buffer;
    try {
      const render = options.kind === "PDF" ? renderers.pdf : renderers.docx;
      bytes = await render(file.content, { contentHash: file.contentHash });
    } catch (error) {
      result.failed.push({ path, kind: options.kind, reason: error instanceof Error ? error.message : String(error) });
      options.onProgress?.(index + 1, missing.length, path);
      continue;
    }
    const sha256 = createHash("sha256").update(bytes).digest("hex");
    const [row] = artifactRows(file.snapshotId, [{ kind: options.kind, bytes, sha256 }], {
      owner: file.content.budget.unit.name,
      year: file.key.year,
      version: file.version,
      documentKind: file.scope === "department" ? "部门预算" : "单位预算",
    });
    if (row === undefined) continue;
    const inserted = await db.$transaction(async (tx) => {
      // Another run may have added it meanwhile: the unique (snapshot, kind) key would refuse a second row.
      const { count } =
        file.scope === "unit"
          ? await tx.publishedArtifact.createMany({ data: [row], skipDuplicates: true })
          : await tx.departmentArtifact.createMany({ data: [row], skipDuplicates: true });
      if (count === 0) return false;
      await writeAuditEvent(tx, {
        action: "publication.add_file",
        result: "SUCCESS",
        userId: null,
        objectType: file.scope === "unit" ? "published_snapshot" : "department_snapshot",
        objectId: String(file.snapshotId),
        clientAddress: null,
        details: { path, document: latestPath(file.key), kind: options.kind, sha256, size: bytes.length, source: options.source },
      });
      return true;
    });
    if (inserted) result.added.push({ path, kind: options.kind, size: bytes.length, sha256 });
    options.onProgress?.(index + 1, missing.length, path);
  }
  return result;
}
