import type { ReactNode } from "react";
import { amountUnitLabel } from "@/lib/disclosure/money";
import { columnNumbers, printRows } from "@/lib/disclosure/print";
import type { Column, DerivedTable } from "@/lib/disclosure/table-model";
import type { AmountUnit } from "@/lib/disclosure/types";

/**
 * The nine disclosure tables, styled only by the semantic classes of disclosure-document.css so
 * the same markup serves the Next preview and the self-contained published page.
 */

/** What every table of the document prints above itself: unit code and name, year, amount unit. */
export interface TableHeading {
  unitCode: string;
  unitName: string;
  year: number;
  amountUnit: AmountUnit;
}

/** The line under a table's title, as in the official template: unit on the left, then year, then amount unit. */
export function TableMeta({ items }: { items: string[] }) {
  return (
    <div className="doc-table__meta">
      {items.map((item) => (
        <span key={item}>{item}</span>
      ))}
    </div>
  );
}

export function headingMetaItems(heading: TableHeading): string[] {
  return [`${heading.unitCode}${heading.unitName}`, `预算年度：${heading.year}`, `单位：${amountUnitLabel(heading.amountUnit)}`];
}

/** A keyboard-focusable box that scrolls a wide table sideways so the page itself never does. */
export function ScrollBox({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="doc-scroll" role="region" aria-label={`${label}（可横向滚动）`} tabIndex={0}>
      {children}
    </div>
  );
}

const CELL_CLASS: Record<Column["kind"], string> = {
  seq: "cell-seq",
  code: "cell-code",
  text: "cell-text",
  amount: "cell-amount",
};

/**
 * One of the nine derived tables as a real, accessible <table>: the multi-row header of the
 * official template, the 栏次 row, codes and names indented by 类/款/项, totals set apart,
 * amounts right-aligned with fixed decimals, and the empty-table note when it has no rows.
 */
export function BudgetTable({ table, heading }: { table: DerivedTable; heading: TableHeading }) {
  const printed = printRows(table, heading.amountUnit);
  const numbers = columnNumbers(table);
  const title = `表${table.number} ${table.title}`;
  // The first text column is the row's name (收入项目, 科目名称, 项目): indented by level.
  const nameIndex = table.columns.findIndex((c) => c.kind === "text");
  return (
    <section className={`doc-table doc-table--${table.id.toLowerCase()}`} id={table.id} aria-labelledby={`${table.id}-title`}>
      <h2 className="doc-table__title" id={`${table.id}-title`}>
        <span className="doc-table__number">表{table.number}</span> {table.title}
      </h2>
      <TableMeta items={headingMetaItems(heading)} />
      <ScrollBox label={title}>
        <table className="budget-table">
          <caption className="visually-hidden">{title}</caption>
          <colgroup>
            {table.columns.map((column) => (
              <col key={column.key} className={`col-${column.kind}`} />
            ))}
          </colgroup>
          <thead>
            {table.header.map((headerRow, r) => (
              <tr key={r}>
                {headerRow.map((cell, c) => (
                  <th key={c} scope={(cell.colSpan ?? 1) > 1 ? "colgroup" : "col"} colSpan={cell.colSpan} rowSpan={cell.rowSpan}>
                    {cell.label}
                  </th>
                ))}
              </tr>
            ))}
            <tr className="budget-table__column-numbers">
              {numbers.map((n, i) => (
                <td key={i}>{n}</td>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.length === 0 ? (
              <tr className="budget-table__empty">
                <td colSpan={table.columns.length}>（本表无数据）</td>
              </tr>
            ) : (
              table.rows.map((row, r) => (
                <tr key={row.key} data-row-key={row.key} className={`row-${row.kind} row-level-${row.level}`}>
                  {table.columns.map((column, c) => {
                    const text = printed[r]?.[c] ?? "";
                    const className = c === nameIndex ? "cell-name" : CELL_CLASS[column.kind];
                    // Item names head their row for screen readers; tables 1 and 4 name both sides.
                    if (column.kind === "text" && text !== "") {
                      return (
                        <th key={column.key} scope="row" data-column={column.key} className={className}>
                          {text}
                        </th>
                      );
                    }
                    return (
                      <td key={column.key} data-column={column.key} className={className}>
                        {text}
                      </td>
                    );
                  })}
                </tr>
              ))
            )}
          </tbody>
        </table>
      </ScrollBox>
      {table.emptyNote ? <p className="doc-table__note">{table.emptyNote}</p> : null}
    </section>
  );
}
