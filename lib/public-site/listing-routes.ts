import type { DbReader } from "@/lib/budgets/db-client";
import { listPublishedBudgets, loadRegionPage } from "@/lib/public/queries";
import { messagePage } from "./message-page";
import type { PublicSiteRenderers } from "./renderers";
import { htmlResponse, type SiteResponse } from "./site-response";

/**
 * `/` and `/?year=2024`: every region's published budgets. Rendered once per publication and
 * kept in memory (lib/serving/site-handler.ts). Anything but a four-digit year means every year.
 */
export async function homeRoute(query: URLSearchParams, db: DbReader, render: PublicSiteRenderers): Promise<SiteResponse> {
  const all = query.getAll("year");
  const year = all.length === 1 && /^\d{4}$/.test(all[0] ?? "") ? Number(all[0]) : null;
  const index = await listPublishedBudgets(year === null ? {} : { year }, db);
  return htmlResponse(render.home({ index, year }));
}

/** `/regions/{code}`: a region's sub-regions and its departments' published budgets. */
export async function regionRoute(code: string, db: DbReader, render: PublicSiteRenderers): Promise<SiteResponse> {
  const page = await loadRegionPage(code, db);
  if (page === null) return messagePage(render, 404, "未找到您要访问的页面", "该地址没有对应的内容：地区代码可能有误。");
  return htmlResponse(render.region(page));
}

/** `/open-data`: the API and a data package and zip link for every region and year. */
export async function openDataRoute(db: DbReader, render: PublicSiteRenderers): Promise<SiteResponse> {
  return htmlResponse(render.openData({ index: await listPublishedBudgets({}, db) }));
}
