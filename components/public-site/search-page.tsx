import { amountUnitLabel, formatAmount } from "@/lib/disclosure/money";
import type { SearchPageModel } from "@/lib/public-site/search-page-model";
import { highlight } from "@/lib/search/highlight";
import { ENTRY_KIND_LABELS, ENTRY_KINDS } from "@/lib/search/search-entries";
import { DOCUMENT_KIND_LABELS, DOCUMENT_KINDS, MAX_QUERY_LENGTH } from "@/lib/search/search-params";
import { resultDocumentPath, TOTAL_CAP, type SearchResultDocument } from "@/lib/search/search-published";
import { renderSitePage } from "./site-page";

function Marked({ text, terms, maxLength }: { text: string; terms: readonly string[]; maxLength?: number }) {
  return (
    <>
      {highlight(text, terms, maxLength).map((segment, i) => (segment.isMatch ? <mark key={i}>{segment.text}</mark> : segment.text))}
    </>
  );
}

function SearchForm({ model }: { model: SearchPageModel }) {
  const { params, facets } = model;
  return (
    <form className="ps-form" method="get" action="/search" role="search">
      <div className="ps-field--wide">
        <label htmlFor="q">查询词（单位、部门、项目名称或编码，科目名称，职责、项目用途、绩效目标中的文字）</label>
        <input id="q" name="q" type="search" value={params.q} maxLength={MAX_QUERY_LENGTH} placeholder="如：住房公积金、网信、224001" />
      </div>
      <div>
        <label htmlFor="region">地区（含下辖地区）</label>
        <select id="region" name="region">
          <option value="">全部地区</option>
          {facets.regions.map((r) => (
            <option key={r.code} value={r.code} selected={r.code === params.region}>
              {`${"　".repeat(r.depth)}${r.name}`}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="year">年度</label>
        <select id="year" name="year">
          <option value="">全部年度</option>
          {facets.years.map((y) => (
            <option key={y} value={y} selected={y === params.year}>{`${y}年`}</option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="department">主管部门</label>
        <select id="department" name="department">
          <option value="">全部部门</option>
          {facets.departments.map((d) => (
            <option key={d.code} value={d.code} selected={d.code === params.department}>{`${d.code} ${d.name}`}</option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="type">文件类型</label>
        <select id="type" name="type">
          <option value="">单位预算和部门预算</option>
          {DOCUMENT_KINDS.map((k) => (
            <option key={k} value={k} selected={k === params.documentKind}>
              {DOCUMENT_KIND_LABELS[k]}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="kind">结果类型</label>
        <select id="kind" name="kind">
          <option value="">全部类型</option>
          {ENTRY_KINDS.map((k) => (
            <option key={k} value={k} selected={k === params.kind}>
              {ENTRY_KIND_LABELS[k]}
            </option>
          ))}
        </select>
      </div>
      <div>
        <button type="submit">搜索</button>
      </div>
    </form>
  );
}

function Result({ doc, terms }: { doc: SearchResultDocument; terms: readonly string[] }) {
  const unit = doc.amountUnit;
  const money = (fen: number) => `${formatAmount(fen, unit, { grouping: true })} ${amountUnitLabel(unit)}`;
  return (
    <li className="ps-result">
      <h2>
        <a href={resultDocumentPath(doc)}>
          <Marked text={doc.unitName} terms={terms} />
          {`${doc.year}年${DOCUMENT_KIND_LABELS[doc.documentKind]}`}
        </a>
      </h2>
      <p className="ps-result__meta">
        {doc.documentKind === "department"
          ? `部门编码 ${doc.unitCode} · 第${doc.version}版 · 支出总计 `
          : `单位编码 ${doc.unitCode} · 主管部门 ${doc.departmentName} · 第${doc.version}版 · 支出总计 `}
        <span className="ps-amount">{money(doc.totalFen)}</span>
        {doc.documentKind === "unit" ? (
          <>
            {" · "}
            <a href={`/compare/years?region=${doc.regionCode}&unit=${encodeURIComponent(doc.unitCode)}`}>历年对比</a>
          </>
        ) : null}
      </p>
      <ul className="ps-hits">
        {doc.hits.map((hit, i) => (
          <li key={i}>
            <span className="ps-kind">{ENTRY_KIND_LABELS[hit.kind]}</span>{" "}
            {hit.code ? (
              <>
                <Marked text={hit.code} terms={terms} />{" "}
              </>
            ) : null}
            {hit.kind === "duty" || hit.kind === "narrative" ? null : <Marked text={hit.title} terms={terms} />}
            {hit.amountFen !== null ? (
              <>
                {"："}
                <span className="ps-amount">{money(hit.amountFen)}</span>
              </>
            ) : null}
            {hit.body ? (
              <>
                {hit.kind === "duty" || hit.kind === "narrative" ? "" : " — "}
                <Marked text={hit.body} terms={terms} maxLength={90} />
              </>
            ) : null}
          </li>
        ))}
        {doc.hitCount > doc.hits.length ? <li>{`另有 ${doc.hitCount - doc.hits.length} 处匹配`}</li> : null}
      </ul>
    </li>
  );
}

function Pages({ model }: { model: SearchPageModel }) {
  const results = model.results;
  if (results === null || results.pageCount <= 1) return null;
  const href = (page: number) => `/search?${model.queryString}${page > 1 ? `&page=${page}` : ""}`;
  const first = Math.max(1, results.page - 4);
  const last = Math.min(results.pageCount, first + 9);
  const pages: number[] = [];
  for (let p = first; p <= last; p += 1) pages.push(p);
  return (
    <nav aria-label="分页">
      <ul className="ps-pages">
        {results.page > 1 ? (
          <li>
            <a href={href(results.page - 1)} rel="prev">
              上一页
            </a>
          </li>
        ) : null}
        {pages.map((p) =>
          p === results.page ? (
            <li key={p}>
              <span aria-current="page">{p}</span>
            </li>
          ) : (
            <li key={p}>
              <a href={href(p)}>{p}</a>
            </li>
          ),
        )}
        {results.page < results.pageCount ? (
          <li>
            <a href={href(results.page + 1)} rel="next">
              下一页
            </a>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}

function Results({ model }: { model: SearchPageModel }) {
  const results = model.results;
  if (results === null) return null;
  if (results.total === 0) {
    return (
      <p className="ps-empty" role="status">
        {`没有找到与“${model.params.q}”相关的已公开预算。请换一个词，或减少筛选条件。`}
      </p>
    );
  }
  if (results.documents.length === 0) {
    return (
      <p className="ps-empty" role="status">
        {`共 ${results.total} 份结果，没有第 ${results.page} 页。`} <a href={`/search?${model.queryString}`}>回到第 1 页</a>
      </p>
    );
  }
  return (
    <>
      <div className="ps-summary">
        <p role="status">
          {results.isApproximate
            ? `没有完全匹配“${model.params.q}”的结果；以下 ${results.total} 份预算的名称与之相近：`
            : `共找到 ${results.total >= TOTAL_CAP ? `${TOTAL_CAP} 份以上` : `${results.total} 份`}已公开预算（第 ${results.page}/${results.pageCount} 页）。`}
        </p>
        <p>
          <a href={`/search.csv?${model.queryString}`} type="text/csv" download>
            下载结果（CSV）
          </a>{" "}
          · <a href={`/api/v1/search?${model.queryString}`}>JSON</a>
        </p>
      </div>
      <ol className="ps-results">
        {results.documents.map((doc) => (
          <Result key={`${doc.documentKind}/${doc.year}/${doc.unitCode}/${doc.regionCode}`} doc={doc} terms={results.terms} />
        ))}
      </ol>
      <Pages model={model} />
    </>
  );
}

/** The search page: the form (works without JavaScript, the query in the URL) and the results. */
export function renderSearchPage(model: SearchPageModel): string {
  const title = model.params.q && model.error === null ? `搜索：${model.params.q}` : "搜索已公开预算";
  return renderSitePage({
    title,
    description: "在所有已公开的单位预算中搜索单位、部门、项目、科目和说明文字。",
    crumbs: [{ label: "首页", href: "/" }, { label: "搜索" }],
    body: (
      <>
        <h1 className="ps-title">搜索已公开预算</h1>
        {model.error ? (
          <p className="ps-message" role="alert">
            {model.error}
          </p>
        ) : null}
        <SearchForm model={model} />
        <Results model={model} />
      </>
    ),
  });
}
