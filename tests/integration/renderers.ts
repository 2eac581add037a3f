import { documentRenderers } from "@/app/document-renderers";
import { PdfUnavailableError } from "@/lib/export/pdf";
import type { DocumentRenderers } from "@/lib/publication/publish-budget";

/** The real renderers without Chromium: publication goes on without the PDF (fast, for tests that do not look at it). */
export const renderersWithoutPdf: DocumentRenderers = {
  ...documentRenderers,
  pdf: () => Promise.reject(new PdfUnavailableError("FONT_MISSING", "测试中不生成 PDF。")),
};
