import { amountUnitLabel } from "@/lib/disclosure/money";
import type { OverviewPageModel, OverviewSort } from "@/lib/public-site/compare-page-models";
import { ChartFigureView, money } from "./comparison-table";
import { renderSitePage } from "./site-page";

const COLUMNS: { sort: OverviewSort; label: string; isAmount: boolean }[] = [
  { sort: "department", label: "主管部门", isAmount: false },
  { sort: "name", label: "单位", isAmount: false },
  { sort: "total", label: "支出总计", isAmount: true },
  { sort: "basic", label: "基本支出", isAmount: true },
  { sort: "project", label: "项目支出", isAmount: true },
  { sort: "threePublic", label: "“三公”经费", isAmount: true },
];

/** Sorting is a link per column (query parameters), so it works without JavaScript and can be shared. */
function SortHeader({ model, column }: { model: OverviewPageModel; column: (typeof COLUMNS)[number] }) {
  const isCurrent = model.sort === column.sort;
  const next = isCurrent ? (model.order === "asc" ? "desc" : "asc") : column.isAmount ? "desc" : "asc";
  const ariaSort = isCurrent ? (model.order === "asc" ? "ascending" : "descending") : undefined;
  return (
    <th scope="col" className={column.isAmount ? "ps-num ps-sort" : "ps-sort"} aria-sort={ariaSort}>
      <a href={`/regions/${model.region.code}/overview?year=${model.year}&sort=${column.sort}&order=${next}`}>
        {column.label}
        {isCurrent ? (model.order === "asc" ? " ▲" : " ▼") : ""}
        <span className="visually-hidden">{`（按${column.label}${next === "asc" ? "升序" : "降序"}排列）`}</span>
      </a>
    </th>
  );
}

export function renderRegionOverviewPage(model: OverviewPageModel): string {
  const { region, year } = model;
  const unit = model.amountUnit;
  return renderSitePage({
    title: `${region.name}${year}年单位预算总览`,
    description: `${region.name}${year}年各部门、各单位已公开预算的支出总计、基本支出、项目支出和“三公”经费，及全地区合计。`,
    crumbs: [
      { label: "首页", href: "/" },
      { label: region.name, href: `/regions/${region.code}` },
      { label: "预算总览" },
    ],
    body: (
      <>
        <h1 className="ps-title">{`${region.name}${year}年单位预算总览`}</h1>
        <ul className="ps-links">
          {model.years.map((y) =>
            y === year ? (
              <li key={y}>
                <span aria-current="page">{`${y}年`}</span>
              </li>
            ) : (
              <li key={y}>
                <a href={`/regions/${region.code}/overview?year=${y}`}>{`${y}年`}</a>
              </li>
            ),
          )}
          <li>
            <a href={model.csvHref} type="text/csv" download>
              下载总览（CSV）
            </a>
          </li>
          <li>
            <a href={`/compare/units?region=${region.code}&year=${year}`}>选择单位对比</a>
          </li>
          <li>
            <a href={`/regions/${region.code}/transparency`}>公开情况</a>
          </li>
          <li>
            <a href={`/api/v1/regions/${region.code}/${year}/datapackage.json`}>数据包（datapackage.json）</a>
          </li>
          <li>
            <a href={`/api/v1/regions/${region.code}/${year}/bundle.zip`} download>
              批量下载（ZIP）
            </a>
          </li>
        </ul>
        <div className="ps-table-wrap">
          <table className="ps-table">
            <caption>{`${model.rows.length} 个单位（单位：${amountUnitLabel(unit)}；点击列名排序）`}</caption>
            <thead>
              <tr>
                {COLUMNS.map((c) => (
                  <SortHeader key={c.sort} model={model} column={c} />
                ))}
                <th scope="col">历年</th>
              </tr>
            </thead>
            <tbody>
              {model.rows.map((r) => (
                <tr key={`${r.regionCode}/${r.unitCode}`}>
                  <td>{r.departmentName}</td>
                  <th scope="row">
                    <a href={`/budgets/${year}/${encodeURIComponent(r.unitCode)}`}>{r.unitName}</a>
                  </th>
                  <td className="ps-num">{money(r.total, unit)}</td>
                  <td className="ps-num">{money(r.basic, unit)}</td>
                  <td className="ps-num">{money(r.project, unit)}</td>
                  <td className="ps-num">{money(r.threePublic, unit)}</td>
                  <td>
                    <a href={`/compare/years?region=${r.regionCode}&unit=${encodeURIComponent(r.unitCode)}`}>对比</a>
                  </td>
                </tr>
              ))}
              <tr className="ps-total">
                <th scope="row" colSpan={2}>
                  合计
                </th>
                <td className="ps-num">{money(model.sums.total, unit)}</td>
                <td className="ps-num">{money(model.sums.basic, unit)}</td>
                <td className="ps-num">{money(model.sums.project, unit)}</td>
                <td className="ps-num">{money(model.sums.threePublic, unit)}</td>
                <td />
              </tr>
            </tbody>
          </table>
        </div>
        {model.chart ? <ChartFigureView chart={model.chart} /> : null}
      </>
    ),
  });
}
