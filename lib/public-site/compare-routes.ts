import type { DbReader } from "@/lib/budgets/db-client";
import { compareUnits, compareYears, type ComparisonTable } from "@/lib/compare/comparison-table";
import { listComparable, loadProfiles, loadUnitYears } from "@/lib/compare/queries";
import { amountUnitLabel, formatAmount } from "@/lib/disclosure/money";
import { findRegion } from "@/lib/open-data/published-contents";
import { departmentChart, unitsCharts, yearsCharts } from "./compare-charts";
import { OVERVIEW_SORTS, type OverviewPageModel, type OverviewRow, type OverviewSort } from "./compare-page-models";
import { loadRegionOverview, regionYears } from "./region-overview";
import type { PublicSiteRenderers } from "./renderers";
import { csvResponse, htmlResponse, type SiteResponse } from "./site-response";
import { messagePage } from "./message-page";

const REGION = /^\d{2,12}$/;
const CODE = /^[0-9A-Za-z]{1,20}$/;
const YEAR = /^(19|20)\d{2}$/;
export const MAX_COMPARED = 5;

function one(query: URLSearchParams, name: string): string | null {
  const all = query.getAll(name);
  return all.length === 1 && all[0] ? all[0] : null;
}

/** A comparison's tables as CSV rows: the table title, a header line, rows with their change and reason. */
function tablesCsv(tables: readonly ComparisonTable[]): (string | number | null)[][] {
  const rows: (string | number | null)[][] = [];
  for (const t of tables) {
    const unit = amountUnitLabel(t.amountUnit);
    rows.push([t.title]);
    rows.push(["项目", ...t.columns.map((c) => `${c}（${unit}）`), ...(t.showsChange ? [`增减（${unit}）`, "增减率（%）", "变动原因"] : [])]);
    for (const r of t.rows) {
      rows.push([
        r.label,
        ...r.values.map((v) => (v === null ? null : Number(formatAmount(v, t.amountUnit)))),
        ...(t.showsChange ? [r.change === null ? null : Number(formatAmount(r.change.fen, t.amountUnit)), r.change?.percent ?? null, r.reason] : []),
      ]);
    }
    rows.push([]);
  }
  return rows;
}

/** `/compare/years?region=&unit=` (and `.csv`): every published year of a unit side by side. */
export async function compareYearsRoute(query: URLSearchParams, db: DbReader, render: PublicSiteRenderers, format: "html" | "csv"): Promise<SiteResponse> {
  const regionCode = one(query, "region");
  const unitCode = one(query, "unit");
  if (regionCode === null || unitCode === null || !REGION.test(regionCode) || !CODE.test(unitCode)) {
    return messagePage(render, 400, "无法对比", "请从单位的预算页面或搜索结果进入历年对比：需要地区代码（region）和单位编码（unit）。");
  }
  const region = await findRegion(regionCode, db);
  const profiles = region === null ? [] : await loadUnitYears(regionCode, unitCode, db);
  const newest = profiles[profiles.length - 1];
  if (region === null || newest === undefined) return messagePage(render, 404, "没有找到该单位", "该地区没有这个单位已公开的预算。");
  const tables = compareYears(profiles);
  const csvHref = `/compare/years.csv?region=${regionCode}&unit=${encodeURIComponent(unitCode)}`;
  if (format === "csv") return csvResponse(tablesCsv(tables), `compare-years-${unitCode}.csv`, `${newest.unitName}历年预算对比.csv`);
  return htmlResponse(
    render.compareYears({
      region,
      unit: { code: unitCode, name: newest.unitName, departmentName: newest.departmentName },
      years: profiles.map((p) => ({ year: p.year, version: p.version })),
      tables,
      charts: yearsCharts(profiles),
      csvHref,
    }),
  );
}

