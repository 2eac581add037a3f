import { createHash } from "node:crypto";
import type { DocumentRenderers } from "@/lib/publication/publish-budget";

const pdfs = new Map<string, Promise<Buffer>>();

/**
 * The given renderers, with each distinct page printed to PDF once per test file: Chromium takes
 * seconds per PDF, and most tests publish the same page (same content, same `now`) again.
 */
export function withMemoizedPdf(renderers: DocumentRenderers): DocumentRenderers {
  return {
    ...renderers,
    pdf: (html) => {
      const key = createHash("sha256").update(html).digest("hex");
      let pdf = pdfs.get(key);
      if (pdf === undefined) {
        pdf = renderers.pdf(html);
        pdfs.set(key, pdf);
        pdf.catch(() => pdfs.delete(key));
      }
      return pdf;
    },
  };
}
