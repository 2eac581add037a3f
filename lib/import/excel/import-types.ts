import type {
  AmountUnit,
  Assets,
  BasicEconomicLine,
  ExpenditureLine,
  Fen,
  IncomeLine,
  ProcurementRow,
  Project,
  ThreePublicLine,
} from "@/lib/disclosure/types";

/**
 * What the Excel importer produces from a workbook: the budget's figures, where each came from,
 * and every problem named by sheet, row and column. Pure data; nothing here is saved.
 */

/** A cell of the uploaded workbook, 0-based like `lib/spreadsheet`. */
export interface CellRef {
  sheet: string;
  row: number;
  column: number;
}

/** error: the import cannot be saved until the file is fixed; warning: saved, but the accountant should look. */
export interface ImportProblem {
  severity: "error" | "warning";
  sheet: string | null;
  row: number | null;
  column: number | null;
  /** Chinese, naming the place (工作表“…”第 5 行 B 列) */
  message: string;
}

/** One imported amount and the cells it was read from (several when lines are summed). */
export interface ImportedFigure {
  /** Chinese description, e.g. 支出 2013701 行政运行 · 基本支出 · 一般公共预算拨款 */
  label: string;
  fen: Fen;
  sources: CellRef[];
}

/** The kinds of sheet the importer recognises, by title and header text. */
export const SHEET_KINDS = [
  "T1", // 收支总表
  "T2", // 收入总表
  "T3", // 支出总表
  "T4", // 财政拨款收支总表
  "T5", // 一般公共预算财政拨款支出表
  "T6", // 一般公共预算财政拨款基本支出表
  "T7", // 政府性基金预算财政拨款支出表
  "T8", // 国有资本经营预算财政拨款支出表
  "T9", // 三公经费支出表
  "LINES", // flat line export: one row per budget line
  "PROJECTS", // 项目支出 / 绩效目标: one row per project (or per indicator)
  "INDICATORS", // 绩效指标: one row per indicator
  "ASSETS", // 固定资产占用情况表
  "PROCUREMENT", // 政府采购预算表: one row per procured item
] as const;
export type SheetKind = (typeof SHEET_KINDS)[number];

/** A header the accountant (or an administrator, for the region) has mapped to a field. */
export interface HeaderMapping {
  sheetKind: SheetKind;
  /** the header text as `normalizeHeader` returns it */
  header: string;
  field: string;
}

/** A column whose header no alias (and no learned mapping) recognises: its figures are not imported. */
export interface UnknownHeader {
  sheet: string;
  sheetKind: SheetKind;
  row: number;
  column: number;
  header: string;
  /** the fields of this sheet kind that are still unmapped, for the mapping form */
  candidates: { field: string; label: string }[];
}

export interface RecognisedSheet {
  name: string;
  kind: SheetKind | null;
  amountUnit: AmountUnit | null;
}

/** The budget content a workbook carries; null where the workbook has no such sheet (the draft keeps its own). */
export interface ImportedContent {
  income: IncomeLine[];
  expenditure: ExpenditureLine[];
  basicEconomic: BasicEconomicLine[];
  yearEndCarryover: Fen;
  threePublic: ThreePublicLine[];
  projects: Project[] | null;
  /** 本年度拟购置 is not in the asset sheet: the draft keeps its own */
  assets: Omit<Assets, "plannedPurchases"> | null;
  /** 政府采购 rows, null when the workbook has no procurement sheet */
  procurement: ProcurementRow[] | null;
}

export interface ExcelImport {
  shape: "disclosure" | "flat";
  unit: { code: string | null; name: string | null };
  year: number | null;
  /** the unit the workbook's amounts are written in (of its main sheets) */
  amountUnit: AmountUnit;
  sheets: RecognisedSheet[];
  content: ImportedContent;
  figures: ImportedFigure[];
  problems: ImportProblem[];
  unknownHeaders: UnknownHeader[];
}

export type ExcelImportResult = { ok: true; data: ExcelImport } | { ok: false; problems: ImportProblem[] };