/** `/compare/units?region=&year=&unit=…&department=…` (and `.csv`): two to five documents of a year side by side. */
export async function compareUnitsRoute(query: URLSearchParams, db: DbReader, render: PublicSiteRenderers, format: "html" | "csv"): Promise<SiteResponse> {
  const regionCode = one(query, "region");
  const yearText = one(query, "year");
  if (regionCode === null || !REGION.test(regionCode) || (yearText !== null && !YEAR.test(yearText))) {
    return messagePage(render, 400, "无法对比", "请从地区页面进入单位对比：需要地区代码（region），年度（year）应为四位数字。");
  }
  const region = await findRegion(regionCode, db);
  if (region === null) return messagePage(render, 404, "没有找到该地区", "没有这个地区代码。");
  const years = await regionYears(regionCode, db);
  const year = yearText === null ? years[0] : Number(yearText);
  if (year === undefined || !years.includes(year)) return messagePage(render, 404, "没有已公开的预算", `${region.name}${yearText ?? ""}没有已公开的预算。`);
  const units = query.getAll("unit").filter((c) => c !== "");
  const departments = query.getAll("department").filter((c) => c !== "");
  const selected = [...units.map((c) => `unit:${c}`), ...departments.map((c) => `department:${c}`)];
  const choices = await listComparable(regionCode, year, db);
  let message: string | null = null;
  if ([...units, ...departments].some((c) => !CODE.test(c))) message = "单位或部门编码只能是数字或字母。";
  else if (selected.length > MAX_COMPARED) message = `最多同时对比 ${MAX_COMPARED} 个单位或部门，请减少选择。`;
  else if (selected.length < 2) message = "请选择 2 至 5 个单位或部门进行对比。";
  const known = new Set(choices.map((c) => `${c.kind}:${c.code}`));
  if (message === null && selected.some((s) => !known.has(s))) message = `所选单位或部门在${year}年没有已公开的预算。`;
  const profiles = message === null ? await loadProfiles(regionCode, year, { units, departments }, db) : [];
  const tables = profiles.length >= 2 ? compareUnits(profiles) : [];
  const qs = new URLSearchParams([["region", regionCode], ["year", String(year)], ...units.map((u) => ["unit", u]), ...departments.map((d) => ["department", d])]);
  if (format === "csv") {
    if (message !== null) return messagePage(render, 400, "无法对比", message);
    return csvResponse(tablesCsv(tables), `compare-units-${regionCode}-${year}.csv`, `${region.name}${year}年单位预算对比.csv`);
  }
  return htmlResponse(
    render.compareUnits({
      region,
      year,
      years,
      choices,
      selected,
      message: selected.length === 0 ? null : message,
      tables,
      charts: unitsCharts(profiles),
      csvHref: `/compare/units.csv?${qs.toString()}`,
    }),
    message === null || selected.length === 0 ? 200 : 400,
  );
}

const SORT_KEYS: Record<OverviewSort, (r: OverviewRow) => number | string> = {
  department: (r) => `${r.departmentCode}/${r.unitCode}`,
  name: (r) => r.unitName,
  total: (r) => r.total,
  basic: (r) => r.basic,
  project: (r) => r.project,
  threePublic: (r) => r.threePublic,
};

/** `/regions/{code}/overview?year=&sort=&order=` (and `overview.csv`): every unit of the region with its totals and the sums. */
export async function regionOverviewRoute(
  regionCode: string,
  query: URLSearchParams,
  db: DbReader,
  render: PublicSiteRenderers,
  format: "html" | "csv",
): Promise<SiteResponse> {
  const region = REGION.test(regionCode) ? await findRegion(regionCode, db) : null;
  if (region === null) return messagePage(render, 404, "没有找到该地区", "没有这个地区代码。");
  const years = await regionYears(regionCode, db);
  const yearText = one(query, "year");
  const sortText = one(query, "sort") ?? "department";
  const orderText = one(query, "order");
  if ((yearText !== null && !YEAR.test(yearText)) || !(OVERVIEW_SORTS as readonly string[]).includes(sortText) || (orderText !== null && orderText !== "asc" && orderText !== "desc")) {
    return messagePage(render, 400, "参数有误", "年度应为四位数字；排序（sort）可为 department、name、total、basic、project、threePublic；顺序（order）为 asc 或 desc。");
  }
  const year = yearText === null ? years[0] : Number(yearText);
  if (year === undefined) return messagePage(render, 404, "没有已公开的预算", `${region.name}还没有已公开的单位预算。`);
  if (!years.includes(year)) return messagePage(render, 404, "没有已公开的预算", `${region.name}${year}年度没有已公开的单位预算。`);
  const sort = sortText as OverviewSort;
  const order = orderText ?? (sort === "department" || sort === "name" ? "asc" : "desc");
  const overview = await loadRegionOverview(regionCode, year, db);
  const key = SORT_KEYS[sort];
  const rows = [...overview.rows].sort((a, b) => {
    const x = key(a);
    const y = key(b);
    const c = typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y), "zh-CN");
    return order === "asc" ? c : -c;
  });
  const model: OverviewPageModel = {
    region,
    year,
    years,
    sort,
    order,
    rows,
    sums: overview.sums,
    amountUnit: overview.amountUnit,
    chart: departmentChart(rows, overview.amountUnit, year),
    csvHref: `/regions/${regionCode}/overview.csv?year=${year}&sort=${sort}&order=${order}`,
  };
  if (format === "csv") {
    const u = amountUnitLabel(model.amountUnit);
    const n = (fen: number) => Number(formatAmount(fen, model.amountUnit));
    return csvResponse(
      [
        ["地区代码", "主管部门编码", "主管部门", "单位编码", "单位名称", "版本", `支出总计（${u}）`, `基本支出（${u}）`, `项目支出（${u}）`, `“三公”经费（${u}）`],
        ...rows.map((r) => [r.regionCode, r.departmentCode, r.departmentName, r.unitCode, r.unitName, r.version, n(r.total), n(r.basic), n(r.project), n(r.threePublic)]),
        ["合计", "", "", "", "", null, n(model.sums.total), n(model.sums.basic), n(model.sums.project), n(model.sums.threePublic)],
      ],
      `overview-${regionCode}-${year}.csv`,
      `${region.name}${year}年单位预算总览.csv`,
    );
  }
  return htmlResponse(render.regionOverview(model));
}
