import type { DbReader } from "@/lib/budgets/db-client";

/**
 * How many documents contain a lexeme, from PostgreSQL's own statistics of the index's tsvector
 * columns (`pg_stats.most_common_elems`, refreshed by ANALYZE and autovacuum): the search uses it
 * to tell a word most documents contain (answered by reading documents newest first until a page
 * is full) from a rarer one (answered by the GIN index alone). Read from the catalog at most once
 * a minute per process; an estimate, never a result.
 */
export interface LexemeStatistics {
  /** rows of search_documents (pg_class.reltuples; 0 before the first ANALYZE) */
  documents: number;
  /** per column: lexeme → fraction of documents containing it, for its most common lexemes */
  frequencies: Record<TsvectorColumn, Map<string, number>>;
  /** per column: the lowest frequency listed (a lexeme not listed is at most this common) */
  floor: Record<TsvectorColumn, number>;
}

export type TsvectorColumn = "tsv" | "name_tsv";

const MAX_AGE_MS = 60_000;
let cached: { at: number; value: Promise<LexemeStatistics> } | null = null;

export function lexemeStatistics(db: DbReader, now: number = Date.now()): Promise<LexemeStatistics> {
  if (cached === null || now - cached.at > MAX_AGE_MS) {
    const value = loadLexemeStatistics(db);
    cached = { at: now, value };
    value.catch(() => {
      cached = null;
    });
  }
  return cached.value;
}

async function loadLexemeStatistics(db: DbReader): Promise<LexemeStatistics> {
  const rows = await db.$queryRaw<{ column: TsvectorColumn; elems: string[] | null; freqs: number[] | null; documents: number }[]>`
    SELECT s.attname AS column, s.most_common_elems::text::text[] AS elems, s.most_common_elem_freqs::float8[] AS freqs,
           greatest(c.reltuples, 0)::float8 AS documents
      FROM pg_class c LEFT JOIN pg_stats s ON s.tablename = c.relname AND s.schemaname = current_schema() AND s.attname IN ('tsv', 'name_tsv')
     WHERE c.relname = 'search_documents' AND c.relnamespace = current_schema()::regnamespace`;
  const statistics: LexemeStatistics = {
    documents: Number(rows[0]?.documents ?? 0),
    frequencies: { tsv: new Map(), name_tsv: new Map() },
    floor: { tsv: 1, name_tsv: 1 },
  };
  for (const row of rows) {
    if (row.column === null || row.elems === null || row.freqs === null) continue;
    const map = statistics.frequencies[row.column];
    row.elems.forEach((lexeme, i) => map.set(lexeme, Number(row.freqs?.[i] ?? 0)));
    // The array ends with the minimum, the maximum and the null fraction.
    statistics.floor[row.column] = Number(row.freqs[row.elems.length] ?? 1);
  }
  return statistics;
}

/**
 * At most how many documents contain all these lexemes (the rarest one's count); null when the
 * statistics cannot tell (none yet, or only code prefixes, which match many lexemes).
 */
export function estimateMatches(statistics: LexemeStatistics, column: TsvectorColumn, lexemes: readonly { text: string; isPrefix: boolean }[]): number | null {
  const exact = lexemes.filter((l) => !l.isPrefix);
  if (statistics.documents === 0 || statistics.frequencies[column].size === 0 || exact.length === 0) return null;
  const frequency = Math.min(...exact.map((l) => statistics.frequencies[column].get(l.text) ?? Math.min(statistics.floor[column], 1)));
  return frequency * statistics.documents;
}

/** The years documents are published for, newest first, from the year filter lexemes (`#y2024`) in the statistics. */
export function publishedYears(statistics: LexemeStatistics): number[] {
  return [...statistics.frequencies.tsv.keys()]
    .filter((lexeme) => /^#y\d{4}$/.test(lexeme))
    .map((lexeme) => Number(lexeme.slice(2)))
    .sort((a, b) => b - a);
}
