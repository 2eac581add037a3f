import type { DbReader } from "@/lib/budgets/db-client";
import { diffTables, type FigureChange } from "@/lib/disclosure/table-diff";
import type { DerivedTables } from "@/lib/disclosure/table-model";
import type { SnapshotContent } from "@/lib/publication/snapshot-content";

/** What a correction changes in the published document, figure by figure. */
export interface PublishedChanges {
  /** the published version this one corrects */
  version: number;
  publishedAt: Date;
  changes: FigureChange[];
}

/**
 * A correction (version n > 1) against the published version n − 1, as the nine tables show
 * them: derived from that version's frozen snapshot, so it is exactly what citizens read now.
 */
export async function loadPublishedChanges(db: DbReader, header: { unitId: number; year: number; version: number }, tables: DerivedTables): Promise<PublishedChanges | null> {
  if (header.version <= 1) return null;
  const published = await db.publishedSnapshot.findUnique({
    where: { unitId_year_version: { unitId: header.unitId, year: header.year, version: header.version - 1 } },
    select: { version: true, publishedAt: true, content: true },
  });
  if (published === null) return null;
  const content = published.content as unknown as SnapshotContent;
  return { version: published.version, publishedAt: published.publishedAt, changes: diffTables(content.tables, tables) };
}
