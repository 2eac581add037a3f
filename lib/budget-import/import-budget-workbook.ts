import type { Viewer } from "@/lib/auth/policies";
import { draftInputFromBudget } from "@/lib/budgets/budget-draft-input";
import type { DbClient } from "@/lib/budgets/db-client";
import { saveBudgetDraft } from "@/lib/budgets/save-budget-draft";
import type { ImportProblem } from "@/lib/import/excel/import-types";
import { previewBudgetWorkbook, type BudgetWorkbookRequest } from "./preview-budget-workbook";

export type ImportBudgetWorkbookResult =
  | { ok: true; data: { budgetId: number; lockVersion: number; changedFields: number } }
  | { ok: false; problems: ImportProblem[] };

/**
 * Saves a workbook as the unit's draft, after the accountant saw its preview: the file is read
 * again (nothing is kept between preview and confirmation) and saved through the forms' own use
 * case, so authorization, optimistic locking from `baseLockVersion` and the change log (one
 * change set, old → new per field) are the same. A workbook with an error saves nothing.
 */
export async function importBudgetWorkbook(
  db: DbClient,
  viewer: Viewer | null,
  request: BudgetWorkbookRequest & { baseLockVersion: number },
): Promise<ImportBudgetWorkbookResult> {
  const previewed = await previewBudgetWorkbook(db, viewer, request);
  if (!previewed.ok) return previewed;
  const { preview } = previewed;
  if (!preview.canSave) return { ok: false, problems: preview.imported.problems.filter((p) => p.severity === "error") };
  const saved = await saveBudgetDraft(db, viewer, {
    unitCode: request.unitCode,
    year: request.year,
    baseLockVersion: request.baseLockVersion,
    input: draftInputFromBudget(preview.budget),
    clientAddress: request.clientAddress ?? null,
  });
  if (saved.ok) return saved;
  const fields = Object.entries(saved.fieldErrors).map(([path, messages]) => ({
    severity: "error" as const,
    sheet: null,
    row: null,
    column: null,
    message: `${path}：${messages.join("；")}`,
  }));
  return { ok: false, problems: [{ severity: "error", sheet: null, row: null, column: null, message: saved.message }, ...fields] };
}
