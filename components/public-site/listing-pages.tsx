import { formatChinaDate } from "@/components/disclosure/china-time";
import type { PublishedBudgetIndex, RegionListing, RegionPage } from "@/lib/public/queries";
import { renderSitePage } from "./site-page";

/** 第1版; a later version is a correction (更正) of a published budget. */
function versionLabel(version: number): string {
  return version > 1 ? `第${version}版（更正）` : `第${version}版`;
}

type Year = RegionListing["years"][number];
type ListRow = { kind: "department"; item: Year["departments"][number] } | { kind: "unit"; item: Year["budgets"][number] };

/** Each department's 部门预算 first, then its units (both lists come in code order). */
function inDepartmentOrder(budgets: Year["budgets"], departments: Year["departments"]): ListRow[] {
  const rows: ListRow[] = [];
  const placed = new Set<string>();
  for (const b of budgets) {
    for (const d of departments) {
      if (!placed.has(d.departmentCode) && d.departmentCode <= b.department.code) {
        rows.push({ kind: "department", item: d });
        placed.add(d.departmentCode);
      }
    }
    rows.push({ kind: "unit", item: b });
  }
  for (const d of departments) if (!placed.has(d.departmentCode)) rows.push({ kind: "department", item: d });
  return rows;
}

function RegionSection({ listing }: { listing: RegionListing }) {
  const { region, ancestors, years } = listing;
  const headingId = `region-${region.code}`;
  return (
    <section aria-labelledby={headingId} className="ps-region">
      <div className="ps-region__head">
        <h2 id={headingId}>
          <a href={`/regions/${region.code}`}>{region.name}</a>
        </h2>
        {ancestors.length > 0 ? <p>{ancestors.map((a) => a.name).join(" · ")}</p> : null}
      </div>
      {years.map(({ year, budgets, departments }) => (
        <div key={year}>
          <h3>{`${year}年度`}</h3>
          <table className="ps-list">
            <caption className="visually-hidden">{`${region.name}${year}年度已公开的单位预算`}</caption>
            <thead>
              <tr>
                <th scope="col">单位</th>
                <th scope="col" className="ps-wide-only">
                  主管部门
                </th>
                <th scope="col">公开日期</th>
              </tr>
            </thead>
            <tbody>
              {inDepartmentOrder(budgets, departments).map((row) =>
                row.kind === "department" ? (
                  <tr key={`d-${row.item.departmentCode}`} className="ps-dept">
                    <th scope="row">
                      <a href={`/budgets/${row.item.year}/departments/${row.item.departmentCode}`}>{`${row.item.departmentName}部门预算`}</a>
                      <span className="ps-small">{`部门编码 ${row.item.departmentCode}`}</span>
                      <span className="ps-small">部门预算：所属单位汇总</span>
                    </th>
                    <td className="ps-wide-only">{row.item.departmentName}</td>
                    <td>
                      {formatChinaDate(row.item.publishedAt)}
                      <span className="ps-small">{versionLabel(row.item.version)}</span>
                    </td>
                  </tr>
                ) : (
                  <tr key={row.item.unitCode}>
                    <th scope="row">
                      <a href={`/budgets/${row.item.year}/${row.item.unitCode}`}>{row.item.unitName}</a>
                      <span className="ps-small">{`单位编码 ${row.item.unitCode}`}</span>
                      <span className="ps-small ps-narrow-only">{`主管部门：${row.item.department.name}`}</span>
                    </th>
                    <td className="ps-wide-only">{row.item.department.name}</td>
                    <td>
                      {formatChinaDate(row.item.publishedAt)}
                      <span className="ps-small">{versionLabel(row.item.version)}</span>
                    </td>
                  </tr>
                ),
              )}
            </tbody>
          </table>
          <p className="ps-small">
            <a href={`/regions/${region.code}/overview?year=${year}`}>{`${year}年预算总览与图表`}</a>
            {" · "}
            <a href={`/compare/units?region=${region.code}&year=${year}`}>单位对比</a>
            {" · "}
            <a href={`/regions/${region.code}/transparency`}>公开情况</a>
            {" · "}
            <a href={`/api/v1/regions/${region.code}/${year}/datapackage.json`}>数据包</a>
          </p>
        </div>
      ))}
    </section>
  );
}

