import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { guantao2024Budget, guantao2024CodeBook } from "@/lib/demo/guantao-2024";
import { renderPdf } from "@/lib/export/pdf";
import { buildSnapshotContent, contentHash } from "@/lib/publication/snapshot-content";
import { renderDocumentHtml } from "./render-document-html";

const UNIT_NAME = "中共馆陶县委网络安全和信息化委员会办公室本级";

/** The PDF of the demo document, and its text page by page as pdftotext (poppler-utils) reads it. */
let pdf: Buffer;
let pages: string[];
const dir = mkdtempSync(path.join(tmpdir(), "gongkai-pdf-"));

beforeAll(async () => {
  const content = buildSnapshotContent(guantao2024Budget, guantao2024CodeBook, {
    version: 1,
    publishedAt: "2024-02-01T08:00:00.000Z",
    approvedAt: "2024-01-20",
    correctionNote: null,
  });
  const html = renderDocumentHtml(content, { contentHash: contentHash(content), canonicalPath: "/budgets/2024/224001/v1", downloads: null });
  pdf = await renderPdf(html);
  const file = path.join(dir, "demo.pdf");
  writeFileSync(file, pdf);
  pages = execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" }).split("\f").filter((page) => page.trim() !== "");
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the PDF of the demo document", () => {
  it("is a PDF with the unit, its figures and more pages than tables", () => {
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const text = pages.join("\n");
    expect(text).toContain(UNIT_NAME);
    expect(text).toContain("116.76");
    expect(text).toContain("1.385");
    expect(pages.length).toBeGreaterThan(9);
  });

  it("starts each of the nine tables and each 绩效目标表 on a page of its own", () => {
    const startPage = (title: string) => pages.findIndex((page) => page.includes(title));
    const tables = ["表1 单位预算收支总表", "表2 单位预算收入总表", "表3 单位预算支出总表", "表4 单位预算财政拨款收支总表", "表5 单位预算一般公共预算财政拨款支出表", "表6 单位预算一般公共预算财政拨款基本支出表", "表7 单位预算政府性基金预算财政拨款支出表", "表8 单位预算国有资本经营预算财政拨款支出表", "表9 单位预算财政拨款“三公”经费支出表"];
    const forms = guantao2024Budget.projects.map((p, i) => `${i + 1}、${p.name}绩效目标表`);
    const starts = [...tables, ...forms].map(startPage);
    expect(starts.every((page) => page > 0)).toBe(true);
    expect(new Set(starts).size).toBe(starts.length);
  });

  it("leaves out the site's navigation", () => {
    const text = pages.join("\n");
    expect(text).not.toMatch(/^\s*目录\s*$/m);
    expect(text).not.toContain("下载");
    expect(text).not.toContain("跳到正文");
    expect(text).not.toContain("返回首页");
  });
});
