import { renderDocumentHtml } from "@/components/disclosure/render-document-html";
import { renderCompareUnitsPage, renderCompareYearsPage } from "@/components/public-site/compare-pages";
import { renderHomePage, renderRegionPage } from "@/components/public-site/listing-pages";
import { renderMessagePage } from "@/components/public-site/message-page";
import { renderOpenDataPage } from "@/components/public-site/open-data-page";
import { renderRegionOverviewPage } from "@/components/public-site/region-overview-page";
import { renderSearchPage } from "@/components/public-site/search-page";
import { renderTransparencyPage } from "@/components/public-site/transparency-page";
import { exportCsv } from "@/lib/export/csv";
import { renderDocx } from "@/lib/export/docx";
import { exportJson } from "@/lib/export/json";
import { renderPdf } from "@/lib/export/pdf";
import { exportXlsx } from "@/lib/export/xlsx";
import type { PublicSiteRenderers } from "@/lib/public-site/renderers";
import type { DocumentRenderers } from "@/lib/publication/publish-budget";

/**
 * The composition root of publication: lib/publication/publish-budget.ts takes its renderers
 * as a parameter because lib/ may not import components/. Whatever publishes (the seed, a
 * publisher's action) passes these.
 */
export const documentRenderers: DocumentRenderers = {
  html: renderDocumentHtml,
  pdf: renderPdf,
  docx: renderDocx,
  xlsx: exportXlsx,
  csv: exportCsv,
  json: exportJson,
};

/** The public site's pages (lib/public-site/), served by scripts/serve.ts and usable by a static export. */
export const publicSiteRenderers: PublicSiteRenderers = {
  home: renderHomePage,
  region: renderRegionPage,
  openData: renderOpenDataPage,
  search: renderSearchPage,
  compareYears: renderCompareYearsPage,
  compareUnits: renderCompareUnitsPage,
  regionOverview: renderRegionOverviewPage,
  transparency: renderTransparencyPage,
  message: renderMessagePage,
};
