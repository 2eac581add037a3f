import type { DbClient, DbReader } from "@/lib/budgets/db-client";
import type { AmountUnit } from "@/lib/disclosure/types";
import { prisma } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { normalizeText, parseApproximateQuery, parseQuery, quoteLexeme, rawFilterLexeme, textRuns } from "./bigrams";
import { estimateMatches, lexemeStatistics, publishedYears } from "./lexeme-statistics";
import { fromStoredEntry, type EntryKind, type SearchEntry, type StoredEntry } from "./search-entries";
import { MAX_PAGE, PAGE_SIZE, type DocumentKind, type SearchParams } from "./search-params";

export interface SearchHit {
  kind: EntryKind;
  code: string;
  title: string;
  body: string;
  /** in 分; null when the hit has no amount of its own */
  amountFen: number | null;
}

export interface SearchResultDocument {
  /** 单位预算 or 部门预算 */
  documentKind: DocumentKind;
  year: number;
  version: number;
  /** the unit's code (the department's for a 部门预算) */
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

/** Counting stops here: a page says "2,000 份以上" rather than count every document of a common word. */
export const TOTAL_CAP = MAX_PAGE * PAGE_SIZE;

/** The public path of a result's document page. */
export function resultDocumentPath(doc: Pick<SearchResultDocument, "documentKind" | "year" | "unitCode">): string {
  const code = encodeURIComponent(doc.unitCode);
  return doc.documentKind === "department" ? `/budgets/${doc.year}/departments/${code}` : `/budgets/${doc.year}/${code}`;
}

interface DocumentRow {
  id: bigint;
  document_kind: DocumentKind;
  year: number;
  version: number;
  unit_code: string;
  unit_name: string;
  department_code: string;
  department_name: string;
  region_code: string;
  total_fen: bigint;
  amount_unit: AmountUnit;
  entries: StoredEntry[];
}

/**
 * The filters as lexemes (region subtree, year, department, kind of document) to AND with the
 * query's: the GIN lookup applies them without reading a row.
 */
function filterLexemes(params: SearchParams): string[] {
  const out: string[] = [];
  if (params.region !== null) out.push(rawFilterLexeme("region", params.region));
  if (params.year !== null) out.push(rawFilterLexeme("year", params.year));
  if (params.department !== null) out.push(rawFilterLexeme("department", params.department));
  if (params.documentKind !== null) out.push(rawFilterLexeme("kind", params.documentKind));
  return out;
}

/** The same filters on the document's columns: cheap checks before its tsvector is read (ordered plan, trigram search). */
function documentFilters(params: SearchParams): Prisma.Sql {
  const parts: Prisma.Sql[] = [Prisma.sql`TRUE`];
  if (params.region !== null) parts.push(Prisma.sql`d.region_codes @> ARRAY[${params.region}]::text[]`);
  if (params.year !== null) parts.push(Prisma.sql`d.year = ${params.year}`);
  if (params.department !== null) parts.push(Prisma.sql`d.department_code = ${params.department}`);
  if (params.documentKind !== null) parts.push(Prisma.sql`d.document_kind = ${params.documentKind}`);
  return Prisma.join(parts, " AND ");
}

/**
 * With a kind of piece asked for (only projects, only subjects…): a piece of that kind contains
 * every term. Evaluated on candidate documents only (it reads their entries); the exact rule
 * (codes by prefix) is applied again to the page's documents in `matchingEntries`.
 */
function entryKindFilter(kind: EntryKind | null, terms: readonly string[]): Prisma.Sql {
  if (kind === null) return Prisma.sql`TRUE`;
  const text = Prisma.sql`lower(normalize(e->>'c' || ' ' || (e->>'t') || ' ' || (e->>'b'), NFKC))`;
  const contains = terms.map((term) => Prisma.sql`strpos(${text}, ${term}) > 0`);
  return Prisma.sql`EXISTS (SELECT 1 FROM jsonb_array_elements(d.entries) e WHERE e->>'k' = ${kind} AND ${Prisma.join(contains, " AND ")})`;
}

interface Ranked {
  /** the page's document ids, in order */
  ids: bigint[];
  /** how many match, counted up to TOTAL_CAP + 1 */
  total: number;
}

/** A word in more documents than this (by the statistics) is looked for newest first. */
const COMMON = 10 * TOTAL_CAP;
/** …among this many documents per result wanted (a common word is in more than one in 25). */
const COMMON_SCAN_PER_RESULT = 25;

/**
 * The documents satisfying `where` (and `columnFilters`, which `where`'s lexemes already imply),
 * newest first (year, then newest index row), `limit` of them from `offset`. Two ways, chosen by
 * how common the query's rarest lexeme is (`estimate`, from the statistics), checked by the
 * result, never left to the planner's guess:
 *
 * - a common word: the documents in the order index (year, id), each checked until the page is
 *   full, among at most 25 per result wanted: a word in most documents fills a page after a few
 *   dozen rows, and its count is "more than TOTAL_CAP" (the statistics say so; not counted);
 * - otherwise (or when that scan does not fill the page): one GIN bitmap scan gives up to
 *   TOTAL_CAP + 1 matches (ids and years only, no tsvector read), sorted here; with several
 *   lexemes GIN reads the rarest one's list and skips through the others'.
 */
async function rankedDocuments(
  db: DbReader,
  where: Prisma.Sql,
  columnFilters: Prisma.Sql,
  offset: number,
  limit: number,
  estimate: number | null,
  inIndexOrder: boolean,
  byYear: { years: number[]; where: (year: number) => Prisma.Sql },
): Promise<Ranked> {
  if (inIndexOrder && estimate !== null && estimate >= COMMON) {
    const wanted = Math.max(limit, PAGE_SIZE);
    await usePlan(db, "ordered");
    const page = await db.$queryRaw<{ id: bigint }[]>`
      SELECT d.id FROM (SELECT * FROM search_documents d WHERE ${columnFilters}
                         ORDER BY d.year DESC, d.id DESC LIMIT ${(offset + wanted) * COMMON_SCAN_PER_RESULT}) d
       WHERE ${where} LIMIT ${wanted} OFFSET ${offset}`;
    if (page.length === wanted) return { ids: page.slice(0, Math.max(0, limit)).map((r) => r.id), total: TOTAL_CAP + 1 };
  }
  await usePlan(db, "bitmap");
  const probe = await db.$queryRaw<{ id: bigint; year: number }[]>`
    SELECT d.id, d.year FROM search_documents d WHERE ${where} LIMIT ${TOTAL_CAP + 1}`;
  if (probe.length <= TOTAL_CAP || limit <= 0) {
    probe.sort((a, b) => b.year - a.year || (b.id > a.id ? 1 : b.id < a.id ? -1 : 0));
    return { ids: probe.slice(offset, offset + Math.max(0, limit)).map((r) => r.id), total: probe.length };
  }
  // More than TOTAL_CAP: newest first from the order index, or (with a region or department
  // filter, whose documents are clustered by publication, not spread over the index) year by
  // year, newest first, each year's GIN matches sorted top-N: the page is full after a year or two.
  if (!inIndexOrder && byYear.years.length > 0) {
    const ids: bigint[] = [];
    let skip = offset;
    for (const year of byYear.years) {
      if (ids.length >= limit) break;
      const wanted = skip + limit - ids.length;
      const rows = await db.$queryRaw<{ id: bigint }[]>`
        SELECT d.id FROM search_documents d WHERE ${byYear.where(year)} ORDER BY d.id DESC LIMIT ${wanted}`;
      if (rows.length <= skip) skip -= rows.length;
      else {
        ids.push(...rows.slice(skip).map((r) => r.id));
        skip = 0;
      }
    }
    // A year the statistics do not list (very few documents) would be missed: then the slow way.
    if (ids.length >= limit) return { ids, total: probe.length };
  }
  await usePlan(db, inIndexOrder ? "ordered" : "bitmap");
  const page = await db.$queryRaw<{ id: bigint }[]>`
    SELECT d.id FROM search_documents d WHERE ${columnFilters} AND ${where} ORDER BY d.year DESC, d.id DESC LIMIT ${limit} OFFSET ${offset}`;
  return { ids: page.map((r) => r.id), total: probe.length };
}

/**
 * The plan is ours, not the planner's: it cannot know that reading a document's tsvector (kept
 * out of line, compressed) costs a hundred times a GIN lookup that reads none, and on a common
 * word it picks a sequential scan that reads thousands of them (86 ms for 2,000 rows measured).
 * "bitmap": GIN bitmap scans only (no tsvector read: no recheck for a query without phrase or
 * weights); "ordered": the (year, id) index read in order, each row checked until the page is full.
 * Local to the search's transaction.
 */
async function usePlan(db: DbReader, plan: "bitmap" | "ordered"): Promise<void> {
  const bitmap = plan === "bitmap" ? "on" : "off";
  const other = plan === "bitmap" ? "off" : "on";
  await db.$queryRaw`SELECT set_config('enable_bitmapscan', ${bitmap}, true), set_config('enable_indexscan', ${other}, true),
                            set_config('enable_seqscan', 'off', true), set_config('enable_sort', ${bitmap}, true)`;
}

async function loadDocuments(db: DbReader, ids: readonly bigint[]): Promise<Map<bigint, DocumentRow>> {
  if (ids.length === 0) return new Map();
  await usePlan(db, "bitmap");
  const rows = await db.$queryRaw<DocumentRow[]>`
    SELECT id, document_kind, year, version, unit_code, unit_name, department_code, department_name, region_code,
           total_fen, amount_unit, entries
      FROM search_documents WHERE id = ANY(${ids.map(String)}::bigint[])`;
  return new Map(rows.map((r) => [r.id, r]));
}

const KIND_ORDER: Record<EntryKind, number> = { unit: 0, department: 1, project: 2, functional: 3, economic: 4, duty: 5, narrative: 6 };

/**
 * The pieces of a document containing every term: a Han term as a substring (what the bigram
 * phrase matches), a code as the prefix of a code or number in the text. Best first: a code equal
 * to the query, then by kind (the unit before a subject or a sentence), then in document order.
 */
function matchingEntries(entries: readonly SearchEntry[], terms: readonly string[], kind: EntryKind | null, code: string): SearchEntry[] {
  const matches = entries.filter((entry) => {
    if (kind !== null && entry.kind !== kind) return false;
    const text = normalizeText(`${entry.code} ${entry.title} ${entry.body}`);
    let alnumRuns: string[] | null = null;
    return terms.every((term) => {
      if (!/^[a-z0-9]+$/.test(term)) return text.includes(term);
      alnumRuns ??= textRuns(text).filter((r) => r.kind === "alnum").map((r) => r.text);
      return alnumRuns.some((run) => run.startsWith(term));
    });
  });
  return matches
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => Number(b.entry.code.toLowerCase() === code) - Number(a.entry.code.toLowerCase() === code) || KIND_ORDER[a.entry.kind] - KIND_ORDER[b.entry.kind] || a.index - b.index)
    .map(({ entry }) => entry);
}

