import { zipSync } from "fflate";
import type { DbReader } from "@/lib/budgets/db-client";
import { listPublishedDocuments, type IndexedDocument } from "@/lib/open-data/document-index";
import { buildFiscalDataPackage } from "@/lib/open-data/fiscal-data-package";
import { findRegion, loadPublishedContents, loadPublishedJson } from "@/lib/open-data/published-contents";
import { csvResponse, jsonError, jsonResponse, JSON_TYPE, type SiteResponse } from "./site-response";

const YEAR = /^(19|20)\d{2}$/;
const REGION = /^\d{2,12}$/;
const UNIT = /^[0-9A-Za-z]{1,20}$/;

/** A single optional query parameter; null when absent or empty, undefined when repeated. */
function one(query: URLSearchParams, name: string): string | null | undefined {
  const all = query.getAll(name);
  if (all.length > 1) return undefined;
  return all[0] ? all[0] : null;
}

type Scope = { ok: true; regionCode: string | null; regionName: string | null; year: number | null } | { ok: false; response: SiteResponse };

async function readScope(query: URLSearchParams, db: DbReader): Promise<Scope> {
  const region = one(query, "region");
  const year = one(query, "year");
  if (region === undefined || (region !== null && !REGION.test(region))) return { ok: false, response: jsonError(400, "地区代码应为 2 至 12 位数字，如 130433。") };
  if (year === undefined || (year !== null && !YEAR.test(year))) return { ok: false, response: jsonError(400, "年度应为四位数字，如 2024。") };
  const found = region === null ? null : await findRegion(region, db);
  if (region !== null && found === null) return { ok: false, response: jsonError(400, "没有这个地区代码。") };
  return { ok: true, regionCode: region, regionName: found?.name ?? null, year: year === null ? null : Number(year) };
}

const INDEX_COLUMNS = ["类型", "年度", "版本", "发布时间", "地区代码", "地区", "部门编码", "部门", "单位编码", "单位", "网址", "文件格式", "文件网址", "文件名", "字节数", "SHA-256"];

function indexRows(documents: readonly IndexedDocument[]): (string | number)[][] {
  const rows: (string | number)[][] = [INDEX_COLUMNS];
  for (const d of documents) {
    const base = [d.type === "unit" ? "单位预算" : "部门预算", d.year, d.version, d.publishedAt, d.region.code, d.region.name, d.department.code, d.department.name, d.unit?.code ?? "", d.unit?.name ?? "", d.url];
    if (d.files.length === 0) rows.push([...base, "", "", "", "", ""]);
    for (const f of d.files) rows.push([...base, f.format, f.url, f.fileName, f.size, f.sha256]);
  }
  return rows;
}

function indexJson(documents: IndexedDocument[], scope: { regionCode: string | null; regionName: string | null; year: number | null }) {
  return {
    format: "gongkai.document-index",
    formatVersion: 1,
    region: scope.regionCode === null ? null : { code: scope.regionCode, name: scope.regionName },
    year: scope.year,
    count: documents.length,
    documents,
  };
}

/** `/api/v1/documents?region=&year=`: every newest published document with its files and their sha256. */
export async function documentIndex(query: URLSearchParams, db: DbReader, format: "json" | "csv"): Promise<SiteResponse> {
  const scope = await readScope(query, db);
  if (!scope.ok) return scope.response;
  const documents = await listPublishedDocuments(scope, db);
  if (format === "json") return jsonResponse(indexJson(documents, scope));
  const name = `documents${scope.regionCode ? `-${scope.regionCode}` : ""}${scope.year ? `-${scope.year}` : ""}`;
  return csvResponse(indexRows(documents), `${name}.csv`, `已公开预算目录${scope.regionName ? `-${scope.regionName}` : ""}${scope.year ? `-${scope.year}年` : ""}.csv`);
}

type UnitLookup = { ok: true; regionCode: string } | { ok: false; response: SiteResponse };

/** The region of the unit's newest published budget of the year; 404/400 with a Chinese message otherwise. */
async function resolveUnit(year: string, unitCode: string, query: URLSearchParams, db: DbReader): Promise<UnitLookup & { json?: Buffer }> {
  if (!YEAR.test(year) || !UNIT.test(unitCode)) return { ok: false, response: jsonError(404, "没有这份已公开的预算。") };
  const region = one(query, "region");
  if (region === undefined || (region !== null && !REGION.test(region))) return { ok: false, response: jsonError(400, "地区代码应为 2 至 12 位数字。") };
  const found = await loadPublishedJson({ year: Number(year), unitCode, regionCode: region }, db);
  if (found.length === 0) return { ok: false, response: jsonError(404, "没有这份已公开的预算。") };
  if (found.length > 1) return { ok: false, response: jsonError(400, "多个地区有此单位编码，请用 ?region= 指定地区代码。") };
  const [only] = found;
  return only === undefined ? { ok: false, response: jsonError(404, "没有这份已公开的预算。") } : { ok: true, regionCode: only.regionCode, json: only.bytes };
}

