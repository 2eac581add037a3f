"use client";

import type { ReactNode } from "react";
import type { BudgetDraftInput } from "@/lib/budgets/budget-input-schema";
import { amountUnitLabel, formatAmount } from "@/lib/disclosure/money";
import type { DerivedTable, DerivedTables } from "@/lib/disclosure/table-model";
import { BASIC_CATEGORIES, EXPENDITURE_KINDS, FUND_SOURCES, type AmountUnit, type Fen } from "@/lib/disclosure/types";
import { BASIC_CATEGORY_LABELS, EXPENDITURE_KIND_LABELS, FUND_SOURCE_LABELS } from "@/lib/disclosure/labels";
import { draftFen } from "@/lib/entry/amount-entry";
import type { EditorSectionId } from "@/lib/entry/finding-target";
import { basicEconomicKey, expenditureKey, type PriorYearLines } from "@/lib/entry/prior-lines";
import { AmountInput } from "./amount-input";
import { EditorSection } from "./editor-banners";
import { fieldId } from "./editor-context";
import { LinesGrid, type GridColumn } from "./lines-grid";
import type { Change } from "./use-draft-autosave";

function priorCells(current: string, priorFen: Fen | undefined, documentUnit: AmountUnit, entryUnit: AmountUnit, year: number): ReactNode[] {
  const parsed = draftFen(current, documentUnit) ?? 0;
  if (priorFen === undefined) return [<span key="p">—</span>, <span key="c">{year}年无此行（新增）</span>];
  const delta = parsed - priorFen;
  return [
    <span key="p">{formatAmount(priorFen, entryUnit, { grouping: true })}</span>,
    <span key="c" className={delta > 0 ? "text-red-900" : delta < 0 ? "text-green-900" : ""}>
      {delta === 0 ? "持平" : `${delta > 0 ? "+" : "−"}${formatAmount(Math.abs(delta), entryUnit, { grouping: true })}`}
    </span>,
  ];
}