function toResultDocument(row: DocumentRow, hits: readonly SearchEntry[]): SearchResultDocument {
  return {
    documentKind: row.document_kind,
    year: row.year,
    version: row.version,
    unitCode: row.unit_code,
    unitName: row.unit_name,
    departmentCode: row.department_code,
    departmentName: row.department_name,
    regionCode: row.region_code,
    totalFen: Number(row.total_fen),
    amountUnit: row.amount_unit,
    hitCount: hits.length,
    hits: hits.slice(0, 3).map((h) => ({ kind: h.kind, code: h.code, title: h.title, body: h.body, amountFen: h.amountFen })),
  };
}

function results(params: SearchParams, total: number, documents: SearchResultDocument[], terms: string[], isApproximate: boolean): SearchResults {
  const capped = Math.min(total, TOTAL_CAP);
  return { total: capped, page: params.page, pageCount: Math.min(MAX_PAGE, Math.ceil(capped / PAGE_SIZE)), documents, terms, isApproximate };
}

/**
 * Searches the current published version of every unit and department budget (never a draft,
 * never a superseded version: the index holds current versions only): documents in which every
 * term of the query occurs in one piece (a name, a code, a project's text…), those whose unit or
 * department name or code is the query first, then newest first, each with its best three pieces.
 * When nothing matches and the query is a name, names that look alike (pg_trgm word similarity)
 * are returned instead, marked `isApproximate`. The page size is fixed; counts stop at TOTAL_CAP.
 */
