import { amountUnitLabel, formatAmountPrecise } from "@/lib/disclosure/money";
import type { Budget, Fen } from "@/lib/disclosure/types";
import { ASSET_ROWS, ASSET_TITLE } from "@/lib/disclosure/document-outline";
import { ScrollBox, TableMeta } from "./budget-table";

const TITLE = ASSET_TITLE;
const ROWS = ASSET_ROWS;

/**
 * 七、国有资产: the 固定资产占用情况表. Values keep every decimal the unit entered (1.385 万元);
 * 资产总额 is the narrative's figure, derived from the categories when the unit left it blank.
 */
export function AssetTable({ budget, assetTotal }: { budget: Budget; assetTotal: Fen }) {
  const unit = budget.amountUnit;
  const value = (fen: Fen) => (fen === 0 ? "" : formatAmountPrecise(fen, unit));
  const holdings = new Map(budget.assets.holdings.map((h) => [h.category, h]));
  return (
    <div className="doc-table doc-table--assets" id="assets">
      <h4 className="doc-table__title" id="assets-title">
        {TITLE}
      </h4>
      <TableMeta items={[`${budget.unit.code}${budget.unit.name}`, `截止时间：${budget.assets.asOf}`]} />
      <ScrollBox label={TITLE}>
        <table className="budget-table budget-table--compact">
          <caption className="visually-hidden">{TITLE}</caption>
          <thead>
            <tr>
              <th scope="col">项目</th>
              <th scope="col">数量</th>
              <th scope="col">价值（金额单位：{amountUnitLabel(unit)}）</th>
            </tr>
          </thead>
          <tbody>
            <tr data-row-key="asset-total" className="row-total row-level-0">
              <th scope="row" className="cell-name" data-column="item">
                资产总额
              </th>
              <td className="cell-amount" data-column="quantity" />
              <td className="cell-amount" data-column="value">
                {value(assetTotal)}
              </td>
            </tr>
            {ROWS.map(({ category, label, isSubItem }) => {
              const holding = holdings.get(category);
              return (
                <tr key={category} data-row-key={category} className={`row-line ${isSubItem ? "row-level-2" : "row-level-1"}`}>
                  <th scope="row" className="cell-name" data-column="item">
                    {label}
                  </th>
                  <td className="cell-amount" data-column="quantity">
                    {holding && holding.quantity !== 0 ? String(holding.quantity) : ""}
                  </td>
                  <td className="cell-amount" data-column="value">
                    {holding ? value(holding.value) : ""}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </ScrollBox>
    </div>
  );
}
