import type { UnitsPageModel, YearsPageModel } from "@/lib/public-site/compare-page-models";
import { ChartFigureView, ComparisonTableView } from "./comparison-table";
import { renderSitePage } from "./site-page";

/** A unit's published years side by side, with charts backed by tables. */
export function renderCompareYearsPage(model: YearsPageModel): string {
  const { unit, region } = model;
  const span = model.years.length > 1 ? `${model.years[0]?.year}—${model.years[model.years.length - 1]?.year}年` : `${model.years[0]?.year}年`;
  return renderSitePage({
    title: `${unit.name}历年预算对比`,
    description: `${unit.name}${span}单位预算对比：收支总额、基本支出与项目支出、功能分类、“三公”经费和每个项目。`,
    crumbs: [
      { label: "首页", href: "/" },
      { label: region.name, href: `/regions/${region.code}` },
      { label: `${unit.name}历年对比` },
    ],
    body: (
      <>
        <h1 className="ps-title">{`${unit.name}：${span}预算对比`}</h1>
        <p className="ps-lead">
          {`主管部门：${unit.departmentName}。以下数字均取自各年度已公开预算的最新版本；“变动原因”为最新年度预算文件中的说明。`}
        </p>
        <ul className="ps-links">
          {model.years.map((y) => (
            <li key={y.year}>
              <a href={`/budgets/${y.year}/${encodeURIComponent(unit.code)}`}>{`${y.year}年预算（第${y.version}版）`}</a>
            </li>
          ))}
          <li>
            <a href={model.csvHref} type="text/csv" download>
              下载对比表（CSV）
            </a>
          </li>
          <li>
            <a href={`/compare/units?region=${region.code}&year=${model.years[model.years.length - 1]?.year ?? ""}&unit=${encodeURIComponent(unit.code)}`}>与其他单位对比</a>
          </li>
        </ul>
        {model.tables.map((t) => (
          <section key={t.id} className="ps-section" aria-labelledby={`h-${t.id}`}>
            <h2 id={`h-${t.id}`}>{t.title}</h2>
            <ComparisonTableView table={t} />
          </section>
        ))}
        <section className="ps-section" aria-labelledby="h-charts">
          <h2 id="h-charts">图表</h2>
          {model.charts.map((c) => (
            <ChartFigureView key={c.id} chart={c} />
          ))}
        </section>
      </>
    ),
  });
}

/** Two to five units or departments of a year side by side; the choice is a plain form (no JavaScript). */
export function renderCompareUnitsPage(model: UnitsPageModel): string {
  const { region, year } = model;
  const chosen = new Set(model.selected);
  return renderSitePage({
    title: `${region.name}${year}年单位预算对比`,
    description: `${region.name}${year}年单位和部门预算对比：功能分类、基本/项目、人员/公用、“三公”经费、机关运行经费。`,
    crumbs: [
      { label: "首页", href: "/" },
      { label: region.name, href: `/regions/${region.code}` },
      { label: "单位对比" },
    ],
    body: (
      <>
        <h1 className="ps-title">{`${region.name}${year}年单位预算对比`}</h1>
        {model.message ? (
          <p className="ps-message" role="alert">
            {model.message}
          </p>
        ) : null}
        <form className="ps-form" method="get" action="/compare/units">
          <input type="hidden" name="region" value={region.code} />
          <div>
            <label htmlFor="year">年度</label>
            <select id="year" name="year">
              {model.years.map((y) => (
                <option key={y} value={y} selected={y === year}>{`${y}年`}</option>
              ))}
            </select>
          </div>
          <fieldset className="ps-field--wide">
            <legend>选择 2 至 5 个单位或部门</legend>
            {model.choices.map((c) => {
              const value = `${c.kind}:${c.code}`;
              const id = `choice-${c.kind}-${c.code}`;
              return (
                <div key={value}>
                  <input type="checkbox" id={id} name={c.kind} value={c.code} checked={chosen.has(value)} />{" "}
                  <label htmlFor={id}>
                    {c.kind === "department" ? `${c.name}（部门预算）` : `${c.code} ${c.name}`}
                  </label>
                </div>
              );
            })}
          </fieldset>
          <div>
            <button type="submit">对比</button>
          </div>
        </form>
        {model.tables.length > 0 ? (
          <>
            <ul className="ps-links">
              <li>
                <a href={model.csvHref} type="text/csv" download>
                  下载对比表（CSV）
                </a>
              </li>
            </ul>
            {model.tables.map((t) => (
              <section key={t.id} className="ps-section" aria-labelledby={`h-${t.id}`}>
                <h2 id={`h-${t.id}`}>{t.title}</h2>
                <ComparisonTableView table={t} />
              </section>
            ))}
            <section className="ps-section" aria-labelledby="h-charts">
              <h2 id="h-charts">图表</h2>
              {model.charts.map((c) => (
                <ChartFigureView key={c.id} chart={c} />
              ))}
            </section>
          </>
        ) : null}
      </>
    ),
  });
}
