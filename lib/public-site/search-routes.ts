import type { DbReader } from "@/lib/budgets/db-client";
import { amountUnitLabel } from "@/lib/disclosure/money";
import { ENTRY_KIND_LABELS } from "@/lib/search/search-entries";
import { loadSearchFacets, type SearchFacets } from "@/lib/search/search-facets";
import { DOCUMENT_KIND_LABELS, parseSearchParams, searchQueryString, type SearchParams } from "@/lib/search/search-params";
import { resultDocumentPath, searchPublished, type SearchResults } from "@/lib/search/search-published";
import type { PublicSiteRenderers } from "./renderers";
import { csvAmount, csvResponse, htmlResponse, jsonError, jsonResponse, type SiteResponse } from "./site-response";

type Outcome =
  | { ok: true; params: SearchParams; facets: SearchFacets; results: SearchResults | null }
  | { ok: false; params: SearchParams; facets: SearchFacets; message: string };

/**
 * Parses and checks a search request, then searches. A malformed parameter, or a region, year
 * or department that has no published budget, is a Chinese message (HTTP 400), never an error.
 */
async function runSearch(query: URLSearchParams, db: DbReader, requireQuery: boolean): Promise<Outcome> {
  const parsed = parseSearchParams(query);
  const facets = await loadSearchFacets(db);
  if (!parsed.ok) return { ok: false, params: parsed.params, facets, message: parsed.message };
  const { params } = parsed;
  const problems: string[] = [];
  if (params.region !== null && !facets.regions.some((r) => r.code === params.region)) problems.push("该地区没有已公开的预算。");
  if (params.year !== null && !facets.years.includes(params.year)) problems.push(`${params.year}年度没有已公开的预算。`);
  if (params.department !== null && !facets.departments.some((d) => d.code === params.department)) problems.push("该部门没有已公开的预算。");
  if (requireQuery && params.q === "") problems.push("请输入查询词。");
  if (problems.length > 0) return { ok: false, params, facets, message: problems.join("") };
  if (params.q === "") return { ok: true, params, facets, results: null };
  const results = await searchPublished(params, db);
  if (results.terms.length === 0) {
    return { ok: false, params, facets, message: "查询词至少要有两个汉字，或一个字母数字编码（如 224001）。" };
  }
  return { ok: true, params, facets, results };
}

/** `/search`: the page; 400 with the form and a message for bad input. */
export async function searchPage(query: URLSearchParams, db: DbReader, render: PublicSiteRenderers): Promise<SiteResponse> {
  const outcome = await runSearch(query, db, false);
  const queryString = searchQueryString(outcome.params, { page: 1 });
  if (!outcome.ok) {
    return htmlResponse(render.search({ params: outcome.params, facets: outcome.facets, error: outcome.message, results: null, queryString }), 400);
  }
  return htmlResponse(render.search({ params: outcome.params, facets: outcome.facets, error: null, results: outcome.results, queryString }));
}

/** `/api/v1/search`: the same results as JSON (docs/open-data.md). */
export async function searchJson(query: URLSearchParams, db: DbReader): Promise<SiteResponse> {
  const outcome = await runSearch(query, db, true);
  if (!outcome.ok) return jsonError(400, outcome.message);
  const results = outcome.results as SearchResults;
  return jsonResponse({
    query: { ...outcome.params },
    total: results.total,
    page: results.page,
    pageCount: results.pageCount,
    isApproximate: results.isApproximate,
    documents: results.documents.map((d) => ({
      documentKind: d.documentKind,
      year: d.year,
      version: d.version,
      unit: { code: d.unitCode, name: d.unitName },
      department: { code: d.departmentCode, name: d.departmentName },
      regionCode: d.regionCode,
      url: resultDocumentPath(d),
      amountUnit: d.amountUnit,
      expenditureTotalFen: d.totalFen,
      hitCount: d.hitCount,
      hits: d.hits.map((h) => ({ kind: h.kind, code: h.code, title: h.title, text: h.body, amountFen: h.amountFen })),
    })),
  });
}

/** `/search.csv`: one line per matching piece shown, with its document (UTF-8 with BOM). */
export async function searchCsv(query: URLSearchParams, db: DbReader): Promise<SiteResponse> {
  const outcome = await runSearch(query, db, true);
  if (!outcome.ok) return jsonError(400, outcome.message);
  const results = outcome.results as SearchResults;
  const rows: (string | number | null)[][] = [["年度", "文件类型", "单位编码", "单位名称", "主管部门", "版本", "支出总计", "匹配类型", "编码", "名称", "金额", "金额单位", "文字", "网址"]];
  for (const d of results.documents) {
    for (const h of d.hits) {
      rows.push([
        d.year,
        DOCUMENT_KIND_LABELS[d.documentKind],
        d.unitCode,
        d.unitName,
        d.departmentName,
        d.version,
        csvAmount(d.totalFen, d.amountUnit),
        ENTRY_KIND_LABELS[h.kind],
        h.code,
        h.title,
        csvAmount(h.amountFen, d.amountUnit),
        amountUnitLabel(d.amountUnit),
        h.body,
        resultDocumentPath(d),
      ]);
    }
  }
  return csvResponse(rows, "search-results.csv", `搜索结果-${outcome.params.q}.csv`);
}
