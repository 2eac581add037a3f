import type { DbReader } from "@/lib/budgets/db-client";
import type { AmountUnit } from "@/lib/disclosure/types";
import { prisma } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { normalizeText, parseApproximateQuery, parseQuery } from "./bigrams";
import type { EntryKind } from "./search-entries";
import { MAX_PAGE, PAGE_SIZE, type SearchParams } from "./search-params";

export interface SearchHit {
  kind: EntryKind;
  code: string;
  title: string;
  body: string;
  /** in 分; null when the hit has no amount of its own */
  amountFen: number | null;
}

export interface SearchResultDocument {
  year: number;
  version: number;
  unitCode: string;
  unitName: string;
  departmentCode: string;
  departmentName: string;
  regionCode: string;
  /** 支出总计 in 分 */
  totalFen: number;
  amountUnit: AmountUnit;
  /** matching pieces of this document, the best first (at most three) */
  hits: SearchHit[];
  /** how many pieces of it matched */
  hitCount: number;
}

export interface SearchResults {
  /** documents matching, over all pages; counting stops at TOTAL_CAP */
  total: number;
  page: number;
  pageCount: number;
  documents: SearchResultDocument[];
  /** the query's normalized terms, for highlighting */
  terms: string[];
  /**
   * true when nothing matched exactly and these are names that look alike (a misspelt unit or
   * project name), found by trigram similarity
   */
  isApproximate: boolean;
}

interface Row {
  total: bigint;
  year: number;
  version: number;
  unit_code: string;
  unit_name: string;
  department_code: string;
  department_name: string;
  region_code: string;
  total_fen: bigint;
  amount_unit: AmountUnit;
  hit_count: bigint;
  hits: { kind: EntryKind; code: string; title: string; body: string; amount_fen: number | string | null }[];
}

/** Kinds whose title is a name (for the approximate search of misspelt names). */
const NAME_KINDS = ["unit", "department", "project"];

function documentFilters(params: SearchParams): Prisma.Sql {
  const parts: Prisma.Sql[] = [Prisma.sql`s.superseded_by_id IS NULL`];
  if (params.region !== null) parts.push(Prisma.sql`d.region_codes @> ARRAY[${params.region}]::text[]`);
  if (params.year !== null) parts.push(Prisma.sql`d.year = ${params.year}`);
  if (params.department !== null) parts.push(Prisma.sql`d.department_code = ${params.department}`);
  if (params.kind !== null) parts.push(Prisma.sql`e.kind = ${params.kind}`);
  return Prisma.join(parts, " AND ");
}

/** Counting stops here: a page says "2,000 份以上" rather than count every document of a common word. */
export const TOTAL_CAP = MAX_PAGE * PAGE_SIZE;

const ROW_COLUMNS = Prisma.sql`d.year, d.version, d.unit_code, d.unit_name, d.department_code, d.department_name, d.region_code, d.total_fen, d.amount_unit`;

/** Hits first by what they are (a unit's own name or code before a subject or a sentence). */
const KIND_ORDER = Prisma.sql`CASE e.kind WHEN 'unit' THEN 0 WHEN 'department' THEN 1 WHEN 'project' THEN 2 WHEN 'functional' THEN 3 WHEN 'economic' THEN 4 ELSE 5 END`;

/**
 * The fast path: documents whose whole-document tsvector has every lexeme of the query (one GIN
 * lookup that reads no tsvector: no phrase, so no recheck), those whose unit or department name
 * contains the query first, then newest first; the entries of the page's documents only are
 * checked with the phrase query and ranked. A document with all the bigrams of a word but never
 * together (rare) is counted in the total and left off its page.
 */