export async function searchPublished(params: SearchParams, db: DbReader = prisma): Promise<SearchResults> {
  // In a transaction of its own, so that the plan settings (usePlan) end with it.
  const client = db as DbReader & Partial<DbClient>;
  if (typeof client.$transaction === "function") return client.$transaction((tx) => searchIn(params, tx));
  return searchIn(params, db);
}

async function searchIn(params: SearchParams, db: DbReader): Promise<SearchResults> {
  const parsed = parseQuery(params.q);
  if (parsed === null) return results(params, 0, [], [], false);
  const offset = (params.page - 1) * PAGE_SIZE;
  const q = params.q.trim();
  const code = normalizeText(q);
  const filters = documentFilters(params);
  const tsquery = (year: number | null) =>
    Prisma.sql`${[parsed.allLexemes, ...filterLexemes(params).map(quoteLexeme), ...(year === null ? [] : [quoteLexeme(rawFilterLexeme("year", year))])].join(" & ")}::tsquery`;
  const lexemes = tsquery(null);
  const kindFilter = entryKindFilter(params.kind, parsed.terms);

  // A document whose own unit or department is what was asked for comes first.
  const nameHitWith = (year: number | null) =>
    Prisma.sql`(d.name_tsv @@ ${tsquery(year)} AND (strpos(d.unit_name, ${q}) > 0 OR strpos(d.department_name, ${q}) > 0
                              OR lower(d.unit_code) = ${code} OR lower(d.department_code) = ${code}))`;
  const nameHit = nameHitWith(null);
  const statistics = await lexemeStatistics(db);
  // The order index is (year, id): a year filter is a range of it; a region's or a department's
  // documents are not spread evenly over it (they are published together), so reading it newest
  // first could pass thousands of other documents before the first match.
  const inIndexOrder = params.region === null && params.department === null && params.documentKind !== "department";
  const years = params.year !== null ? [params.year] : publishedYears(statistics);
  const allLexemes = [...parsed.lexemes, ...filterLexemes(params).map((text) => ({ text, isPrefix: false }))];
  const names = await rankedDocuments(
    db,
    Prisma.sql`${nameHit} AND ${kindFilter}`,
    filters,
    offset,
    PAGE_SIZE,
    estimateMatches(statistics, "name_tsv", allLexemes),
    inIndexOrder,
    { years, where: (year) => Prisma.sql`${nameHitWith(year)} AND ${kindFilter}` },
  );
  // Past TOTAL_CAP name matches, the other documents are neither shown nor counted.
  const others =
    names.total > TOTAL_CAP
      ? { ids: [], total: 0 }
      : await rankedDocuments(
          db,
          Prisma.sql`d.tsv @@ ${lexemes} AND NOT ${nameHit} AND ${kindFilter}`,
          filters,
          Math.max(0, offset - names.total),
          PAGE_SIZE - names.ids.length,
          estimateMatches(statistics, "tsv", allLexemes),
          inIndexOrder,
          { years, where: (year) => Prisma.sql`d.tsv @@ ${tsquery(year)} AND NOT ${nameHit} AND ${kindFilter}` },
        );
  const total = names.total + others.total;
  if (total > 0) {
    const ids = [...names.ids, ...others.ids];
    const rows = await loadDocuments(db, ids);
    const documents: SearchResultDocument[] = [];
    for (const id of ids) {
      const row = rows.get(id);
      if (row === undefined) continue;
      // A document with all the bigrams of a word but never together (rare) is left off its page.
      const hits = matchingEntries(row.entries.map(fromStoredEntry), parsed.terms, params.kind, code);
      if (hits.length > 0) documents.push(toResultDocument(row, hits));
    }
    if (documents.length > 0 || offset > 0) return results(params, total, documents, parsed.terms, false);
  }
  return approximateSearch(db, params, parsed.terms, filters);
}

