import type { SearchFacets } from "@/lib/search/search-facets";
import type { SearchParams } from "@/lib/search/search-params";
import type { SearchResults } from "@/lib/search/search-published";

/** What the search page shows (components/public-site/search-page.tsx renders it). */
export interface SearchPageModel {
  params: SearchParams;
  facets: SearchFacets;
  /** why the request could not be answered (Chinese); the page then shows the form again */
  error: string | null;
  /** null without a query */
  results: SearchResults | null;
  /** query string of this search (for the CSV and JSON links and the pages), without `page` */
  queryString: string;
}
