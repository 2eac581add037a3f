import { ENTRY_KINDS, type EntryKind } from "./search-entries";

/** The longest query searched; longer input is refused with a message, not cut silently. */
export const MAX_QUERY_LENGTH = 100;
export const PAGE_SIZE = 20;
/** Deep pages are refused: nobody reads page 500, and OFFSET cost grows with it. */
export const MAX_PAGE = 100;

/** The two kinds of published document: 单位预算 (a unit's) and 部门预算 (a department's, ADR 0011). */
export const DOCUMENT_KINDS = ["unit", "department"] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];
export const DOCUMENT_KIND_LABELS: Record<DocumentKind, string> = { unit: "单位预算", department: "部门预算" };

export interface SearchParams {
  /** as typed (trimmed); "" when there is no query (the search page then shows the form only) */
  q: string;
  region: string | null;
  year: number | null;
  department: string | null;
  kind: EntryKind | null;
  /** 单位预算 or 部门预算 only (`type=unit|department`); null for both */
  documentKind: DocumentKind | null;
  page: number;
}

export type ParsedSearchParams = { ok: true; params: SearchParams } | { ok: false; message: string; params: SearchParams };

type Raw = Record<string, string | string[] | undefined> | URLSearchParams;

function single(raw: Raw, name: string): string | undefined | null {
  if (raw instanceof URLSearchParams) {
    const all = raw.getAll(name);
    return all.length === 0 ? undefined : all.length === 1 ? all[0] : null;
  }
  const value = raw[name];
  return Array.isArray(value) ? (value.length === 1 ? value[0] : null) : value;
}

/**
 * Reads the search URL's parameters (`q`, `region`, `year`, `department`, `kind`, `type`, `page`). Bad
 * values get a Chinese message naming the parameter, never an exception; the message never
 * repeats the input. Empty filter values mean "any" (what an unselected <select> sends).
 */
export function parseSearchParams(raw: Raw): ParsedSearchParams {
  const params: SearchParams = { q: "", region: null, year: null, department: null, kind: null, documentKind: null, page: 1 };
  const errors: string[] = [];
  const q = single(raw, "q");
  if (q === null) errors.push("查询词只能有一个。");
  else if (q !== undefined) {
    if (q.length > MAX_QUERY_LENGTH) errors.push(`查询词过长，请不超过${MAX_QUERY_LENGTH}个字。`);
    else params.q = q.trim();
  }
  const region = single(raw, "region");
  if (region === null || (region !== undefined && region !== "" && !/^\d{2,12}$/.test(region))) errors.push("地区代码应为数字。");
  else if (region) params.region = region;
  const year = single(raw, "year");
  if (year === null || (year !== undefined && year !== "" && !/^(19|20)\d{2}$/.test(year))) errors.push("年度应为四位数字，如 2024。");
  else if (year) params.year = Number(year);
  const department = single(raw, "department");
  if (department === null || (department !== undefined && department !== "" && !/^[0-9A-Za-z]{1,20}$/.test(department))) {
    errors.push("部门编码应为数字或字母。");
  } else if (department) params.department = department;
  const kind = single(raw, "kind");
  if (kind === null || (kind !== undefined && kind !== "" && !(ENTRY_KINDS as readonly string[]).includes(kind))) errors.push("结果类型无效。");
  else if (kind) params.kind = kind as EntryKind;
  const type = single(raw, "type");
  if (type === null || (type !== undefined && type !== "" && !(DOCUMENT_KINDS as readonly string[]).includes(type))) errors.push("文件类型无效。");
  else if (type) params.documentKind = type as DocumentKind;
  const page = single(raw, "page");
  if (page === null || (page !== undefined && page !== "" && !/^\d{1,3}$/.test(page))) errors.push("页码应为正整数。");
  else if (page) {
    const n = Number(page);
    if (n < 1 || n > MAX_PAGE) errors.push(`页码应在 1 到 ${MAX_PAGE} 之间。`);
    else params.page = n;
  }
  return errors.length === 0 ? { ok: true, params } : { ok: false, message: errors.join(""), params };
}

/** The URL query string of a search (for links to other pages and to the CSV), without empty parameters. */
export function searchQueryString(params: SearchParams, overrides: Partial<SearchParams> = {}): string {
  const merged = { ...params, ...overrides };
  const out = new URLSearchParams();
  if (merged.q) out.set("q", merged.q);
  if (merged.region) out.set("region", merged.region);
  if (merged.year !== null) out.set("year", String(merged.year));
  if (merged.department) out.set("department", merged.department);
  if (merged.kind) out.set("kind", merged.kind);
  if (merged.documentKind) out.set("type", merged.documentKind);
  if (merged.page > 1) out.set("page", String(merged.page));
  return out.toString();
}
