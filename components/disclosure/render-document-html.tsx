import type { SnapshotContent } from "@/lib/publication/snapshot-content";
import { formatChinaDate, formatChinaDateTime } from "./china-time";
import { DisclosureDocument } from "./disclosure-document";
import { DocumentBreadcrumbs } from "./document-breadcrumbs";
import { DOCUMENT_CSS } from "./document-css";
import { escapeHtml, renderStaticMarkup } from "./static-markup";

/**
 * Where the serving layer inserts a notice (e.g. "本版本已被更正…") for a superseded version,
 * directly at the start of the main content, without changing the stored page.
 */
export const NOTICE_MARKER = "<!--gongkai-notice-->";

export interface DocumentPageInfo {
  /** sha256 of the snapshot content, shown so anyone can verify a download against the page */
  contentHash: string;
  /** the page's own path, e.g. /budgets/2024/224001/v1 */
  canonicalPath: string;
  downloads: { pdf: string; docx: string; xlsx: string; csv: string; json: string } | null;
  /** the document's Fiscal Data Package (datapackage.json), linked beside the downloads */
  dataPackage?: string | null;
  siteName?: string;
}

const DEFAULT_SITE_NAME = "预算公开平台";

function SiteHeader({ siteName }: { siteName: string }) {
  return (
    <header className="gk-site-header">
      <div className="gk-site-header__inner">
        <a className="gk-site-name" href="/">
          {siteName}
        </a>
        <span className="gk-site-tagline">政府预算 · 公开透明</span>
      </div>
    </header>
  );
}

const DOWNLOAD_TYPES = {
  pdf: ["PDF", "application/pdf"],
  docx: ["Word", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"],
  xlsx: ["Excel", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
  csv: ["CSV", "text/csv"],
  json: ["JSON", "application/json"],
} as const;

/** The file name comes from the server's Content-Disposition, so the page and the server never disagree. */
function Downloads({ downloads, dataPackage }: { downloads: NonNullable<DocumentPageInfo["downloads"]>; dataPackage: string | null }) {
  const links = (Object.keys(DOWNLOAD_TYPES) as (keyof typeof DOWNLOAD_TYPES)[]).map((format) => {
    const [label, type] = DOWNLOAD_TYPES[format];
    return { label, type, href: downloads[format] };
  });
  return (
    <nav className="gk-downloads" aria-label="下载">
      <span className="gk-downloads__label">下载本文件：</span>
      <ul>
        {links.map(({ label, type, href }) => (
          <li key={label}>
            <a href={href} type={type} download>
              下载 {label}
            </a>
          </li>
        ))}
        {dataPackage ? (
          <li>
            <a href={dataPackage} type="application/json">
              数据包（datapackage.json）
            </a>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}

function Footer({ content, contentHash }: { content: SnapshotContent; contentHash: string }) {
  const { version, publishedAt, approvedAt } = content.publication;
  return (
    <footer className="gk-footer">
      <div className="gk-footer__inner">
        <p>
          <span>版本 v{version}</span>
          <span aria-hidden="true"> · </span>
          <span>发布时间：{formatChinaDateTime(publishedAt)}（北京时间）</span>
          {approvedAt ? (
            <>
              <span aria-hidden="true"> · </span>
              <span>批复日期：{formatChinaDate(approvedAt)}</span>
            </>
          ) : null}
        </p>
        <p className="gk-footer__hash">
          内容校验码（SHA-256）：<code>{contentHash}</code>
        </p>
        <p>依据《中华人民共和国预算法》与《地方预决算公开操作规程》公开。</p>
        <p className="gk-footer__links">
          <a href="/">返回首页</a>
        </p>
      </div>
    </footer>
  );
}

/**
 * The published page of one disclosure version: a complete, self-contained HTML5 document with
 * its stylesheet inlined and no scripts, readable forever without JavaScript or build assets.
 * Rendered with renderStaticMarkup, not react-dom/server, so publication can run inside Next's
 * server as well as in scripts and tests.
 */
export function renderDocumentHtml(content: SnapshotContent, info: DocumentPageInfo): string {
  const { budget } = content;
  const siteName = info.siteName ?? DEFAULT_SITE_NAME;
  const documentTitle = `${budget.unit.name}${budget.year}年${content.department === undefined ? "单位预算" : "部门预算"}`;
  const head = [
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(`${documentTitle} · ${siteName}`)}</title>`,
    `<meta name="description" content="${escapeHtml(`${documentTitle}：九张公开表、情况说明与项目绩效目标。`)}">`,
    `<link rel="canonical" href="${escapeHtml(info.canonicalPath)}">`,
    `<meta name="gongkai-content-hash" content="${escapeHtml(info.contentHash)}">`,
    `<style>${DOCUMENT_CSS}</style>`,
  ].join("\n");
  const top = renderStaticMarkup(
    <>
      <a className="gk-skip-link" href="#main">
        跳到正文
      </a>
      <SiteHeader siteName={siteName} />
      <div className="gk-page-top">
        <DocumentBreadcrumbs budget={budget} isDepartment={content.department !== undefined} />
      </div>
    </>,
  );
  const main = renderStaticMarkup(
    <>
      {info.downloads ? <Downloads downloads={info.downloads} dataPackage={info.dataPackage ?? null} /> : null}
      <DisclosureDocument content={content} />
    </>,
  );
  const footer = renderStaticMarkup(<Footer content={content} contentHash={info.contentHash} />);
  return [
    "<!doctype html>",
    '<html lang="zh-CN">',
    `<head>\n${head}\n</head>`,
    '<body class="gk-page">',
    top,
    `<main id="main" class="gk-main">${NOTICE_MARKER}${main}</main>`,
    footer,
    "</body>",
    "</html>",
    "",
  ].join("\n");
}
