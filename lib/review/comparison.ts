import { narrativeFigures } from "@/lib/disclosure/narrative";
import { columnIndex, type DerivedTable, type DerivedTables } from "@/lib/disclosure/table-model";
import type { Budget, Fen } from "@/lib/disclosure/types";

/** One figure this year next to last year's, with the change. */
export interface ComparedFigure {
  key: string;
  label: string;
  current: Fen;
  /** null: last year has no such row (or no figures at all) */
  prior: Fen | null;
  change: Fen | null;
  /** change in percent of last year, one decimal; null when last year is 0 or unknown */
  percent: number | null;
}

export interface PriorYearComparison {
  priorYear: number;
  /** where last year's figures come from: the stored budget of that year, or the figures this budget states */
  source: "budget" | "stated" | "none";
  /** the version of last year's budget compared with, when source is "budget" */
  priorVersion: number | null;
  totals: ComparedFigure[];
  /** table 1, income side then expenditure side (功能分类 类) */
  table1: ComparedFigure[];
  /** table 3 by functional classification, 合计 column */
  table3: ComparedFigure[];
}

export function comparedFigure(key: string, label: string, current: Fen, prior: Fen | null): ComparedFigure {
  const change = prior === null ? null : current - prior;
  const percent = prior === null || prior === 0 || change === null ? null : Math.round((change / prior) * 1000) / 10;
  return { key, label, current, prior, change, percent };
}

function keyFigures(budget: Budget, tables: DerivedTables) {
  const figures = narrativeFigures(budget, tables);
  return {
    total: figures.expenditureTotal,
    income: figures.income.total,
    basic: figures.basic,
    project: figures.project,
    threePublic: figures.threePublic.total,
  };
}

const TOTAL_LABELS = {
  total: "支出合计",
  basic: "基本支出",
  project: "项目支出",
  threePublic: "财政拨款“三公”经费",
  income: "收入总计",
} as const;

/** The figures of one side of a table: label column and amount column, rows with a label only. */
function sideOf(table: DerivedTable, labelKey: string, amountKey: string, prefix: string): Map<string, { label: string; amount: Fen }> {
  const labelAt = columnIndex(table, labelKey);
  const amountAt = columnIndex(table, amountKey);
  const out = new Map<string, { label: string; amount: Fen }>();
  for (const row of table.rows) {
    const label = row.cells[labelAt];
    const amount = row.cells[amountAt];
    if (typeof label !== "string" || label === "") continue;
    out.set(`${prefix}${label}`, { label, amount: typeof amount === "number" ? amount : 0 });
  }
  return out;
}

function compareSides(
  current: Map<string, { label: string; amount: Fen }>,
  prior: Map<string, { label: string; amount: Fen }> | null,
  keepZero: boolean,
): ComparedFigure[] {
  const keys = [...current.keys(), ...[...(prior?.keys() ?? [])].filter((k) => !current.has(k))];
  return keys
    .map((key) => {
      const now = current.get(key);
      const before = prior?.get(key);
      return comparedFigure(key, now?.label ?? before?.label ?? key, now?.amount ?? 0, prior === null ? null : (before?.amount ?? 0));
    })
    .filter((figure) => keepZero || figure.current !== 0 || (figure.prior ?? 0) !== 0);
}

function table3Side(table: DerivedTable): Map<string, { label: string; amount: Fen }> {
  const codeAt = columnIndex(table, "code");
  const nameAt = columnIndex(table, "name");
  const totalAt = columnIndex(table, "total");
  const out = new Map<string, { label: string; amount: Fen }>();
  for (const row of table.rows) {
    const code = row.cells[codeAt];
    const name = row.cells[nameAt];
    const amount = row.cells[totalAt];
    const label = [typeof code === "string" ? code : "", typeof name === "string" ? name : ""].join(" ").trim();
    out.set(row.key, { label, amount: typeof amount === "number" ? amount : 0 });
  }
  return out;
}

/**
 * This year's key totals and tables 1 and 3 next to last year's: from last year's stored budget
 * when there is one, otherwise the 上年预算数 this budget states (totals only).
 */
export function compareWithPriorYear(
  current: { budget: Budget; tables: DerivedTables },
  prior: { budget: Budget; tables: DerivedTables; version: number } | null,
): PriorYearComparison {
  const now = keyFigures(current.budget, current.tables);
  const priorYear = current.budget.year - 1;
  if (prior !== null) {
    const before = keyFigures(prior.budget, prior.tables);
    return {
      priorYear,
      source: "budget",
      priorVersion: prior.version,
      totals: (Object.keys(TOTAL_LABELS) as (keyof typeof TOTAL_LABELS)[]).map((key) =>
        comparedFigure(key, TOTAL_LABELS[key], now[key], before[key]),
      ),
      table1: [
        ...compareSides(
          sideOf(current.tables.T1, "incomeItem", "income", "income:"),
          sideOf(prior.tables.T1, "incomeItem", "income", "income:"),
          true,
        ),
        ...compareSides(
          sideOf(current.tables.T1, "expenditureItem", "expenditure", "expenditure:"),
          sideOf(prior.tables.T1, "expenditureItem", "expenditure", "expenditure:"),
          false,
        ),
      ],
      table3: compareSides(table3Side(current.tables.T3), table3Side(prior.tables.T3), false),
    };
  }
  const stated = current.budget.priorYear;
  if (stated !== null) {
    const before = { total: stated.total, basic: stated.basic, project: stated.project, threePublic: stated.threePublic };
    return {
      priorYear: stated.year,
      source: "stated",
      priorVersion: null,
      totals: (Object.keys(before) as (keyof typeof before)[]).map((key) => comparedFigure(key, TOTAL_LABELS[key], now[key], before[key])),
      table1: [],
      table3: [],
    };
  }
  return { priorYear, source: "none", priorVersion: null, totals: [], table1: [], table3: [] };
}
