import { amountUnitLabel, formatAmount } from "@/lib/disclosure/money";
import type { Budget, Fen } from "@/lib/disclosure/types";
import { PROCUREMENT_EMPTY_NOTE, PROCUREMENT_FUNDING_COLUMNS, PROCUREMENT_NOTE, PROCUREMENT_TITLE } from "@/lib/disclosure/document-outline";
import { ScrollBox, TableMeta, type TableHeading } from "./budget-table";

const TITLE = PROCUREMENT_TITLE;
const FUNDING_COLUMNS = PROCUREMENT_FUNDING_COLUMNS;

/** 项目名称, 预算资金, 采购物品名称, 目录序号, 计量单位, 数量, 单价, the funding columns, 中小微企业份额. */
const COLUMN_COUNT = 7 + FUNDING_COLUMNS.length + 1;

/**
 * 六、政府采购预算: the template's procurement table. 政府采购项目来源 names the project and its
 * 预算资金, looked up from the budget's projects by name (blank for purchases outside a project).
 */
export function ProcurementTable({ budget, heading }: { budget: Budget; heading: TableHeading }) {
  const unit = budget.amountUnit;
  const money = (fen: Fen) => formatAmount(fen, unit, { blankZero: true });
  const projectAmount = new Map(budget.projects.map((p) => [p.name, p.amount]));
  const rows = budget.procurement;
  return (
    <div className="doc-table doc-table--procurement" id="procurement">
      <h4 className="doc-table__title" id="procurement-title">
        {TITLE}
      </h4>
      <TableMeta items={[`${heading.unitCode}${heading.unitName}`, `单位：${amountUnitLabel(heading.amountUnit)}`]} />
      <ScrollBox label={TITLE}>
        <table className="budget-table">
          <caption className="visually-hidden">{TITLE}</caption>
          <thead>
            <tr>
              <th scope="colgroup" colSpan={2}>
                政府采购项目来源
              </th>
              <th scope="col" rowSpan={2}>
                采购物品名称
              </th>
              <th scope="col" rowSpan={2}>
                政府采购目录序号
              </th>
              <th scope="col" rowSpan={2}>
                计量单位
              </th>
              <th scope="col" rowSpan={2}>
                数量
              </th>
              <th scope="col" rowSpan={2}>
                单价
              </th>
              <th scope="colgroup" colSpan={FUNDING_COLUMNS.length}>
                政府采购金额（当年部门预算安排资金）
              </th>
              <th scope="col" rowSpan={2}>
                {budget.year}年预留中小微企业份额
              </th>
            </tr>
            <tr>
              <th scope="col">项目名称</th>
              <th scope="col">预算资金</th>
              {FUNDING_COLUMNS.map(([key, label]) => (
                <th key={key} scope="col">
                  {label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 ? (
              <tr className="budget-table__empty">
                <td colSpan={COLUMN_COUNT}>（本表无数据）</td>
              </tr>
            ) : (
              rows.map((row, i) => (
                <tr key={i} data-row-key={`procurement-${i + 1}`} className="row-line row-level-1">
                  <th scope="row" className="cell-name" data-column="projectName">
                    {row.projectName}
                  </th>
                  <td className="cell-amount" data-column="projectAmount">
                    {money(projectAmount.get(row.projectName) ?? 0)}
                  </td>
                  <td className="cell-text" data-column="itemName">
                    {row.itemName}
                  </td>
                  <td className="cell-code" data-column="catalogueCode">
                    {row.catalogueCode}
                  </td>
                  <td className="cell-text" data-column="unitOfMeasure">
                    {row.unitOfMeasure}
                  </td>
                  <td className="cell-amount" data-column="quantity">
                    {row.quantity === 0 ? "" : String(row.quantity)}
                  </td>
                  <td className="cell-amount" data-column="unitPrice">
                    {money(row.unitPrice)}
                  </td>
                  {FUNDING_COLUMNS.map(([key]) => (
                    <td key={key} className="cell-amount" data-column={key}>
                      {money(row[key])}
                    </td>
                  ))}
                  <td className="cell-amount" data-column="smeReserved">
                    {money(row.smeReserved)}
                  </td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </ScrollBox>
      {rows.length === 0 ? (
        <p className="doc-table__note">{PROCUREMENT_EMPTY_NOTE}</p>
      ) : (
        <p className="doc-table__note">{PROCUREMENT_NOTE}</p>
      )}
    </div>
  );
}
