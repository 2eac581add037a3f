import { describe, expect, it } from "vitest";
import { renderPdf, PdfUnavailableError } from "./pdf";
import { loadDocumentFonts } from "./pdf-fonts";
import { demoContent } from "./test-content";

describe("renderPdf", () => {
  it("fails with a coded error that says in Chinese what is missing and how to fix it when the fonts are not installed", async () => {
    const failure = renderPdf(demoContent(), { contentHash: "x" }, { fonts: () => loadDocumentFonts("/nonexistent") });
    await expect(failure).rejects.toBeInstanceOf(PdfUnavailableError);
    await expect(failure).rejects.toMatchObject({
      code: "FONT_MISSING",
      message: expect.stringMatching(/^无法生成 PDF：找不到中文字体文件（\/nonexistent\/.*NotoSansSC_400Regular\.ttf），请重新运行 npm ci。$/),
    });
  });

  it("gives the same bytes for the same content, and other bytes when the content or its hash differ", async () => {
    const content = demoContent();
    const [first, second] = await Promise.all([renderPdf(content, { contentHash: "a".repeat(64) }), renderPdf(content, { contentHash: "a".repeat(64) })]);
    expect(first.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(first.equals(second)).toBe(true);
    const otherHash = await renderPdf(content, { contentHash: "b".repeat(64) });
    expect(otherHash.equals(first)).toBe(false);
    const later = await renderPdf({ ...content, publication: { ...content.publication, publishedAt: "2024-02-02T08:00:00.000Z" } }, { contentHash: "a".repeat(64) });
    expect(later.equals(first)).toBe(false);
  }, 30_000);
});