function documentSearch(db: DbReader, params: SearchParams, query: { tsquery: string; allLexemes: string }, offset: number): Promise<Row[]> {
  const { tsquery, allLexemes } = query;
  const q = params.q.trim();
  const code = normalizeText(q);
  return db.$queryRaw<Row[]>`
    WITH matched AS (
      SELECT d.snapshot_id, d.year,
             (strpos(d.unit_name, ${q}) > 0 OR strpos(d.department_name, ${q}) > 0 OR lower(d.unit_code) = ${code}) AS name_hit
        FROM search_documents d JOIN published_snapshots s ON s.id = d.snapshot_id
       WHERE d.tsv @@ ${allLexemes}::tsquery AND ${documentFilters({ ...params, kind: null })}
    ), page AS (
      SELECT * FROM matched ORDER BY name_hit DESC, year DESC, snapshot_id DESC LIMIT ${PAGE_SIZE} OFFSET ${offset}
    ), page_entries AS (
      -- The page's documents' entries through the snapshot_id index (OFFSET 0 keeps the planner
      -- from using the tsvector index over every document instead), then the phrase on those only.
      SELECT e.* FROM page CROSS JOIN LATERAL (SELECT * FROM search_entries x WHERE x.snapshot_id = page.snapshot_id OFFSET 0) e
       WHERE e.tsv @@ ${tsquery}::tsquery
    )
    SELECT (SELECT count(*) FROM (SELECT 1 FROM matched LIMIT ${TOTAL_CAP}) c) AS total, ${ROW_COLUMNS},
           (SELECT count(*) FROM page_entries e WHERE e.snapshot_id = page.snapshot_id) AS hit_count,
           (SELECT json_agg(json_build_object('kind', h.kind, 'code', h.code, 'title', h.title, 'body', h.body, 'amount_fen', h.amount_fen))
              FROM (SELECT e.* FROM page_entries e WHERE e.snapshot_id = page.snapshot_id
                     ORDER BY (lower(e.code) = ${code}) DESC, ${KIND_ORDER}, e.id LIMIT 3) h) AS hits
      FROM page JOIN search_documents d ON d.snapshot_id = page.snapshot_id
     WHERE EXISTS (SELECT 1 FROM page_entries e WHERE e.snapshot_id = page.snapshot_id)
     ORDER BY page.name_hit DESC, page.year DESC, page.snapshot_id DESC`;
}

/** With a kind filter: matching entries of that kind, grouped by document. */
function entrySearch(db: DbReader, params: SearchParams, tsquery: string, offset: number): Promise<Row[]> {
  const code = normalizeText(params.q.trim());
  return db.$queryRaw<Row[]>`
    WITH hits AS (
      SELECT e.id, e.snapshot_id, e.kind, e.code, e.title, e.body, e.amount_fen, d.year,
             CASE WHEN lower(e.code) = ${code} THEN 0 ELSE 1 END AS rank
        FROM search_entries e
        JOIN search_documents d ON d.snapshot_id = e.snapshot_id
        JOIN published_snapshots s ON s.id = d.snapshot_id
       WHERE e.tsv @@ ${tsquery}::tsquery AND ${documentFilters(params)}
    ), docs AS (
      SELECT snapshot_id, min(rank) AS rank, max(year) AS year, count(*) AS hit_count FROM hits GROUP BY snapshot_id
    ), page AS (
      SELECT * FROM docs ORDER BY rank, year DESC, snapshot_id DESC LIMIT ${PAGE_SIZE} OFFSET ${offset}
    )
    SELECT (SELECT count(*) FROM docs) AS total, ${ROW_COLUMNS}, page.hit_count,
           (SELECT json_agg(json_build_object('kind', h.kind, 'code', h.code, 'title', h.title, 'body', h.body, 'amount_fen', h.amount_fen))
              FROM (SELECT * FROM hits WHERE hits.snapshot_id = page.snapshot_id ORDER BY rank, id LIMIT 3) h) AS hits
      FROM page JOIN search_documents d ON d.snapshot_id = page.snapshot_id
     ORDER BY page.rank, page.year DESC, page.snapshot_id DESC`;
}

/**
 * Searches the newest published version of every unit budget (never a draft, never a superseded
 * version): documents in which every term of the query occurs in one piece (a name, a code, a
 * project's text…), best matches first, with their best three pieces. When nothing matches and
 * the query is a name, names that look alike (pg_trgm similarity) are returned instead, marked
 * `isApproximate`. Two queries at most; the page size is fixed.
 */
