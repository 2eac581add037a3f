import { DEADLINE_STATUS_LABELS } from "@/lib/deadlines/publication-deadline";
import type { TransparencyModel } from "@/lib/public-site/transparency";
import { renderSitePage } from "./site-page";

const percent = (value: number | null) => (value === null ? "—（尚无到期单位）" : `${value}%`);

/** A region's publication record, per year: 公开率, 及时率 and each unit's status. */
export function renderTransparencyPage(model: TransparencyModel): string {
  const { region } = model;
  return renderSitePage({
    title: `${region.name}预算公开情况`,
    description: `${region.name}各年度单位预算的公开率、及时率和每个单位的公开情况。`,
    crumbs: [
      { label: "首页", href: "/" },
      { label: region.name, href: `/regions/${region.code}` },
      { label: "公开情况" },
    ],
    body: (
      <>
        <h1 className="ps-title">{`${region.name}预算公开情况`}</h1>
        <p className="ps-lead">{`${model.ruleText} 公开率 = 已公开单位 ÷ 应公开单位（已过截止日或已公开的单位）；及时率 = 按时公开单位 ÷ 应公开单位。统计日期：${model.asOf}（北京时间）。`}</p>
        {model.years.length === 0 ? <p className="ps-empty">该地区还没有单位预算。</p> : null}
        {model.years.map((y) => (
          <section key={y.year} className="ps-section" aria-labelledby={`h-${y.year}`}>
            <h2 id={`h-${y.year}`}>{`${y.year}年度`}</h2>
            <p>
              {`应公开 ${y.due} 个单位，已公开 ${y.published} 个，其中按时 ${y.onTime} 个。公开率 ${percent(y.publicationRate)}，及时率 ${percent(y.timelinessRate)}。`}{" "}
              <a href={`/regions/${region.code}/overview?year=${y.year}`}>{`${y.year}年预算总览`}</a>
            </p>
            <div className="ps-table-wrap">
              <table className="ps-table">
                <caption>{`${y.year}年度各单位公开情况`}</caption>
                <thead>
                  <tr>
                    <th scope="col">主管部门</th>
                    <th scope="col">单位</th>
                    <th scope="col">公开情况</th>
                    <th scope="col">截止日</th>
                    <th scope="col">公开日期</th>
                  </tr>
                </thead>
                <tbody>
                  {y.rows.map((r) => (
                    <tr key={r.unitCode}>
                      <td>{r.departmentName}</td>
                      <th scope="row">
                        {r.publishedOn ? <a href={`/budgets/${y.year}/${encodeURIComponent(r.unitCode)}`}>{r.unitName}</a> : r.unitName}
                      </th>
                      <td>{DEADLINE_STATUS_LABELS[r.status]}</td>
                      <td>{r.dueDate ?? "—"}</td>
                      <td>{r.publishedOn ?? "—"}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        ))}
      </>
    ),
  });
}
