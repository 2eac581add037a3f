import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { documentRenderers } from "@/app/document-renderers";
import { demoContent } from "@/lib/export/test-content";
import { createRenderPool } from "@/lib/publication/render-pool";

const pool = createRenderPool(documentRenderers, { workerFile: path.join(process.cwd(), "app/render-worker.ts"), size: 1 });
afterAll(() => pool.close());

describe("the render pool (PDF, Word and XLSX in worker threads)", () => {
  it("gives the same bytes as the main thread for the same content, several documents at once", async () => {
    const content = demoContent();
    const info = { contentHash: "a".repeat(64) };
    const [pdf, docx, otherPdf] = await Promise.all([
      pool.renderers.pdf(content, info),
      pool.renderers.docx(content, info),
      pool.renderers.pdf(content, { contentHash: "b".repeat(64) }),
    ]);
    expect(pdf.equals(await documentRenderers.pdf(content, info))).toBe(true);
    expect(docx.equals(await documentRenderers.docx(content, info))).toBe(true);
    expect(otherPdf.equals(pdf)).toBe(false);
    const xlsx = await pool.renderers.xlsx(content);
    expect(xlsx.subarray(0, 2).toString("latin1")).toBe("PK");
    // the quick renderers stay on the calling thread
    expect(pool.renderers.json).toBe(documentRenderers.json);
  }, 60_000);
});
