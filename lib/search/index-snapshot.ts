import type { DbClient, DbReader } from "@/lib/budgets/db-client";
import type { SnapshotContent } from "@/lib/publication/snapshot-content";
import { combinedTsvectorLiteral, filterTsvectorLiteral, tsvectorLiteral } from "./bigrams";
import { searchEntriesOf, toStoredEntries } from "./search-entries";

export type IndexedDocumentKind = "unit" | "department";

interface SourceRow {
  content: SnapshotContent;
  year: number;
  version: number;
  owner_code: string;
  region_codes: string[];
}

/**
 * The search index row of one published document (docs/decisions/0027-search-at-scale.md): its
 * filter columns, its names (trigram index), the lexemes of its names (name matches first) and
 * of all its entries (candidate documents), and its entries as JSON (the hits shown).
 */
async function insertDocument(tx: DbReader, kind: IndexedDocumentKind, snapshotId: number, row: SourceRow): Promise<void> {
  const { budget, narrative } = row.content;
  const regionCode = row.region_codes[row.region_codes.length - 1] ?? budget.region.code;
  const entries = searchEntriesOf(row.content);
  const texts = entries.map((e) => `${e.code} ${e.title} ${e.body}`);
  const names = entries.filter((e) => e.kind === "unit" || e.kind === "department" || e.kind === "project").map((e) => e.title);
  const nameText = `${row.owner_code} ${budget.unit.name} ${budget.department.code} ${budget.department.name}`;
  const filters = filterTsvectorLiteral([
    ...row.region_codes.map((code) => ["region", code] as const),
    ["year", row.year],
    ["department", budget.department.code],
    ["kind", kind],
  ]);
  const unitSnapshot = kind === "unit" ? snapshotId : null;
  const departmentSnapshot = kind === "department" ? snapshotId : null;
  await tx.$executeRaw`
    INSERT INTO search_documents (snapshot_id, department_snapshot_id, document_kind, year, version, unit_code, unit_name,
                                  department_code, department_name, region_code, region_codes, total_fen, amount_unit,
                                  names, entries, name_tsv, tsv)
    VALUES (${unitSnapshot}, ${departmentSnapshot}, ${kind}, ${row.year}, ${row.version}, ${row.owner_code}, ${budget.unit.name},
            ${budget.department.code}, ${budget.department.name}, ${regionCode}, ${row.region_codes}::text[],
            ${String(narrative.figures.expenditureTotal)}::bigint, ${budget.amountUnit}, ${[...new Set(names)].join("\n")},
            ${JSON.stringify(toStoredEntries(entries))}::jsonb, strip(${tsvectorLiteral(nameText)}::tsvector || ${filters}::tsvector),
            strip(${combinedTsvectorLiteral(texts)}::tsvector || ${filters}::tsvector))`;
}

/**
 * Writes the search index row of one published unit snapshot (a 单位预算), from its stored
 * content, and removes the row of the version it supersedes: the index holds the current version
 * of each document only. Does nothing when the snapshot is already indexed or superseded, so the
 * publisher (inside its transaction) and the backfill can both call it safely. Reads the snapshot
 * and writes only the index: nothing published changes.
 */
export async function indexPublishedSnapshot(tx: DbReader, snapshotId: number): Promise<boolean> {
  const rows = await tx.$queryRaw<SourceRow[]>`
    WITH RECURSIVE chain AS (
      SELECT r.id, r.code, r.parent_id, 0 AS depth
        FROM published_snapshots s JOIN units u ON u.id = s.unit_id JOIN regions r ON r.id = u.region_id
       WHERE s.id = ${snapshotId}
      UNION ALL
      SELECT r.id, r.code, r.parent_id, c.depth + 1 FROM regions r JOIN chain c ON r.id = c.parent_id WHERE c.depth < 10
    )
    SELECT s.content, s.year, s.version, u.code AS owner_code,
           (SELECT array_agg(code ORDER BY depth DESC) FROM chain) AS region_codes
      FROM published_snapshots s JOIN units u ON u.id = s.unit_id
     WHERE s.id = ${snapshotId} AND s.superseded_by_id IS NULL
       AND NOT EXISTS (SELECT 1 FROM search_documents d WHERE d.snapshot_id = s.id)`;
  const row = rows[0];
  if (row === undefined) return false;
  await tx.$executeRaw`
    DELETE FROM search_documents d USING published_snapshots s WHERE s.superseded_by_id = ${snapshotId} AND d.snapshot_id = s.id`;
  await insertDocument(tx, "unit", snapshotId, row);
  return true;
}

/** The same for a published department snapshot (a 部门预算, ADR 0011). */
export async function indexDepartmentSnapshot(tx: DbReader, snapshotId: number): Promise<boolean> {
  const rows = await tx.$queryRaw<SourceRow[]>`
    WITH RECURSIVE chain AS (
      SELECT r.id, r.code, r.parent_id, 0 AS depth
        FROM department_snapshots s JOIN departments dp ON dp.id = s.department_id JOIN regions r ON r.id = dp.region_id
       WHERE s.id = ${snapshotId}
      UNION ALL
      SELECT r.id, r.code, r.parent_id, c.depth + 1 FROM regions r JOIN chain c ON r.id = c.parent_id WHERE c.depth < 10
    )
    SELECT s.content, s.year, s.version, dp.code AS owner_code,
           (SELECT array_agg(code ORDER BY depth DESC) FROM chain) AS region_codes
      FROM department_snapshots s JOIN departments dp ON dp.id = s.department_id
     WHERE s.id = ${snapshotId} AND s.superseded_by_id IS NULL
       AND NOT EXISTS (SELECT 1 FROM search_documents d WHERE d.department_snapshot_id = s.id)`;
  const row = rows[0];
  if (row === undefined) return false;
  await tx.$executeRaw`
    DELETE FROM search_documents d USING department_snapshots s
     WHERE s.superseded_by_id = ${snapshotId} AND d.department_snapshot_id = s.id`;
  await insertDocument(tx, "department", snapshotId, row);
  return true;
}

/**
 * Indexes every current published unit and department snapshot that has no index row yet
 * (publications from before this index, or an index that was dropped by a migration), each batch
 * in its own short transaction. Idempotent; changes nothing published. Returns how many documents
 * it indexed.
 */
export async function indexUnindexedSnapshots(db: DbClient & DbReader, options: { batchSize?: number } = {}): Promise<number> {
  const batchSize = options.batchSize ?? 200;
  let indexed = 0;
  for (;;) {
    const missing = await db.$queryRaw<{ id: number; kind: IndexedDocumentKind }[]>`
      (SELECT s.id, 'unit' AS kind FROM published_snapshots s
        WHERE s.superseded_by_id IS NULL AND NOT EXISTS (SELECT 1 FROM search_documents d WHERE d.snapshot_id = s.id)
        ORDER BY s.id LIMIT ${batchSize})
      UNION ALL
      (SELECT s.id, 'department' FROM department_snapshots s
        WHERE s.superseded_by_id IS NULL AND NOT EXISTS (SELECT 1 FROM search_documents d WHERE d.department_snapshot_id = s.id)
        ORDER BY s.id LIMIT ${batchSize})`;
    if (missing.length === 0) return indexed;
    await db.$transaction(async (tx) => {
      for (const { id, kind } of missing) {
        const done = kind === "unit" ? await indexPublishedSnapshot(tx, id) : await indexDepartmentSnapshot(tx, id);
        if (done) indexed += 1;
      }
    });
  }
}
