import type { DbReader } from "@/lib/budgets/db-client";
import type { SitePathMatcher, SiteRouter } from "@/lib/serving/site-handler";
import type { PublicSiteRenderers } from "./renderers";
import { compareUnitsRoute, compareYearsRoute, regionOverviewRoute } from "./compare-routes";
import { documentIndex, documentJson, documentPackage, regionPackage } from "./open-data-routes";
import { searchCsv, searchJson, searchPage } from "./search-routes";
import { homeRoute, openDataRoute, regionRoute } from "./listing-routes";
import { messagePage } from "./message-page";
import { transparencyRoute } from "./transparency-route";
import { jsonError, type SiteResponse } from "./site-response";

const SESSION_COOKIE = "session_token=";
const LISTING = /^\/(regions\/[0-9A-Za-z]{1,12})?$/;

/**
 * The paths of the public site (pages and open data); everything else is Next.js's or the
 * documents'. The home and region listings are the site's for citizens; a request with a session
 * cookie gets the app's pages instead, whose header shows who is signed in.
 */
export const isSitePath: SitePathMatcher = (pathname, headers) =>
  (LISTING.test(pathname) && !(headers.cookie ?? "").includes(SESSION_COOKIE)) ||
  pathname === "/search" ||
  pathname === "/open-data" ||
  pathname === "/search.csv" ||
  pathname.startsWith("/api/v1/") ||
  pathname.startsWith("/compare/") ||
  /^\/regions\/[^/]+\/(overview|overview\.csv|transparency|公开情况)$/.test(pathname);

/**
 * The public site's routes: every answer is built from published data only, by functions that
 * return bytes (lib/public-site/site-response.ts), so a static export can call them too.
 */
export function createSiteRouter(db: DbReader, render: PublicSiteRenderers): SiteRouter {
  return async (pathname, query): Promise<SiteResponse | null> => {
    if (pathname === "/") return homeRoute(query, db, render);
    const listing = /^\/regions\/([0-9A-Za-z]{1,12})$/.exec(pathname);
    if (listing) return regionRoute(listing[1] ?? "", db, render);
    if (pathname === "/search") return searchPage(query, db, render);
    if (pathname === "/open-data") return openDataRoute(db, render);
    if (pathname === "/search.csv") return searchCsv(query, db);
    if (pathname === "/compare/years") return compareYearsRoute(query, db, render, "html");
    if (pathname === "/compare/years.csv") return compareYearsRoute(query, db, render, "csv");
    if (pathname === "/compare/units") return compareUnitsRoute(query, db, render, "html");
    if (pathname === "/compare/units.csv") return compareUnitsRoute(query, db, render, "csv");
    const regionPage = /^\/regions\/([^/]+)\/(overview|transparency|公开情况)(\.csv)?$/.exec(pathname);
    if (regionPage) {
      const [, code = "", page, csv] = regionPage;
      if (page === "overview") return regionOverviewRoute(code, query, db, render, csv ? "csv" : "html");
      if (csv === undefined) return transparencyRoute(code, db, render);
    }
    if (pathname === "/api/v1/search") return searchJson(query, db);
    if (pathname === "/api/v1/documents") return documentIndex(query, db, "json");
    if (pathname === "/api/v1/documents.csv") return documentIndex(query, db, "csv");
    const document = /^\/api\/v1\/documents\/([^/]+)\/([^/]+)(?:\/([a-z-]+\.(?:json|csv)))?$/.exec(pathname);
    if (document) {
      const [, year = "", unit = "", file] = document;
      return file === undefined ? documentJson(year, unit, query, db) : documentPackage(year, unit, file, query, db);
    }
    const region = /^\/api\/v1\/regions\/([^/]+)\/([^/]+)\/([a-z-]+\.(?:json|csv|zip))$/.exec(pathname);
    if (region) {
      const [, code = "", year = "", file = ""] = region;
      return regionPackage(code, year, file, db);
    }
    return pathname.startsWith("/api/v1/")
      ? jsonError(404, "没有这个接口，请查看开放数据说明（/open-data）。")
      : messagePage(render, 404, "未找到该页面", "没有这个地址对应的页面。");
  };
}
