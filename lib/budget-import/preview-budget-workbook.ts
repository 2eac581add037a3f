import type { Viewer } from "@/lib/auth/policies";
import { auditingRefusals } from "@/lib/budgets/budget-access";
import type { DbClient } from "@/lib/budgets/db-client";
import { importExcelFile } from "@/lib/import/excel/import-excel-file";
import type { ImportProblem } from "@/lib/import/excel/import-types";
import { previewImport, type ImportPreview } from "@/lib/import/excel/preview-import";
import { loadImportTarget } from "./queries";

export interface BudgetWorkbookRequest {
  unitCode: string;
  year: number;
  fileName: string;
  bytes: Uint8Array;
  clientAddress?: string | null;
}

export type PreviewBudgetWorkbookResult =
  | { ok: true; preview: ImportPreview; lockVersion: number }
  | { ok: false; problems: ImportProblem[] };

/**
 * Reads an uploaded workbook into a preview of the unit's draft: only the unit's accountant,
 * only while the draft is editable. Writes nothing (refusals are audited).
 */
export function previewBudgetWorkbook(db: DbClient, viewer: Viewer | null, request: BudgetWorkbookRequest): Promise<PreviewBudgetWorkbookResult> {
  const details = { unitCode: request.unitCode, year: request.year, fileName: request.fileName.slice(0, 200) };
  return auditingRefusals(db, viewer, { action: "budget.import.preview", details, clientAddress: request.clientAddress ?? null }, async () => {
    const target = await db.$transaction((tx) => loadImportTarget(tx, viewer, request));
    const imported = await importExcelFile(request.bytes, request.fileName, {
      codeBook: target.loaded.codeBook,
      expected: { unitCode: request.unitCode, year: request.year },
      mappings: target.mappings,
    });
    if (!imported.ok) return { ok: false, problems: imported.problems };
    return { ok: true, preview: previewImport(target.loaded.budget, target.loaded.codeBook, imported.data), lockVersion: target.loaded.meta.lockVersion };
  });
}
