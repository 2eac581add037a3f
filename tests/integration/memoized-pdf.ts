import type { DocumentRenderers } from "@/lib/publication/publish-budget";

const pdfs = new Map<string, Promise<Buffer>>();

/**
 * The given renderers, with each distinct content rendered to PDF once per test file: most tests
 * publish the same content (same budget, same `now`) again, and a PDF takes a few hundred ms.
 */
export function withMemoizedPdf(renderers: DocumentRenderers): DocumentRenderers {
  return {
    ...renderers,
    pdf: (content, info) => {
      const key = info.contentHash;
      let pdf = pdfs.get(key);
      if (pdf === undefined) {
        pdf = renderers.pdf(content, info);
        pdfs.set(key, pdf);
        pdf.catch(() => pdfs.delete(key));
      }
      return pdf;
    },
  };
}
