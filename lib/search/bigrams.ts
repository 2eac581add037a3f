/**
 * The app-built Chinese text index (docs/decisions/0018-citizen-search-and-open-data.md).
 * PostgreSQL has no Chinese parser, so the app cuts text into tokens itself and hands
 * PostgreSQL ready-made `tsvector` and `tsquery` literals:
 *
 * - a run of Han characters becomes its overlapping bigrams at consecutive positions
 *   (住房公积金 → 住房 房公 公积 积金), so a phrase query of the bigrams (`<->`) finds exactly
 *   the texts containing the query as a substring, and a two-character query is one lexeme;
 * - a run of Latin letters or digits is one token (codes: 2210201, 224001), matched by prefix;
 * - everything else separates tokens.
 *
 * Pure functions: the same text always gives the same literal, in tests and in the database.
 */

/** Han characters, plus 〇. */
const HAN = /[\p{Script=Han}〇]/u;
const ALNUM = /[a-z0-9]/;

/** Positions above this are stored as this by PostgreSQL; the lexeme list of one entry stays short anyway. */
const MAX_POSITION = 16383;
/** PostgreSQL keeps at most 256 positions per lexeme. */
const MAX_POSITIONS_PER_LEXEME = 255;

export interface Token {
  text: string;
  position: number;
}

/** NFKC (full-width digits and letters become ASCII) and lower case: the same for texts and queries. */
export function normalizeText(text: string): string {
  return text.normalize("NFKC").toLowerCase();
}

type Run = { kind: "han" | "alnum"; text: string };

/** The runs of Han characters and of ASCII letters and digits, in order. */
export function textRuns(text: string): Run[] {
  const runs: Run[] = [];
  let current: Run | null = null;
  for (const char of normalizeText(text)) {
    const kind = HAN.test(char) ? "han" : ALNUM.test(char) ? "alnum" : null;
    if (kind === null) {
      current = null;
      continue;
    }
    if (current !== null && current.kind === kind) {
      current.text += char;
    } else {
      current = { kind, text: char };
      runs.push(current);
    }
  }
  return runs;
}

/** The lexemes of one run: the bigrams of a Han run (one character alone stays itself), an alnum run whole. */
export function runLexemes(run: Run): string[] {
  if (run.kind === "alnum") return [run.text];
  const chars = [...run.text];
  if (chars.length === 1) return chars;
  const bigrams: string[] = [];
  for (let i = 0; i + 1 < chars.length; i += 1) bigrams.push(`${chars[i]}${chars[i + 1]}`);
  return bigrams;
}

/** Tokens with positions; consecutive runs are one position apart more, so no phrase spans two runs. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let position = 1;
  for (const run of textRuns(text)) {
    for (const lexeme of runLexemes(run)) {
      tokens.push({ text: lexeme, position: Math.min(position, MAX_POSITION) });
      position += 1;
    }
    position += 1;
  }
  return tokens;
}

/** A lexeme quoted for tsvector/tsquery input. */
export function quoteLexeme(lexeme: string): string {
  return quote(lexeme);
}

function quote(lexeme: string): string {
  return `'${lexeme.replace(/\\/g, "\\\\").replace(/'/g, "''")}'`;
}

/** The `tsvector` literal of a text (cast with `::tsvector`); "" for a text without tokens. */
export function tsvectorLiteral(text: string): string {
  const positions = new Map<string, number[]>();
  for (const token of tokenize(text)) {
    const list = positions.get(token.text);
    if (list === undefined) positions.set(token.text, [token.position]);
    else if (list.length < MAX_POSITIONS_PER_LEXEME && list[list.length - 1] !== token.position) list.push(token.position);
  }
  return [...positions].map(([lexeme, list]) => `${quote(lexeme)}:${list.join(",")}`).join(" ");
}

export interface ParsedQuery {
  /** the `tsquery` literal (cast with `::tsquery`): every term must occur, each as a phrase */
  tsquery: string;
  /**
   * every lexeme of the query, ANDed, without phrase operators: a GIN index answers it without
   * reading the rows' tsvectors (no recheck), so it finds candidate documents cheaply; the
   * phrase query then checks their entries
   */
  allLexemes: string;
  /** the normalized runs, for highlighting */
  terms: string[];
  /** the lexemes of `allLexemes`, unquoted; codes are prefixes */
  lexemes: { text: string; isPrefix: boolean }[];
}