/** `/api/v1/documents/{year}/{unit}`: the published JSON of the newest version (tables, narrative, projects…). */
export async function documentJson(year: string, unitCode: string, query: URLSearchParams, db: DbReader): Promise<SiteResponse> {
  const unit = await resolveUnit(year, unitCode, query, db);
  if (!unit.ok) return unit.response;
  return { status: 200, contentType: JSON_TYPE, body: unit.json ?? Buffer.alloc(0), isOpenData: true, isCacheable: true };
}

/**
 * `/api/v1/documents/{year}/{unit}/datapackage.json` (and its CSV resources beside it): the Fiscal
 * Data Package of one document; `/api/v1/regions/{code}/{year}/…` the same for every unit
 * budget of a region and its sub-regions, and `bundle.zip` with all of it.
 */
export async function documentPackage(year: string, unitCode: string, file: string, query: URLSearchParams, db: DbReader): Promise<SiteResponse> {
  const unit = await resolveUnit(year, unitCode, query, db);
  if (!unit.ok) return unit.response;
  const contents = await loadPublishedContents({ regionCode: unit.regionCode, year: Number(year), unitCode }, db);
  const first = contents[0];
  if (first === undefined) return jsonError(404, "没有这份已公开的预算。");
  const pkg = buildFiscalDataPackage(contents, {
    name: `gongkai-${unit.regionCode}-${unitCode.toLowerCase()}-${year}`,
    title: `${first.content.budget.unit.name}${year}年单位预算`,
    year: Number(year),
    homepage: `/budgets/${year}/${unitCode}`,
  });
  return packageFile(pkg, file, `${unitCode}-${year}`, `${first.content.budget.unit.name}${year}年`);
}

export async function regionPackage(regionCode: string, year: string, file: string, db: DbReader): Promise<SiteResponse> {
  if (!REGION.test(regionCode) || !YEAR.test(year)) return jsonError(404, "没有这个地区或年度。");
  const region = await findRegion(regionCode, db);
  if (region === null) return jsonError(404, "没有这个地区代码。");
  const contents = await loadPublishedContents({ regionCode, year: Number(year) }, db);
  if (contents.length === 0) return jsonError(404, `${region.name}${year}年度没有已公开的单位预算。`);
  const pkg = buildFiscalDataPackage(contents, { name: `gongkai-${regionCode}-${year}`, title: `${region.name}${year}年单位预算汇总`, year: Number(year) });
  if (file === "bundle.zip") {
    const documents = await listPublishedDocuments({ regionCode, year: Number(year) }, db);
    const entries: Record<string, Uint8Array> = {
      "datapackage.json": Buffer.from(`${JSON.stringify(pkg.descriptor, null, 2)}\n`),
      "documents.json": Buffer.from(`${JSON.stringify(indexJson(documents, { regionCode, regionName: region.name, year: Number(year) }), null, 2)}\n`),
    };
    for (const [name, bytes] of pkg.files) entries[name] = bytes;
    for (const c of contents) {
      const json = await loadPublishedJson({ year: Number(year), unitCode: c.content.budget.unit.code, regionCode: c.regionCode }, db);
      const [doc] = json;
      if (doc !== undefined) entries[`documents/${c.content.budget.unit.code}-${year}-v${c.version}.json`] = doc.bytes;
    }
    // Fixed timestamps: the same publications give the same bytes (and ETag).
    const zip = zipSync(entries, { level: 6, mtime: new Date("2000-01-01T00:00:00Z") });
    return {
      status: 200,
      contentType: "application/zip",
      body: Buffer.from(zip),
      headers: { "Content-Disposition": `attachment; filename="gongkai-${regionCode}-${year}.zip"; filename*=UTF-8''${encodeURIComponent(`${region.name}${year}年预算数据.zip`)}` },
      isOpenData: true,
      isCacheable: true,
    };
  }
  return packageFile(pkg, file, `${regionCode}-${year}`, `${region.name}${year}年`);
}

function packageFile(pkg: ReturnType<typeof buildFiscalDataPackage>, file: string, asciiStem: string, chineseStem: string): SiteResponse {
  if (file === "datapackage.json") return jsonResponse(pkg.descriptor);
  const bytes = pkg.files.get(file);
  if (bytes === undefined) return jsonError(404, "数据包中没有这个文件。");
  return {
    status: 200,
    contentType: "text/csv; charset=utf-8",
    body: bytes,
    headers: { "Content-Disposition": `attachment; filename="${asciiStem}-${file}"; filename*=UTF-8''${encodeURIComponent(`${chineseStem}-${file}`)}` },
    isOpenData: true,
    isCacheable: true,
  };
}