/**
 * A name typed with a wrong character (馆淘县 for 馆陶县) still shares most of its trigrams with
 * the right one: documents whose names (unit, department, projects) contain a part similar to
 * the query (`<%`, word similarity ≥ 0.6, from the trigram index on names), most similar first;
 * the pieces shown are the names sharing at least 60 % of the query's bigrams (or the closest).
 */
async function approximateSearch(db: DbReader, params: SearchParams, terms: string[], filters: Prisma.Sql): Promise<SearchResults> {
  const name = params.q.trim();
  if (parseApproximateQuery(name) === null || params.page > 1) return results(params, 0, [], terms, false);
  await usePlan(db, "bitmap");
  const candidates = await db.$queryRaw<{ id: bigint; rank: number }[]>`
    SELECT d.id, word_similarity(${name}, d.names) AS rank FROM search_documents d
     WHERE ${name} <% d.names AND ${filters}
     ORDER BY rank DESC, d.year DESC, d.id DESC LIMIT ${PAGE_SIZE}`;
  const rows = await loadDocuments(db, candidates.map((c) => c.id));
  const queryBigrams = nameTerms(name);
  const documents: SearchResultDocument[] = [];
  for (const { id } of candidates) {
    const row = rows.get(id);
    if (row === undefined) continue;
    const scored = row.entries
      .map(fromStoredEntry)
      .filter((e) => (params.kind === null ? e.kind === "unit" || e.kind === "department" || e.kind === "project" : e.kind === params.kind))
      .map((entry) => {
        const text = normalizeText(entry.title);
        return { entry, share: queryBigrams.filter((b) => text.includes(b)).length / Math.max(1, queryBigrams.length) };
      })
      .sort((a, b) => b.share - a.share);
    const close = scored.filter((s) => s.share >= 0.6);
    const hits = (close.length > 0 ? close : scored.slice(0, 1)).map((s) => s.entry);
    if (hits.length > 0) documents.push(toResultDocument(row, hits));
  }
  return results(params, documents.length, documents, [...new Set([...terms, ...queryBigrams])], documents.length > 0);
}

/** For highlighting approximate hits: the query's two-character pieces that occur in a look-alike name. */
function nameTerms(name: string): string[] {
  const chars = [...normalizeText(name)];
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i += 1) out.push(`${chars[i]}${chars[i + 1]}`);
  return out;
}
