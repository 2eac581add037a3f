import { amountUnitLabel } from "@/lib/disclosure/money";
import { columnNumbers, printRows } from "@/lib/disclosure/print";
import type { DerivedTable, TableRow } from "@/lib/disclosure/table-model";
import type { AmountUnit } from "@/lib/disclosure/types";

const INDENT: Record<TableRow["level"], string> = { 0: "", 1: "", 2: "pl-4", 3: "pl-8" };

/**
 * One of the nine derived tables as a real, accessible <table>: caption, the multi-row header
 * of the official template, the 栏次 row, codes and names indented by 类/款/项, totals in bold,
 * amounts right-aligned with fixed decimals. Wide tables scroll inside their own box.
 */
export function BudgetTable({ table, unit, unitHeading }: { table: DerivedTable; unit: AmountUnit; unitHeading: string }) {
  const rows = printRows(table, unit);
  const numbers = columnNumbers(table);
  return (
    <section className="mb-10" id={table.id}>
      <div className="mb-2 flex flex-wrap items-baseline justify-between gap-x-6 text-sm text-slate-700">
        <span>{unitHeading}</span>
        <span>单位：{amountUnitLabel(unit)}</span>
      </div>
      <div className="overflow-x-auto rounded border border-slate-300" role="region" aria-label={`表${table.number} ${table.title}（可横向滚动）`} tabIndex={0}>
        <table className="w-full border-collapse text-sm">
          <caption id={`${table.id}-title`} className="bg-slate-50 px-3 py-2 text-left text-base font-semibold text-slate-900">
            表{table.number} {table.title}
          </caption>
          <thead className="bg-slate-100 text-slate-900">
            {table.header.map((headerRow, r) => (
              <tr key={r}>
                {headerRow.map((cell, c) => (
                  <th
                    key={c}
                    scope={(cell.colSpan ?? 1) > 1 ? "colgroup" : "col"}
                    colSpan={cell.colSpan}
                    rowSpan={cell.rowSpan}
                    className="border border-slate-300 px-2 py-1 text-center font-medium whitespace-nowrap"
                  >
                    {cell.label}
                  </th>
                ))}
              </tr>
            ))}
            <tr className="text-xs text-slate-700">
              {numbers.map((n, i) => (
                <td key={i} className="border border-slate-300 px-2 py-0.5 text-center">
                  {n}
                </td>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.length === 0 ? (
              <tr>
                <td colSpan={table.columns.length} className="border border-slate-300 px-3 py-3 text-center text-slate-700">
                  （本表无数据）
                </td>
              </tr>
            ) : (
              table.rows.map((row, r) => {
                const isTotal = row.kind === "total";
                return (
                  <tr key={row.key} data-row-key={row.key} className={isTotal ? "bg-amber-50 font-semibold" : r % 2 ? "bg-slate-50/60" : ""}>
                    {table.columns.map((column, c) => {
                      const text = rows[r]?.[c] ?? "";
                      const base = "border border-slate-300 px-2 py-1";
                      if (column.kind === "amount") {
                        return (
                          <td key={column.key} data-column={column.key} className={`${base} text-right tabular-nums whitespace-nowrap`}>
                            {text}
                          </td>
                        );
                      }
                      if (column.kind === "seq") {
                        return (
                          <td key={column.key} className={`${base} text-center text-slate-700`}>
                            {text}
                          </td>
                        );
                      }
                      if (column.kind === "text" && c === table.columns.findIndex((k) => k.kind === "text")) {
                        return (
                          <th key={column.key} scope="row" className={`${base} text-left whitespace-nowrap ${isTotal ? "font-semibold" : "font-normal"} ${INDENT[row.level]}`}>
                            {text}
                          </th>
                        );
                      }
                      return (
                        <td key={column.key} data-column={column.key} className={`${base} whitespace-nowrap ${column.kind === "code" ? "tabular-nums" : ""}`}>
                          {text}
                        </td>
                      );
                    })}
                  </tr>
                );
              })
            )}
          </tbody>
        </table>
      </div>
      {table.emptyNote ? <p className="mt-2 text-sm text-slate-700">{table.emptyNote}</p> : null}
    </section>
  );
}