/** The derived 类/款 rows of a table (never typed), as a compact read-only summary. */
function DerivedSummary({ table, columns, caption, entryUnit }: { table: DerivedTable; columns: string[]; caption: string; entryUnit: AmountUnit }) {
  const indexes = columns.map((key) => table.columns.findIndex((c) => c.key === key));
  const codeAt = table.columns.findIndex((c) => c.key === "code");
  const nameAt = table.columns.findIndex((c) => c.key === "name");
  const rows = table.rows.filter((r) => r.kind === "total" || r.kind === "class" || r.kind === "section");
  return (
    <div className="mb-3 overflow-x-auto" tabIndex={0} role="group" aria-label={caption}>
      <table className="w-full min-w-[30rem] border-collapse text-sm" data-testid={`derived-${table.id}`}>
        <caption className="mb-1 text-left text-sm font-medium text-slate-800">{caption}（自动计算，单位：{amountUnitLabel(entryUnit)}）</caption>
        <thead className="bg-slate-50 text-left">
          <tr>
            <th scope="col" className="px-2 py-1 font-medium">
              科目
            </th>
            {indexes.map((i, n) => (
              <th key={columns[n]} scope="col" className="px-2 py-1 text-right font-medium">
                {table.columns[i]?.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} className={`border-t border-slate-200 ${row.kind === "total" ? "font-semibold" : ""}`}>
              <th scope="row" className="whitespace-nowrap px-2 py-1 text-left font-normal" style={{ paddingLeft: `${0.5 + row.level * 0.75}rem` }}>
                {[row.cells[codeAt], row.cells[nameAt]].filter((c) => typeof c === "string" && c !== "").join(" ")}
              </th>
              {indexes.map((i, n) => {
                const value = row.cells[i];
                return (
                  <td key={columns[n]} className="px-2 py-1 text-right tabular-nums">
                    {typeof value === "number" ? formatAmount(value, entryUnit, { grouping: true }) : ""}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Income, expenditure and basic expenditure by economic classification: the line tables. */
export function LineSections({
  draft,
  change,
  prior,
  tables,
  documentUnit,
  entryUnit,
  onEnter,
}: {
  draft: Pick<BudgetDraftInput, "income" | "expenditure" | "basicEconomic" | "yearEndCarryover">;
  change: Change;
  prior: PriorYearLines | null;
  tables: DerivedTables;
  onEnter: (id: EditorSectionId) => void;
  documentUnit: AmountUnit;
  entryUnit: AmountUnit;
}) {
  const sources = Object.fromEntries(FUND_SOURCES.map((s) => [s, FUND_SOURCE_LABELS[s]]));
  const kinds = Object.fromEntries(EXPENDITURE_KINDS.map((k) => [k, EXPENDITURE_KIND_LABELS[k]]));
  const categories = Object.fromEntries(BASIC_CATEGORIES.map((c) => [c, BASIC_CATEGORY_LABELS[c]]));
  const priorExtra = <R extends Record<string, unknown>>(key: (row: R) => string, record: Record<string, Fen> | undefined) =>
    prior === null || record === undefined
      ? undefined
      : {
          labels: [`${prior.year}年`, "比上年增减"],
          cells: (row: R) => priorCells(String(row.amount ?? ""), record[key(row)], documentUnit, entryUnit, prior.year),
        };
  const t1 = tables.T1;
  const totalRow = t1.rows.find((r) => r.key === "grand-total");
  const incomeAt = t1.columns.findIndex((c) => c.key === "income");
  const expenditureAt = t1.columns.findIndex((c) => c.key === "expenditure");
  const incomeTotal = Number(totalRow?.cells[incomeAt] ?? 0);
  const expenditureTotal = Number(totalRow?.cells[expenditureAt] ?? 0);

  const incomeColumns: GridColumn[] = [
    { key: "source", label: "收入来源", type: "choice", labels: sources },
    { key: "amount", label: "金额", type: "amount" },
  ];
  const expenditureColumns: GridColumn[] = [
    { key: "functionalCode", label: "功能分类科目（项）", type: "code", scheme: "functional" },
    { key: "kind", label: "支出类型", type: "choice", labels: kinds },
    { key: "source", label: "资金来源", type: "choice", labels: sources },
    { key: "amount", label: "金额", type: "amount" },
  ];
  const basicColumns: GridColumn[] = [
    { key: "economicCode", label: "经济分类科目（款）", type: "code", scheme: "economic" },
    { key: "category", label: "人员经费/公用经费", type: "choice", labels: categories },
    { key: "source", label: "资金来源", type: "choice", labels: sources },
    { key: "amount", label: "金额", type: "amount" },
  ];

  return (
    <>
      <EditorSection id="income" onEnter={onEnter} title="收入">
        <p className="mb-3 text-sm text-slate-800">按资金来源填写本年收入和上年结转结余。</p>
        <LinesGrid
          name="income"
          caption="收入明细"
          columns={incomeColumns}
          rows={draft.income}
          onRowsChange={(rows) => change((d) => ({ ...d, income: rows as BudgetDraftInput["income"] }))}
          newRow={() => ({ source: "GENERAL_BUDGET", amount: "" })}
          extra={priorExtra((row) => String(row.source), prior?.income)}
        />
        <dl className="mt-3 grid grid-cols-2 gap-2 rounded bg-slate-50 px-3 py-2 text-sm sm:grid-cols-3" data-testid="totals">
          <div>
            <dt className="text-slate-700">收入总计</dt>
            <dd className="font-semibold tabular-nums" data-testid="income-total">
              {formatAmount(incomeTotal, entryUnit, { grouping: true })}
            </dd>
          </div>
          <div>
            <dt className="text-slate-700">支出总计</dt>
            <dd className="font-semibold tabular-nums" data-testid="expenditure-total">
              {formatAmount(expenditureTotal, entryUnit, { grouping: true })}
            </dd>
          </div>
          <div>
            <dt className="text-slate-700">差额</dt>
            <dd className={`font-semibold tabular-nums ${incomeTotal !== expenditureTotal ? "text-red-800" : ""}`}>
              {formatAmount(incomeTotal - expenditureTotal, entryUnit, { grouping: true })}
            </dd>
          </div>
        </dl>
      </EditorSection>

      <EditorSection id="expenditure" onEnter={onEnter} title="支出">
        <p className="mb-3 text-sm text-slate-800">按功能分类“项”级科目、支出类型和资金来源填写。类、款合计自动计算，无需填写。</p>
        <DerivedSummary table={tables.T3} columns={["total", "basic", "project"]} caption="支出按功能分类汇总" entryUnit={entryUnit} />
        <LinesGrid
          name="expenditure"
          caption="支出明细"
          columns={expenditureColumns}
          rows={draft.expenditure}
          onRowsChange={(rows) => change((d) => ({ ...d, expenditure: rows as BudgetDraftInput["expenditure"] }))}
          newRow={() => ({ functionalCode: "", kind: "BASIC", source: "GENERAL_BUDGET", amount: "" })}
          extra={priorExtra((row) => expenditureKey({ functionalCode: String(row.functionalCode), kind: row.kind as never, source: row.source as never }), prior?.expenditure)}
        />
        <div className="mt-4 max-w-xs">
          <label htmlFor={fieldId("yearEndCarryover")} className="mb-1 block font-medium">
            年终结转结余（{amountUnitLabel(entryUnit)}）
          </label>
          <AmountInput path="yearEndCarryover" value={draft.yearEndCarryover} onChange={(v) => change((d) => ({ ...d, yearEndCarryover: v }))} label="年终结转结余" />
        </div>
      </EditorSection>

      <EditorSection id="basic" onEnter={onEnter} title="基本支出经济分类">
        <p className="mb-3 text-sm text-slate-800">按部门预算支出经济分类“款”级科目填写基本支出，分人员经费和公用经费。类合计自动计算。</p>
        <DerivedSummary table={tables.T6} columns={["total", "personnel", "public"]} caption="基本支出按经济分类汇总" entryUnit={entryUnit} />
        <LinesGrid
          name="basicEconomic"
          caption="基本支出经济分类明细"
          columns={basicColumns}
          rows={draft.basicEconomic}
          onRowsChange={(rows) => change((d) => ({ ...d, basicEconomic: rows as BudgetDraftInput["basicEconomic"] }))}
          newRow={() => ({ economicCode: "", category: "PERSONNEL", source: "GENERAL_BUDGET", amount: "" })}
          extra={priorExtra((row) => basicEconomicKey({ economicCode: String(row.economicCode), category: row.category as never, source: row.source as never }), prior?.basicEconomic)}
        />
      </EditorSection>
    </>
  );
}
