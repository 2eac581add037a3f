import type { DbReader } from "@/lib/budgets/db-client";
import { messagePage } from "./message-page";
import type { PublicSiteRenderers } from "./renderers";
import { htmlResponse, type SiteResponse } from "./site-response";
import { loadTransparency } from "./transparency";

/**
 * `/regions/{code}/transparency` (公开情况). Not kept in memory: a unit becomes overdue with the
 * date, not with a publication.
 */
export async function transparencyRoute(regionCode: string, db: DbReader, render: PublicSiteRenderers): Promise<SiteResponse> {
  const model = /^\d{2,12}$/.test(regionCode) ? await loadTransparency(regionCode, db) : null;
  if (model === null) return messagePage(render, 404, "没有找到该地区", "没有这个地区代码。");
  return { ...htmlResponse(render.transparency(model)), isCacheable: false };
}