export async function searchPublished(params: SearchParams, db: DbReader = prisma): Promise<SearchResults> {
  const parsed = parseQuery(params.q);
  const empty: SearchResults = { total: 0, page: params.page, pageCount: 0, documents: [], terms: parsed?.terms ?? [], isApproximate: false };
  if (parsed === null) return empty;
  const offset = (params.page - 1) * PAGE_SIZE;
  const filters = documentFilters(params);

  const exact = params.kind === null ? await documentSearch(db, params, parsed, offset) : await entrySearch(db, params, parsed.tsquery, offset);
  if (exact.length > 0) return toResults(exact, params, parsed.terms, false);
  if (offset > 0) {
    const counted = await db.$queryRaw<{ total: bigint }[]>`
      SELECT count(*) AS total FROM (
        SELECT 1 FROM search_documents d JOIN published_snapshots s ON s.id = d.snapshot_id
         WHERE d.tsv @@ ${parsed.allLexemes}::tsquery AND ${documentFilters({ ...params, kind: null })} LIMIT ${TOTAL_CAP}) c`;
    const total = Number(counted[0]?.total ?? 0);
    if (total > 0) return toResults([], params, parsed.terms, false, total);
  }

  const name = params.q.trim();
  const loose = parseApproximateQuery(name);
  if (loose === null) return empty;
  // A name typed with a wrong character still shares most of its trigrams with the right one:
  // candidates come from the trigram index on names (similar, or similar to a part of a name);
  // they are kept when similar enough or sharing at least 60 % of the query's bigrams.
  const approximate = await db.$queryRaw<Row[]>`
    WITH candidates AS (
      SELECT e.id, e.snapshot_id, e.kind, e.code, e.title, e.body, e.amount_fen,
             greatest(similarity(e.title, ${name}) * 2, word_similarity(${name}, e.title),
                      (SELECT count(*) FROM unnest(${loose.lexemeTsqueries}::text[]) AS l(q) WHERE e.tsv @@ l.q::tsquery)::float8
                        / ${loose.lexemeTsqueries.length}) AS rank
        FROM search_entries e
        JOIN search_documents d ON d.snapshot_id = e.snapshot_id
        JOIN published_snapshots s ON s.id = d.snapshot_id
       WHERE (e.title % ${name} OR ${name} <% e.title)
         AND e.kind IN (${Prisma.join(NAME_KINDS)}) AND ${filters}
    ), hits AS (
      SELECT * FROM candidates WHERE rank >= 0.6
    ), docs AS (
      SELECT snapshot_id, max(rank) AS rank, count(*) AS hit_count FROM hits GROUP BY snapshot_id
    ), page AS (
      SELECT * FROM docs ORDER BY rank DESC, snapshot_id DESC LIMIT ${PAGE_SIZE}
    )
    SELECT (SELECT count(*) FROM docs) AS total, d.year, d.version, d.unit_code, d.unit_name, d.department_code,
           d.department_name, d.region_code, d.total_fen, d.amount_unit, page.hit_count,
           (SELECT json_agg(json_build_object('kind', h.kind, 'code', h.code, 'title', h.title, 'body', h.body, 'amount_fen', h.amount_fen))
              FROM (SELECT * FROM hits WHERE hits.snapshot_id = page.snapshot_id ORDER BY rank DESC, id LIMIT 3) h) AS hits
      FROM page JOIN search_documents d ON d.snapshot_id = page.snapshot_id
     ORDER BY page.rank DESC, page.snapshot_id DESC`;
  return toResults(approximate, params, [...new Set([...parsed.terms, ...nameTerms(name)])], approximate.length > 0);
}

/** For highlighting approximate hits: the query's two-character pieces that occur in a look-alike name. */
function nameTerms(name: string): string[] {
  const chars = [...normalizeText(name)];
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i += 1) out.push(`${chars[i]}${chars[i + 1]}`);
  return out;
}

function toResults(rows: Row[], params: SearchParams, terms: string[], isApproximate: boolean, knownTotal?: number): SearchResults {
  const total = knownTotal ?? Number(rows[0]?.total ?? 0);
  return {
    total,
    page: params.page,
    pageCount: Math.min(MAX_PAGE, Math.ceil(total / PAGE_SIZE)),
    terms,
    isApproximate,
    documents: rows.map((r) => ({
      year: r.year,
      version: r.version,
      unitCode: r.unit_code,
      unitName: r.unit_name,
      departmentCode: r.department_code,
      departmentName: r.department_name,
      regionCode: r.region_code,
      totalFen: Number(r.total_fen),
      amountUnit: r.amount_unit,
      hitCount: Number(r.hit_count),
      hits: r.hits.map((h) => ({
        kind: h.kind,
        code: h.code,
        title: h.title,
        body: h.body,
        amountFen: h.amount_fen === null ? null : Number(h.amount_fen),
      })),
    })),
  };
}
