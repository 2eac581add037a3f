import { amountUnitLabel, formatAmount } from "@/lib/disclosure/money";
import type { AmountUnit, PerformanceIndicator, Project } from "@/lib/disclosure/types";
import { indicatorValueText, SPENDING_PLAN_COLUMNS } from "@/lib/disclosure/document-outline";
import { ScrollBox } from "./budget-table";

export { indicatorValueText };

interface IndicatorRow {
  indicator: PerformanceIndicator;
  /** rows the 一级 cell spans when this row starts a run of the same 一级, else 0 */
  level1Span: number;
  /** the same for 二级 within its 一级 */
  level2Span: number;
}

/** Merges consecutive equal 一级 and 二级 cells as the official form does. */
function indicatorRows(indicators: readonly PerformanceIndicator[]): IndicatorRow[] {
  const rows: IndicatorRow[] = indicators.map((indicator) => ({ indicator, level1Span: 0, level2Span: 0 }));
  let level1Head: IndicatorRow | undefined;
  let level2Head: IndicatorRow | undefined;
  for (const row of rows) {
    if (!level1Head || row.indicator.level1 !== level1Head.indicator.level1) {
      level1Head = row;
      level2Head = row;
      row.level1Span = 1;
      row.level2Span = 1;
      continue;
    }
    level1Head.level1Span += 1;
    if (!level2Head || row.indicator.level2 !== level2Head.indicator.level2) {
      level2Head = row;
      row.level2Span = 1;
    } else {
      level2Head.level2Span += 1;
    }
  }
  return rows;
}

const PLAN_COLUMNS = SPENDING_PLAN_COLUMNS;

/**
 * One project's 绩效目标表: the form part (code, name, 预算数 split into 财政资金 and 其他资金,
 * purpose, 资金支出计划, 绩效目标) and the indicator table with merged 一级/二级 cells.
 * The form uses a 13-column grid (a label column and twelve) so rows of two, three, four and
 * six cells line up as on paper.
 */
export function PerformanceForm({ project, index, amountUnit }: { project: Project; index: number; amountUnit: AmountUnit }) {
  const id = `project-${index}`;
  const title = `${index}、${project.name}绩效目标表`;
  const money = (fen: number) => formatAmount(fen, amountUnit, { blankZero: true });
  return (
    <section className="perf-form" id={id} aria-labelledby={`${id}-title`} data-project-code={project.code}>
      <h4 className="perf-form__title" id={`${id}-title`}>
        {title}
      </h4>
      <p className="perf-form__unit">单位：{amountUnitLabel(amountUnit)}</p>
      <ScrollBox label={title}>
        <table className="form-table perf-summary">
          <caption className="visually-hidden">{`${project.name}：项目概况与资金支出计划`}</caption>
          <colgroup>
            <col className="col-label" />
            {Array.from({ length: 12 }, (_, i) => (
              <col key={i} />
            ))}
          </colgroup>
          <tbody>
            <tr>
              <th scope="row">项目编码</th>
              <td colSpan={4} className="cell-code" data-field="code">
                {project.code}
              </td>
              <th scope="row" colSpan={2}>
                项目名称
              </th>
              <td colSpan={6} data-field="name">
                {project.name}
              </td>
            </tr>
            <tr>
              <th scope="rowgroup" rowSpan={2}>
                预算规模及资金用途
              </th>
              <th scope="row" colSpan={2}>
                预算数
              </th>
              <td colSpan={2} className="cell-amount" data-field="amount">
                {money(project.amount)}
              </td>
              <th scope="row" colSpan={2}>
                其中：财政资金
              </th>
              <td colSpan={2} className="cell-amount" data-field="fiscalAmount">
                {money(project.fiscalAmount)}
              </td>
              <th scope="row" colSpan={2}>
                其他资金
              </th>
              <td colSpan={2} className="cell-amount" data-field="otherAmount">
                {money(project.otherAmount)}
              </td>
            </tr>
            <tr>
              <th scope="row" colSpan={2}>
                资金用途
              </th>
              <td colSpan={10} data-field="purpose">
                {project.purpose}
              </td>
            </tr>
            <tr>
              <th scope="rowgroup" rowSpan={2}>
                资金支出计划（%）
              </th>
              {PLAN_COLUMNS.map(([key, label]) => (
                <th key={key} scope="col" colSpan={3} id={`${id}-plan-${key}`}>
                  {label}
                </th>
              ))}
            </tr>
            <tr className="perf-summary__plan">
              {PLAN_COLUMNS.map(([key]) => (
                <td key={key} colSpan={3} className="cell-center" data-field={`plan-${key}`} headers={`${id}-plan-${key}`}>
                  {project.spendingPlan[key]}%
                </td>
              ))}
            </tr>
            <tr>
              <th scope="row">绩效目标</th>
              <td colSpan={12} data-field="performanceGoal">
                {project.performanceGoal}
              </td>
            </tr>
          </tbody>
        </table>
      </ScrollBox>
      <ScrollBox label={`${project.name}绩效指标`}>
        <table className="form-table perf-indicators">
          <caption className="visually-hidden">{`${project.name}：绩效指标`}</caption>
          <colgroup>
            <col className="col-level1" />
            <col className="col-level2" />
            <col className="col-level3" />
            <col className="col-description" />
            <col className="col-value" />
            <col className="col-basis" />
          </colgroup>
          <thead>
            <tr>
              <th scope="col">一级指标</th>
              <th scope="col">二级指标</th>
              <th scope="col">三级指标</th>
              <th scope="col">绩效指标描述</th>
              <th scope="col">指标值</th>
              <th scope="col">指标值确定依据</th>
            </tr>
          </thead>
          <tbody>
            {indicatorRows(project.indicators).map(({ indicator, level1Span, level2Span }, i) => (
              <tr key={i} data-indicator={i + 1}>
                {level1Span > 0 ? (
                  <th scope="rowgroup" rowSpan={level1Span} className="cell-level1">
                    {indicator.level1}
                  </th>
                ) : null}
                {level2Span > 0 ? (
                  <th scope="rowgroup" rowSpan={level2Span} className="cell-level2">
                    {indicator.level2}
                  </th>
                ) : null}
                <th scope="row" className="cell-level3">
                  {indicator.name}
                </th>
                <td>{indicator.description}</td>
                <td className="cell-value" data-field="value">
                  {indicatorValueText(indicator)}
                </td>
                <td>{indicator.basis}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollBox>
    </section>
  );
}
