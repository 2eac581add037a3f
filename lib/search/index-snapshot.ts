import type { DbClient, DbReader } from "@/lib/budgets/db-client";
import type { SnapshotContent } from "@/lib/publication/snapshot-content";
import { combinedTsvectorLiteral, tsvectorLiteral } from "./bigrams";
import { searchEntriesOf } from "./search-entries";

/**
 * Writes the search index rows of one published unit snapshot, from its stored content: one
 * search_documents row and its search_entries. Does nothing when the snapshot is already indexed,
 * so the publisher (inside its transaction) and the backfill can both call it safely. Reads the
 * snapshot and writes only the index: nothing published changes.
 */
export async function indexPublishedSnapshot(tx: DbReader, snapshotId: number): Promise<boolean> {
  const rows = await tx.$queryRaw<
    { content: SnapshotContent; year: number; version: number; unit_code: string; region_codes: string[] }[]
  >`
    WITH RECURSIVE chain AS (
      SELECT r.id, r.code, r.parent_id, 0 AS depth
        FROM published_snapshots s JOIN units u ON u.id = s.unit_id JOIN regions r ON r.id = u.region_id
       WHERE s.id = ${snapshotId}
      UNION ALL
      SELECT r.id, r.code, r.parent_id, c.depth + 1 FROM regions r JOIN chain c ON r.id = c.parent_id WHERE c.depth < 10
    )
    SELECT s.content, s.year, s.version, u.code AS unit_code,
           (SELECT array_agg(code ORDER BY depth DESC) FROM chain) AS region_codes
      FROM published_snapshots s JOIN units u ON u.id = s.unit_id
     WHERE s.id = ${snapshotId}
       AND NOT EXISTS (SELECT 1 FROM search_documents d WHERE d.snapshot_id = s.id)`;
  const row = rows[0];
  if (row === undefined) return false;
  const { budget, narrative } = row.content;
  const regionCode = row.region_codes[row.region_codes.length - 1] ?? budget.region.code;
  const entries = searchEntriesOf(row.content);
  const texts = entries.map((e) => `${e.code} ${e.title} ${e.body}`);
  await tx.$executeRaw`
    INSERT INTO search_documents (snapshot_id, year, version, unit_code, unit_name, department_code, department_name,
                                  region_code, region_codes, total_fen, amount_unit, tsv)
    VALUES (${snapshotId}, ${row.year}, ${row.version}, ${row.unit_code}, ${budget.unit.name}, ${budget.department.code},
            ${budget.department.name}, ${regionCode}, ${row.region_codes}::text[], ${String(narrative.figures.expenditureTotal)}::bigint,
            ${budget.amountUnit}, strip(${combinedTsvectorLiteral(texts)}::tsvector))
    ON CONFLICT (snapshot_id) DO NOTHING`;
  await tx.$executeRaw`
    INSERT INTO search_entries (snapshot_id, kind, code, title, body, amount_fen, tsv)
    SELECT ${snapshotId}, e.kind, e.code, e.title, e.body, e.amount::bigint, e.tsv::tsvector
      FROM unnest(${entries.map((e) => e.kind)}::text[], ${entries.map((e) => e.code)}::text[], ${entries.map((e) => e.title)}::text[],
                  ${entries.map((e) => e.body)}::text[], ${entries.map((e) => (e.amountFen === null ? null : String(e.amountFen)))}::text[],
                  ${texts.map((t) => tsvectorLiteral(t))}::text[])
           AS e(kind, code, title, body, amount, tsv)`;
  return true;
}

/**
 * Indexes every published unit snapshot that has no index rows yet (existing publications after
 * this feature is deployed, or an index that was dropped), each in its own short transaction.
 * Idempotent; changes nothing published. Returns how many snapshots it indexed.
 */
export async function indexUnindexedSnapshots(db: DbClient & DbReader, options: { batchSize?: number } = {}): Promise<number> {
  const batchSize = options.batchSize ?? 200;
  let indexed = 0;
  for (;;) {
    const missing = await db.$queryRaw<{ id: number }[]>`
      SELECT s.id FROM published_snapshots s
       WHERE NOT EXISTS (SELECT 1 FROM search_documents d WHERE d.snapshot_id = s.id)
       ORDER BY s.id LIMIT ${batchSize}`;
    if (missing.length === 0) return indexed;
    await db.$transaction(async (tx) => {
      for (const { id } of missing) if (await indexPublishedSnapshot(tx, id)) indexed += 1;
    });
  }
}
