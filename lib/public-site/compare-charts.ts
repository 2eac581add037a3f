import { barChartSvg } from "@/lib/charts/svg-chart";
import type { ComparisonTable } from "@/lib/compare/comparison-table";
import type { DocumentProfile, Line } from "@/lib/compare/document-profile";
import { amountUnitLabel, formatAmount } from "@/lib/disclosure/money";
import type { AmountUnit, Fen } from "@/lib/disclosure/types";
import type { ChartFigure } from "./compare-page-models";

/** An amount as the chart draws it: in the page's unit, two decimals. */
const value = (fen: Fen | null, unit: AmountUnit) => (fen === null ? 0 : Number(formatAmount(fen, unit)));

function table(id: string, title: string, columns: string[], rows: { key: string; label: string; values: (Fen | null)[] }[], unit: AmountUnit): ComparisonTable {
  return { id, title, columns, showsChange: false, amountUnit: unit, rows: rows.map((r) => ({ ...r, change: null, reason: "", isTotal: false })) };
}

/** A chart of categories (rows) by series (columns), and the same numbers as its table. */
function figure(
  id: string,
  title: string,
  summary: string,
  columns: string[],
  rows: { key: string; label: string; values: (Fen | null)[] }[],
  unit: AmountUnit,
  options: { horizontal?: boolean; stacked?: boolean; byColumn?: boolean } = {},
): ChartFigure {
  const unitLabel = amountUnitLabel(unit);
  // byColumn: the columns are the categories (e.g. years) and the rows the series (e.g. 三公 parts).
  const svg = options.byColumn
    ? barChartSvg({
        categories: columns,
        series: rows.map((r) => ({ name: r.label, values: r.values.map((v) => value(v, unit)) })),
        unitLabel,
        horizontal: options.horizontal ?? false,
        stacked: options.stacked,
        label: `${title}（${unitLabel}），数据见下表`,
      })
    : barChartSvg({
        categories: rows.map((r) => r.label),
        series: columns.map((c, i) => ({ name: c, values: rows.map((r) => value(r.values[i] ?? null, unit)) })),
        unitLabel,
        horizontal: options.horizontal ?? true,
        stacked: options.stacked,
        label: `${title}（${unitLabel}），数据见下表`,
      });
  return { id, title, summary, svg, table: table(id, title, columns, rows, unit) };
}

const rowsOf = (profiles: readonly DocumentProfile[], pick: (p: DocumentProfile) => readonly Line[]) => {
  const keys = new Map<string, string>();
  for (const p of profiles) for (const l of pick(p)) if (!keys.has(l.key)) keys.set(l.key, l.label);
  return [...keys].map(([key, label]) => ({ key, label, values: profiles.map((p) => pick(p).find((l) => l.key === key)?.fen ?? null) }));
};

/** The charts of a unit's years: 三公 over the years, 基本 vs 项目, functional classes, and the newest year's income and basic expenditure. */
export function yearsCharts(profiles: readonly DocumentProfile[]): ChartFigure[] {
  const newest = profiles[profiles.length - 1];
  if (newest === undefined) return [];
  const unit = newest.amountUnit;
  const years = profiles.map((p) => `${p.year}年`);
  const totals = (keys: string[]) => (p: DocumentProfile) => p.totals.filter((l) => keys.includes(l.key));
  return [
    figure("chart-three-public", "“三公”经费历年变化", "按年度堆叠的四项“三公”经费。", years, rowsOf(profiles, (p) => p.threePublic), unit, { byColumn: true, stacked: true }),
    figure("chart-basic-project", "基本支出与项目支出", "各年度基本支出和项目支出。", years, rowsOf(profiles, totals(["basic", "project"])), unit, { byColumn: true, stacked: true }),
    figure("chart-functional", "支出按功能分类", "各功能分类（类）的支出，按年度对比。", years, rowsOf(profiles, (p) => p.functionalClasses), unit),
    figure("chart-income", `${newest.year}年收入按来源`, "本年收入按资金来源。", [`${newest.year}年`], rowsOf([newest], (p) => p.incomeBySource), unit),
    figure("chart-economic", `${newest.year}年基本支出按经济分类`, "基本支出按部门预算支出经济分类（类）。", [`${newest.year}年`], rowsOf([newest], (p) => p.basicByEconomicClass), unit),
  ];
}

/** The charts of units side by side: functional classes and 基本/项目. */
export function unitsCharts(profiles: readonly DocumentProfile[]): ChartFigure[] {
  const first = profiles[0];
  if (first === undefined) return [];
  const names = profiles.map((p) => p.unitName);
  return [
    figure("chart-functional", "支出按功能分类", "各单位在每个功能分类（类）的支出。", names, rowsOf(profiles, (p) => p.functionalClasses), first.amountUnit),
    figure(
      "chart-basic-project",
      "基本支出与项目支出",
      "各单位的基本支出和项目支出。",
      names,
      rowsOf(profiles, (p) => p.totals.filter((l) => l.key === "basic" || l.key === "project")),
      first.amountUnit,
      { byColumn: true, stacked: true, horizontal: true },
    ),
  ];
}

/** A region's spending by department (sum of its units' 支出总计). */
export function departmentChart(rows: readonly { departmentCode: string; departmentName: string; total: Fen }[], unit: AmountUnit, year: number): ChartFigure | null {
  const sums = new Map<string, { label: string; fen: Fen }>();
  for (const r of rows) {
    const entry = sums.get(r.departmentCode) ?? { label: r.departmentName, fen: 0 };
    entry.fen += r.total;
    sums.set(r.departmentCode, entry);
  }
  if (sums.size === 0) return null;
  const sorted = [...sums].sort(([, a], [, b]) => b.fen - a.fen);
  return figure(
    "chart-departments",
    `${year}年各部门支出`,
    "各主管部门所属单位支出总计之和，从多到少。",
    [`${year}年`],
    sorted.map(([code, s]) => ({ key: code, label: s.label, values: [s.fen] })),
    unit,
  );
}
