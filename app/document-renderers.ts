import { renderDocumentHtml } from "@/components/disclosure/render-document-html";
import { exportCsv } from "@/lib/export/csv";
import { renderDocx } from "@/lib/export/docx";
import { exportJson } from "@/lib/export/json";
import { renderPdf } from "@/lib/export/pdf";
import { exportXlsx } from "@/lib/export/xlsx";
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