/**
 * The query: every Han run as the phrase of its bigrams, every alnum run as a prefix, all
 * required. Null when the text has nothing to search for (only punctuation, or one Han character).
 */
export function parseQuery(text: string): ParsedQuery | null {
  const runs = textRuns(text);
  const parts: string[] = [];
  const lexemes: string[] = [];
  const terms: string[] = [];
  const raw = new Map<string, boolean>();
  for (const run of runs) {
    if (run.kind === "han") {
      if ([...run.text].length < 2) continue;
      parts.push(`(${runLexemes(run).map(quote).join(" <-> ")})`);
      lexemes.push(...runLexemes(run).map(quote));
      for (const lexeme of runLexemes(run)) raw.set(lexeme, false);
    } else {
      parts.push(`${quote(run.text)}:*`);
      lexemes.push(`${quote(run.text)}:*`);
      raw.set(run.text, true);
    }
    terms.push(run.text);
  }
  if (parts.length === 0) return null;
  return {
    tsquery: parts.join(" & "),
    allLexemes: [...new Set(lexemes)].join(" & "),
    terms,
    lexemes: [...raw].map(([text, isPrefix]) => ({ text, isPrefix })),
  };
}

export interface ApproximateQuery {
  /** matches a text containing any of the query's lexemes */
  anyTsquery: string;
  /** each lexeme as its own tsquery, to count how many a text contains */
  lexemeTsqueries: string[];
}

/**
 * For names typed with a wrong character (馆淘县 for 馆陶县): the query's lexemes, any of which
 * may match; the caller keeps texts containing most of them. Null without at least two lexemes.
 */
export function parseApproximateQuery(text: string): ApproximateQuery | null {
  const lexemes = [...new Set(textRuns(text).flatMap(runLexemes))];
  if (lexemes.length < 2) return null;
  const quoted = lexemes.map(quote);
  return { anyTsquery: quoted.join(" | "), lexemeTsqueries: quoted };
}

/**
 * One `tsvector` literal for several texts (a whole document's entries), each text's positions
 * after the previous one's with a gap, so that no phrase spans two texts.
 */
export function combinedTsvectorLiteral(texts: readonly string[]): string {
  const positions = new Map<string, number[]>();
  let offset = 0;
  for (const text of texts) {
    let last = 0;
    for (const token of tokenize(text)) {
      const position = Math.min(offset + token.position, MAX_POSITION);
      last = Math.max(last, token.position);
      const list = positions.get(token.text);
      if (list === undefined) positions.set(token.text, [position]);
      else if (list.length < MAX_POSITIONS_PER_LEXEME && list[list.length - 1] !== position) list.push(position);
    }
    offset += last + 2;
  }
  return [...positions].map(([lexeme, list]) => `${quote(lexeme)}:${list.join(",")}`).join(" ");
}

/**
 * The filters a document can be searched by (region and each region above it, year, department,
 * kind of document) as lexemes of its own tsvectors, so that one GIN lookup answers the words and
 * the filters together, without reading a row. They start with "#", which no token of a text or
 * a query does, so a query (even a code prefix) never matches one.
 */
export type FilterName = "region" | "year" | "department" | "kind";
const FILTER_PREFIX: Record<FilterName, string> = { region: "#r", year: "#y", department: "#d", kind: "#k" };

/** The filter lexeme unquoted, as stored. */
export function rawFilterLexeme(name: FilterName, value: string | number): string {
  return `${FILTER_PREFIX[name]}${String(value).toLowerCase()}`;
}

/** The filter lexeme quoted for a `tsquery`/`tsvector` literal. */
export function filterLexeme(name: FilterName, value: string | number): string {
  return quote(rawFilterLexeme(name, value));
}

/** A `tsvector` literal of filter lexemes (no positions), to concatenate with a text's. */
export function filterTsvectorLiteral(filters: readonly (readonly [FilterName, string | number])[]): string {
  return [...new Set(filters.map(([name, value]) => filterLexeme(name, value)))].join(" ");
}
