import type { Viewer } from "@/lib/auth/policies";
import { prisma } from "@/lib/db";
import { formatAmountPrecise } from "@/lib/disclosure/money";
import type { DerivedTable } from "@/lib/disclosure/table-model";
import { TABLE_IDS } from "@/lib/disclosure/table-model";
import type { AmountUnit } from "@/lib/disclosure/types";
import type { ImportProblem, UnknownHeader } from "@/lib/import/excel/import-types";
import { SHEET_KIND_LABELS } from "@/lib/import/excel/sheet-kind-labels";
import { cellAddress } from "@/lib/spreadsheet/cell-address";
import { importBudgetWorkbook, type ImportBudgetWorkbookResult } from "./import-budget-workbook";
import { previewBudgetWorkbook, type BudgetWorkbookRequest } from "./preview-budget-workbook";
import { saveHeaderMapping } from "./save-header-mapping";

/** Sources listed per figure on the screen; the rest are counted. */
const LISTED_SOURCES = 4;

/** The preview as the accountant's screen shows it: plain, serialisable data. */
export interface ImportPreviewView {
  fileName: string;
  shape: "disclosure" | "flat";
  workbookUnit: string;
  sheets: { name: string; kindLabel: string | null }[];
  problems: ImportProblem[];
  unknownHeaders: UnknownHeader[];
  figures: { label: string; amount: string; sources: string[]; moreSources: number }[];
  findings: { rule: string; severity: "error" | "warning"; message: string }[];
  /** the nine derived tables, each with the workbook sheet it came from (null when the workbook has none) */
  tables: { table: DerivedTable; sheetName: string | null }[];
  heading: { unitCode: string; unitName: string; year: number; amountUnit: AmountUnit };
  canSave: boolean;
  lockVersion: number;
}

export type ImportPreviewResult = { ok: true; preview: ImportPreviewView } | { ok: false; problems: ImportProblem[] };

export async function previewWorkspaceImport(viewer: Viewer | null, request: BudgetWorkbookRequest): Promise<ImportPreviewResult> {
  const result = await previewBudgetWorkbook(prisma, viewer, request);
  if (!result.ok) return result;
  const { imported, budget, tables, findings, canSave } = result.preview;
  const unit = budget.amountUnit;
  const sheetOf = (id: string) => imported.sheets.find((s) => s.kind === id)?.name ?? null;
  return {
    ok: true,
    preview: {
      fileName: request.fileName,
      shape: imported.shape,
      workbookUnit: imported.amountUnit === "WAN_YUAN" ? "万元" : "元",
      sheets: imported.sheets.map((s) => ({ name: s.name, kindLabel: s.kind === null ? null : SHEET_KIND_LABELS[s.kind] })),
      problems: imported.problems,
      unknownHeaders: imported.unknownHeaders,
      figures: imported.figures.map((f) => ({
        label: f.label,
        amount: `${formatAmountPrecise(f.fen, unit)}${unit === "WAN_YUAN" ? "万元" : "元"}`,
        sources: f.sources.slice(0, LISTED_SOURCES).map((s) => `“${s.sheet}”${cellAddress(s.row, s.column)}`),
        moreSources: Math.max(0, f.sources.length - LISTED_SOURCES),
      })),
      findings: findings.map((f) => ({ rule: f.rule, severity: f.severity, message: f.message })),
      tables: TABLE_IDS.map((id) => ({ table: tables[id], sheetName: sheetOf(id) })),
      heading: { unitCode: budget.unit.code, unitName: budget.unit.name, year: budget.year, amountUnit: unit },
      canSave,
      lockVersion: result.lockVersion,
    },
  };
}

export function confirmWorkspaceImport(viewer: Viewer | null, request: BudgetWorkbookRequest & { baseLockVersion: number }): Promise<ImportBudgetWorkbookResult> {
  return importBudgetWorkbook(prisma, viewer, request);
}

export function saveWorkspaceHeaderMapping(viewer: Viewer | null, raw: unknown, clientAddress: string | null): Promise<{ header: string; field: string }> {
  return saveHeaderMapping(prisma, viewer, raw, clientAddress);
}
