import mammoth from "mammoth";
import { describe, expect, it } from "vitest";
import { guantao2024Budget } from "@/lib/demo/guantao-2024";
import { TABLE_IDS } from "@/lib/disclosure/table-model";
import { renderDocx } from "./docx";
import { demoContent } from "./test-content";

describe("the Word file of the demo document", () => {
  it("reads back (mammoth) with the nine table titles, the figures, every project and its indicators, as real tables", async () => {
    const content = demoContent();
    const docx = await renderDocx(content, { contentHash: "c".repeat(64) });
    expect(docx.subarray(0, 2).toString("latin1")).toBe("PK");

    const { value: text } = await mammoth.extractRawText({ buffer: docx });
    for (const id of TABLE_IDS) expect(text).toContain(`表${content.tables[id].number} ${content.tables[id].title}`);
    expect(text).toContain("116.76");
    expect(text).toContain("1.385");
    expect(text).toContain("中共馆陶县委网络安全和信息化委员会办公室本级2024年单位预算信息公开情况说明");
    for (const [i, project] of guantao2024Budget.projects.entries()) {
      expect(text).toContain(`${i + 1}、${project.name}绩效目标表`);
      for (const indicator of project.indicators) expect(text).toContain(indicator.name);
    }
    expect(text).toContain(`内容校验码（SHA-256）：${"c".repeat(64)}`);

    const { value: html } = await mammoth.convertToHtml({ buffer: docx });
    // nine tables, the organisation table, two per 绩效目标表, procurement and assets
    expect(html.match(/<table>/g)?.length).toBe(9 + 1 + 2 * guantao2024Budget.projects.length + 2);
    // merged header cells survive: table 1's 收入 and 支出 each span two columns
    expect(html).toMatch(/<th colspan="2"><p><strong>收入<\/strong><\/p><\/th>|<td colspan="2"><p><strong>收入<\/strong><\/p><\/td>/);
  }, 30_000);

  it("is the same file, byte for byte, for the same content, and another for another hash or date", async () => {
    const content = demoContent();
    const first = await renderDocx(content, { contentHash: "c".repeat(64) });
    await new Promise((resolve) => setTimeout(resolve, 1_100)); // a zip stamped with the clock would change its seconds
    const second = await renderDocx(demoContent(), { contentHash: "c".repeat(64) });
    expect(second.equals(first)).toBe(true);
    expect((await renderDocx(content, { contentHash: "d".repeat(64) })).equals(first)).toBe(false);
    const later = { ...content, publication: { ...content.publication, publishedAt: "2024-02-02T08:00:00.000Z" } };
    const dated = await renderDocx(later, { contentHash: "c".repeat(64) });
    expect(dated.equals(first)).toBe(false);
    expect(dated.toString("latin1")).not.toContain("2024-02-01T08:00:00Z");
    expect((await mammoth.extractRawText({ buffer: dated })).value).toContain("116.76");
  }, 30_000);
});
