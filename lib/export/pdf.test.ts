import { describe, expect, it } from "vitest";
import { renderPdf, PdfUnavailableError } from "./pdf";
import { loadDocumentFonts } from "./pdf-fonts";
import { guantao2024Budget } from "@/lib/demo/guantao-2024";
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

  it("gives the same bytes after other documents were drawn (the shaped words are shared between documents)", async () => {
    const content = demoContent();
    const before = await renderPdf(content, { contentHash: "e".repeat(64) });
    const other = demoContent({ ...guantao2024Budget, unit: { ...guantao2024Budget.unit, name: "馆陶县测试单位（另一份文件）" } });
    await renderPdf(other, { contentHash: "f".repeat(64) });
    const after = await renderPdf(content, { contentHash: "e".repeat(64) });
    expect(after.equals(before)).toBe(true);
  }, 30_000);
});