/** The home page: every region's published budgets by year; the year filter and search are plain GET links and forms. */
export function renderHomePage(model: { index: PublishedBudgetIndex; year: number | null }): string {
  const { index, year } = model;
  return renderSitePage({
    title: "单位预算公开",
    description: "按地区和年度查阅已公开的单位预算：九张公开表、情况说明和项目绩效目标。",
    body: (
      <>
        <h1 className="ps-title">单位预算公开</h1>
        <p className="ps-lead">
          按地区和年度查阅已公开的单位预算。每份预算包含九张公开表、情况说明和项目绩效目标，表内数字由同一份数据生成，彼此一致；更正后的预算以最新版本列示，原版本仍可查阅。
        </p>
        <form className="ps-form" method="get" action="/search" role="search">
          <div className="ps-field--wide">
            <label htmlFor="q">搜索单位、部门、项目、科目或说明文字</label>
            <input id="q" name="q" type="search" maxLength={100} placeholder="如：住房公积金、网信、224001" />
          </div>
          <div>
            <button type="submit">搜索</button>
          </div>
        </form>
        {index.years.length > 0 ? (
          <nav aria-label="按预算年度筛选" className="ps-years">
            <span>预算年度：</span>
            <ul>
              <li>
                <a href="/" aria-current={year === null ? "page" : undefined}>
                  全部年度
                </a>
              </li>
              {index.years.map((y) => (
                <li key={y}>
                  <a href={`/?year=${y}`} aria-current={year === y ? "page" : undefined}>{`${y}年`}</a>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
        {index.regions.length === 0 ? (
          <p className="ps-empty">{year === null ? "暂无已公开的单位预算。" : `${year}年度暂无已公开的单位预算。`}</p>
        ) : (
          index.regions.map((listing) => <RegionSection key={listing.region.code} listing={listing} />)
        )}
      </>
    ),
  });
}

/** A region: sub-regions, and each department's units with their published budgets by year. */
export function renderRegionPage(page: RegionPage): string {
  const { region, ancestors, children, departments } = page;
  return renderSitePage({
    title: `${region.name}单位预算`,
    description: `${region.name}已公开的单位预算和部门预算。`,
    crumbs: [{ label: "首页", href: "/" }, ...ancestors.map((a) => ({ label: a.name, href: `/regions/${a.code}` })), { label: region.name }],
    body: (
      <>
        <h1 className="ps-title">{`${region.name}单位预算公开`}</h1>
        <p className="ps-small">{`行政区划代码 ${region.code}`}</p>
        <ul className="ps-links">
          <li>
            <a href={`/regions/${region.code}/overview`}>预算总览与图表</a>
          </li>
          <li>
            <a href={`/compare/units?region=${region.code}`}>单位对比</a>
          </li>
          <li>
            <a href={`/regions/${region.code}/transparency`}>公开情况</a>
          </li>
          <li>
            <a href={`/search?region=${region.code}`}>在本地区搜索</a>
          </li>
        </ul>
        {children.length > 0 ? (
          <section aria-labelledby="sub-regions" className="ps-section">
            <h2 id="sub-regions">下级地区</h2>
            <ul className="ps-links">
              {children.map((child) => (
                <li key={child.code}>
                  <a href={`/regions/${child.code}`}>{child.name}</a>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        {departments.length === 0 ? (
          <p className="ps-empty">{`${region.name}本级暂无已公开的单位预算。`}</p>
        ) : (
          departments.map((department) => (
            <section key={department.code} aria-labelledby={`department-${department.code}`} className="ps-section">
              <h2 id={`department-${department.code}`}>{department.name}</h2>
              <p className="ps-small">{`部门编码 ${department.code}`}</p>
              <table className="ps-list">
                <caption className="visually-hidden">{`${department.name}所属单位已公开的预算`}</caption>
                <thead>
                  <tr>
                    <th scope="col">单位</th>
                    <th scope="col">已公开的预算</th>
                  </tr>
                </thead>
                <tbody>
                  {department.budgets.length > 0 ? (
                    <tr className="ps-dept">
                      <th scope="row">
                        部门预算<span className="ps-small">所属单位汇总</span>
                      </th>
                      <td>
                        <ul>
                          {department.budgets.map((b) => (
                            <li key={b.year}>
                              <a href={`/budgets/${b.year}/departments/${b.departmentCode}`} aria-label={`${department.name} ${b.year}年部门预算`}>
                                {`${b.year}年部门预算`}
                              </a>
                              {b.version > 1 ? <span className="ps-small">{versionLabel(b.version)}</span> : null}
                            </li>
                          ))}
                        </ul>
                      </td>
                    </tr>
                  ) : null}
                  {department.units.map((unit) => (
                    <tr key={unit.code}>
                      <th scope="row">
                        {unit.name}
                        <span className="ps-small">{`单位编码 ${unit.code}`}</span>
                      </th>
                      <td>
                        <ul>
                          {unit.budgets.map((b) => (
                            <li key={b.year}>
                              <a href={`/budgets/${b.year}/${b.unitCode}`} aria-label={`${unit.name} ${b.year}年度预算`}>
                                {`${b.year}年度预算`}
                              </a>
                              {b.version > 1 ? <span className="ps-small">{versionLabel(b.version)}</span> : null}
                            </li>
                          ))}
                          <li>
                            <a href={`/compare/years?region=${region.code}&unit=${encodeURIComponent(unit.code)}`} aria-label={`${unit.name} 历年对比`}>
                              历年对比
                            </a>
                          </li>
                        </ul>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          ))
        )}
      </>
    ),
  });
}
