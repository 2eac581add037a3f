import type { ComparisonTable } from "@/lib/compare/comparison-table";
import { amountUnitLabel, formatAmount } from "@/lib/disclosure/money";
import type { AmountUnit, Fen } from "@/lib/disclosure/types";
import type { ChartFigure } from "@/lib/public-site/compare-page-models";

export function money(fen: Fen | null, unit: AmountUnit): string {
  return fen === null ? "—" : formatAmount(fen, unit, { grouping: true });
}

function Change({ change, unit }: { change: NonNullable<ComparisonTable["rows"][number]["change"]>; unit: AmountUnit }) {
  const sign = change.fen > 0 ? "+" : "";
  return (
    <span className={change.fen > 0 ? "ps-up" : change.fen < 0 ? "ps-down" : undefined}>
      {`${sign}${money(change.fen, unit)}`}
      {change.percent === null ? "" : `（${sign}${change.percent}%）`}
    </span>
  );
}

/** A side-by-side table: one amount column per year or unit, and for years the change and the stated reason. */
export function ComparisonTableView({ table, caption }: { table: ComparisonTable; caption?: string }) {
  const unit = table.amountUnit;
  return (
    <div className="ps-table-wrap">
      <table className="ps-table" id={`table-${table.id}`}>
        <caption>{`${caption ?? table.title}（单位：${amountUnitLabel(unit)}）`}</caption>
        <thead>
          <tr>
            <th scope="col">项目</th>
            {table.columns.map((c, i) => (
              <th key={i} scope="col" className="ps-num">
                {c}
              </th>
            ))}
            {table.showsChange ? (
              <>
                <th scope="col" className="ps-num">
                  比上年增减
                </th>
                <th scope="col">变动原因（文件所述）</th>
              </>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {table.rows.length === 0 ? (
            <tr>
              <td colSpan={table.columns.length + (table.showsChange ? 3 : 1)}>无</td>
            </tr>
          ) : (
            table.rows.map((row) => (
              <tr key={row.key} className={row.isTotal ? "ps-total" : undefined}>
                <th scope="row">{row.label}</th>
                {row.values.map((v, i) => (
                  <td key={i} className="ps-num">
                    {money(v, unit)}
                  </td>
                ))}
                {table.showsChange ? (
                  <>
                    <td className="ps-num">{row.change === null ? "" : <Change change={row.change} unit={unit} />}</td>
                    <td>{row.reason}</td>
                  </>
                ) : null}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}

/** A chart in a <figure>: the SVG (role="img" with a label), what it shows in words, and the table of its numbers. */
export function ChartFigureView({ chart }: { chart: ChartFigure }) {
  return (
    <figure className="ps-chart" aria-labelledby={`${chart.id}-caption`}>
      <figcaption id={`${chart.id}-caption`}>{chart.title}</figcaption>
      <p className="ps-lead">{`${chart.summary}图中数字见下表。`}</p>
      <div className="ps-chart__svg" dangerouslySetInnerHTML={{ __html: chart.svg }} />
      <ComparisonTableView table={chart.table} caption={`${chart.title}：数据表`} />
    </figure>
  );
}
