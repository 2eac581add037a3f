import type { ComparisonTable } from "@/lib/compare/comparison-table";
import type { ComparableDocument } from "@/lib/compare/queries";
import type { AmountUnit, Fen } from "@/lib/disclosure/types";

/** A server-rendered chart and the table of exactly the numbers it draws (its text alternative). */
export interface ChartFigure {
  id: string;
  title: string;
  /** one sentence saying what the chart shows, for readers who cannot see it */
  summary: string;
  svg: string;
  table: ComparisonTable;
}

export interface YearsPageModel {
  region: { code: string; name: string };
  unit: { code: string; name: string; departmentName: string };
  years: { year: number; version: number }[];
  tables: ComparisonTable[];
  charts: ChartFigure[];
  csvHref: string;
}

export interface UnitsPageModel {
  region: { code: string; name: string };
  year: number;
  /** the region's years with published budgets, newest first */
  years: number[];
  choices: ComparableDocument[];
  /** `unit:224001`, `department:224` */
  selected: string[];
  /** why nothing is compared (fewer than two chosen, too many, unknown…); null when compared */
  message: string | null;
  tables: ComparisonTable[];
  charts: ChartFigure[];
  csvHref: string;
}

export const OVERVIEW_SORTS = ["department", "name", "total", "basic", "project", "threePublic"] as const;
export type OverviewSort = (typeof OVERVIEW_SORTS)[number];

export interface OverviewRow {
  regionCode: string;
  departmentCode: string;
  departmentName: string;
  unitCode: string;
  unitName: string;
  version: number;
  amountUnit: AmountUnit;
  total: Fen;
  basic: Fen;
  project: Fen;
  threePublic: Fen;
}

export interface OverviewPageModel {
  region: { code: string; name: string };
  year: number;
  years: number[];
  sort: OverviewSort;
  order: "asc" | "desc";
  rows: OverviewRow[];
  sums: { total: Fen; basic: Fen; project: Fen; threePublic: Fen };
  amountUnit: AmountUnit;
  chart: ChartFigure | null;
  csvHref: string;
}
