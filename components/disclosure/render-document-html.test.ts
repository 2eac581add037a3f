import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { guantao2024Budget, guantao2024CodeBook } from "@/lib/demo/guantao-2024";
import { buildSnapshotContent, contentHash } from "@/lib/publication/snapshot-content";
import { DOCUMENT_CSS } from "./document-css";
import { decodeText, elements } from "./html-test-helpers";
import { NOTICE_MARKER, renderDocumentHtml, type DocumentPageInfo } from "./render-document-html";

const publication = { version: 1, publishedAt: "2024-02-01T08:00:00.000Z", approvedAt: "2024-01-20", correctionNote: null };
const content = buildSnapshotContent(guantao2024Budget, guantao2024CodeBook, publication);
const hash = contentHash(content);
const base = "/budgets/2024/224001/v1";
const info: DocumentPageInfo = {
  contentHash: hash,
  canonicalPath: base,
  downloads: { pdf: `${base}/224001-2024-v1.pdf`, docx: `${base}/224001-2024-v1.docx`, xlsx: `${base}/224001-2024-v1.xlsx`, csv: `${base}/224001-2024-v1.csv`, json: `${base}/224001-2024-v1.json` },
};
const html = renderDocumentHtml(content, info);

describe("the published static page", () => {
  it("is a complete HTML5 document in Chinese with its metadata", () => {
    expect(html.startsWith('<!doctype html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">')).toBe(true);
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(html).toContain("<title>中共馆陶县委网络安全和信息化委员会办公室本级2024年单位预算 · 预算公开平台</title>");
    expect(html).toContain(`<link rel="canonical" href="${base}">`);
    expect(html.trimEnd().endsWith("</html>")).toBe(true);
  });

  it("needs nothing else: the stylesheet is inlined, and there is no script and no external resource", () => {
    expect(DOCUMENT_CSS).toContain("@media print");
    expect(html).toContain(`<style>${DOCUMENT_CSS}</style>`);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/\son[a-z]+=/i);
    expect(html).not.toMatch(/<link\b[^>]*rel="stylesheet"/);
    expect(html).not.toMatch(/(?:src|href)="(?:https?:)?\/\//);
  });

  it("leaves the notice marker once, directly at the start of the main content", () => {
    expect(NOTICE_MARKER).toBe("<!--gongkai-notice-->");
    expect(html.split(NOTICE_MARKER)).toHaveLength(2);
    expect(html).toContain(`<main id="main" class="gk-main">${NOTICE_MARKER}`);
  });

  it("shows the version, publication time, approval date and the content hash", () => {
    const footer = decodeText(elements(html, "footer")[0] ?? "");
    expect(footer).toContain("版本 v1");
    expect(footer).toContain("发布时间：2024-02-01 16:00（北京时间）");
    expect(footer).toContain("批复日期：2024-01-20");
    expect(footer).toContain(`内容校验码（SHA-256）：${hash}`);
  });

  it("has a site header linking home, and breadcrumbs 首页 › region › department › unit, the region linking to its page", () => {
    expect(html).toMatch(/<header class="gk-site-header">[\s\S]*?<a class="gk-site-name" href="\/">预算公开平台<\/a>/);
    const crumbs = elements(html, "nav", 'aria-label="面包屑"')[0] ?? "";
    expect(elements(crumbs, "li").map(decodeText)).toEqual(["首页", "馆陶县", "中共馆陶县委网络安全和信息化委员会办公室", "中共馆陶县委网络安全和信息化委员会办公室本级"]);
    expect(crumbs).toContain('<a href="/">首页</a>');
    expect(crumbs).toContain('<a href="/regions/130433">馆陶县</a>');
  });

  it("links the five downloads when there are downloads, and none in the copy printed to PDF", () => {
    const links = [...html.matchAll(/<a href="([^"]+)"[^>]*>(下载 [^<]+)<\/a>/g)].map((m) => [m[2], m[1]]);
    expect(links).toEqual([
      ["下载 PDF", info.downloads?.pdf],
      ["下载 Word", info.downloads?.docx],
      ["下载 Excel", info.downloads?.xlsx],
      ["下载 CSV", info.downloads?.csv],
      ["下载 JSON", info.downloads?.json],
    ]);
    expect(renderDocumentHtml(content, { ...info, downloads: null })).not.toContain("下载 PDF");
  });

  it("escapes what units typed, so a name cannot inject markup", () => {
    const budget = structuredClone(guantao2024Budget);
    budget.unit.name = "测试单位<script>alert(1)</script>";
    budget.unit.duties = ['（一）<img src=x onerror="alert(1)">'];
    const hostile = renderDocumentHtml(buildSnapshotContent(budget, guantao2024CodeBook, publication), { ...info, siteName: "平台</title><script>" });
    expect(hostile).not.toMatch(/<script/i);
    expect(hostile).not.toContain("<img");
    expect(hostile).toContain("测试单位&lt;script&gt;");
  });

  it("stays small: the demo page gzips to well under 60 KB", () => {
    const gzipped = gzipSync(html).length;
    expect(gzipped).toBeLessThan(60 * 1024);
    expect(Buffer.byteLength(html)).toBeLessThan(400 * 1024);
  });
});
