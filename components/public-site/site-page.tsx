import type { ReactNode } from "react";
import { DOCUMENT_CSS } from "@/components/disclosure/document-css";
import { escapeHtml, renderStaticMarkup } from "@/components/disclosure/static-markup";
import { SITE_CSS } from "./site-css";

export interface Crumb {
  label: string;
  href?: string;
}

/**
 * A complete static page of the public site: the same chrome as a published document (header,
 * skip link, breadcrumbs, footer), the styles inlined, no script. Plain <a> links only, so a
 * visitor downloads a document once, when they open it.
 */
export function renderSitePage(page: { title: string; description?: string; crumbs?: Crumb[]; body: ReactNode }): string {
  const head = [
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(`${page.title} · 预算公开平台`)}</title>`,
    page.description ? `<meta name="description" content="${escapeHtml(page.description)}">` : "",
    `<style>${DOCUMENT_CSS}${SITE_CSS}</style>`,
  ].join("\n");
  const body = renderStaticMarkup(
    <>
      <a className="gk-skip-link" href="#main">
        跳到正文
      </a>
      <header className="gk-site-header">
        <div className="gk-site-header__inner">
          <a className="gk-site-name" href="/">
            预算公开平台
          </a>
          <nav className="ps-nav" aria-label="站点">
            <a href="/">首页</a>
            <a href="/search">搜索</a>
            <a href="/open-data">开放数据</a>
            <a href="/login">工作人员登录</a>
          </nav>
        </div>
      </header>
      {page.crumbs && page.crumbs.length > 0 ? (
        <div className="gk-page-top">
          <nav className="ps-crumbs" aria-label="面包屑">
            <ol>
              {page.crumbs.map((crumb, i) => (
                <li key={i}>
                  {i > 0 ? <span aria-hidden="true">›</span> : null}
                  {crumb.href ? <a href={crumb.href}>{crumb.label}</a> : <span aria-current="page">{crumb.label}</span>}
                </li>
              ))}
            </ol>
          </nav>
        </div>
      ) : null}
      <main id="main" className="gk-main">
        {page.body}
      </main>
      <footer className="gk-footer">
        <div className="gk-footer__inner">
          <p>依据《中华人民共和国预算法》与《地方预决算公开操作规程》公开。本页只列示已公开的预算。</p>
        </div>
      </footer>
    </>,
  );
  return `<!doctype html>\n<html lang="zh-CN">\n<head>\n${head}\n</head>\n<body class="gk-page">\n${body}\n</body>\n</html>\n`;
}
