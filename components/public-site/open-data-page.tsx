import type { PublishedBudgetIndex } from "@/lib/public/queries";
import { renderSitePage } from "./site-page";

/** `/open-data`: what can be downloaded and read by programs, with a link for every region and year. */
export function renderOpenDataPage({ index }: { index: PublishedBudgetIndex }): string {
  return renderSitePage({
    title: "开放数据",
    description: "已公开预算的目录、读取接口和财政数据包（Fiscal Data Package）。",
    crumbs: [{ label: "首页", href: "/" }, { label: "开放数据" }],
    body: (
      <>
        <h1 className="ps-title">开放数据</h1>
        <p className="ps-lead">
          所有已公开预算（最新版本）均可按地区和年度下载，供研究、新闻和监督使用。数据只来自已公开的预算文件，每个文件附 SHA-256 校验值；接口只读，允许跨域读取（CORS）。
        </p>
        <section className="ps-section" aria-labelledby="h-index">
          <h2 id="h-index">目录与接口</h2>
          <ul>
            <li>
              <a href="/api/v1/documents">全部已公开预算目录（JSON）</a>、<a href="/api/v1/documents.csv">（CSV）</a>：每份预算的各格式文件、网址和 SHA-256；可加参数 <code>?region=地区代码&amp;year=年度</code>。
            </li>
            <li>
              单份预算的表格数据：<code>/api/v1/documents/年度/单位编码</code>；财政数据包：<code>/api/v1/documents/年度/单位编码/datapackage.json</code>。
            </li>
            <li>
              搜索接口：<code>/api/v1/search?q=查询词</code>（参数与<a href="/search">搜索页</a>相同）。
            </li>
          </ul>
        </section>
        <section className="ps-section" aria-labelledby="h-packages">
          <h2 id="h-packages">按地区和年度下载</h2>
          {index.regions.length === 0 ? <p className="ps-empty">暂无已公开的单位预算。</p> : null}
          <div className="ps-table-wrap">
            <table className="ps-table">
              <caption>财政数据包（datapackage.json，含支出、基本支出经济分类、收入三个 CSV）与批量下载（ZIP）</caption>
              <thead>
                <tr>
                  <th scope="col">地区</th>
                  <th scope="col">年度</th>
                  <th scope="col">下载</th>
                </tr>
              </thead>
              <tbody>
                {index.regions.flatMap((r) =>
                  r.years.map((y) => (
                    <tr key={`${r.region.code}-${y.year}`}>
                      <th scope="row">{r.region.name}</th>
                      <td>{`${y.year}年`}</td>
                      <td>
                        <a href={`/api/v1/regions/${r.region.code}/${y.year}/datapackage.json`} aria-label={`${r.region.name}${y.year}年数据包`}>
                          数据包
                        </a>
                        {" · "}
                        <a href={`/api/v1/regions/${r.region.code}/${y.year}/bundle.zip`} download aria-label={`${r.region.name}${y.year}年批量下载（ZIP）`}>
                          批量下载（ZIP）
                        </a>
                        {" · "}
                        <a href={`/api/v1/documents.csv?region=${r.region.code}&year=${y.year}`} aria-label={`${r.region.name}${y.year}年目录（CSV）`}>
                          目录（CSV）
                        </a>
                      </td>
                    </tr>
                  )),
                )}
              </tbody>
            </table>
          </div>
        </section>
      </>
    ),
  });
}
