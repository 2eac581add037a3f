import type { DbReader } from "@/lib/budgets/db-client";
import { prepareSiteResponse, siteResponseHeaders, type SiteRouter } from "@/lib/serving/site-handler";
import type { ListingSource, MirrorBody, MirrorRoute } from "./mirror-routes";

/** The site's pages that need no query: the listings a citizen browses and the search form (comparisons need a query). */
const FIXED_PATHS = ["/", "/open-data", "/search"];
/** Per region: its listing, its overview (table and chart) and its transparency page. */
const REGION_PAGES = ["", "/overview", "/transparency"];

const EXTENSION: Record<string, string> = { "text/html": "html", "application/json": "json", "text/csv": "csv" };

/**
 * The citizen side's listings for the static mirror, answered by the app's own router
 * (lib/public-site/site-router.ts) and prepared by the app's own site handler: the mirror holds
 * the same bytes in the same encodings under the same ETags and headers as the app sends. Only
 * 200s are written; a listing that answers otherwise is left to the mirror's 404 like any unknown
 * URL. The transparency page states its statuses as of today (China date), so the app renders it
 * on each request: run the export at least daily (docs/benchmarks.md, static mirror).
 */
export function siteListings(router: (db: DbReader) => SiteRouter): ListingSource {
  return async (db) => {
    const route = router(db);
    const regions = await db.region.findMany({ select: { code: true }, orderBy: { code: "asc" } });
    const paths = [...FIXED_PATHS, ...regions.flatMap((region) => REGION_PAGES.map((page) => `/regions/${region.code}${page}`))];
    const routes: MirrorRoute[] = [];
    for (const path of paths) {
      const response = await route(path, new URLSearchParams());
      if (response === null || response.status !== 200) continue;
      // compressed as the app compresses it: gzip and brotli for answers it keeps, gzip alone (level 6) otherwise
      const prepared = prepareSiteResponse(response, response.isCacheable);
      const variant = (encoding: "identity" | "gzip" | "br"): MirrorBody | null => {
        const found = prepared.variants.get(encoding);
        return found === undefined ? null : { body: found.bytes, etag: found.etag };
      };
      const identity = variant("identity");
      if (identity === null) continue;
      routes.push({
        path,
        contentType: response.contentType,
        extension: EXTENSION[response.contentType.split(";")[0] ?? ""] ?? "bin",
        identity,
        gzip: variant("gzip"),
        br: variant("br"),
        headers: siteResponseHeaders(response),
      });
    }
    return routes;
  };
}
