import type { PublishedBudgetIndex, RegionPage } from "@/lib/public/queries";
import type { OverviewPageModel, UnitsPageModel, YearsPageModel } from "./compare-page-models";
import type { SearchPageModel } from "./search-page-model";
import type { TransparencyModel } from "./transparency";

/**
 * The page renderers of the public site. They live in components/public-site/ and are composed
 * outside lib/ (app/document-renderers.ts), as for the published documents; each returns a
 * complete static HTML page.
 */
export interface PublicSiteRenderers {
  home(model: { index: PublishedBudgetIndex; year: number | null }): string;
  region(model: RegionPage): string;
  openData(model: { index: PublishedBudgetIndex }): string;
  search(model: SearchPageModel): string;
  compareYears(model: YearsPageModel): string;
  compareUnits(model: UnitsPageModel): string;
  regionOverview(model: OverviewPageModel): string;
  transparency(model: TransparencyModel): string;
  /** a short page saying why there is nothing to show (Chinese title and message) */
  message(model: { title: string; message: string }): string;
}
