import { AppError } from "@/lib/app-error";
import type { Viewer } from "@/lib/auth/policies";
import { assertCanEdit, auditingRefusals, findReadableBudget } from "@/lib/budgets/budget-access";
import type { DbClient, DbReader } from "@/lib/budgets/db-client";
import { loadBudget, type LoadedBudget } from "@/lib/budgets/queries";
import type { ImportFile } from "@/lib/import/import-document";
import { priorYearPreview, type PriorYearPreviewView } from "./prior-year-preview";
import { readPriorYearDocument } from "./read-prior-year-document";

export interface PriorYearDocumentRequest {
  unitCode: string;
  /** the year being started */
  year: number;
  files: ImportFile[];
  clientAddress?: string | null;
}

/** The unit's editable draft for its accountant; other units' drafts stay invisible. */
export async function loadEditableDraft(tx: DbReader, viewer: Viewer | null, key: { unitCode: string; year: number }): Promise<LoadedBudget> {
  const target = await findReadableBudget(tx, viewer, key);
  assertCanEdit(viewer, target);
  const loaded = await loadBudget(tx, { ...key, version: target.version });
  if (loaded === null || loaded.meta.id !== target.id) throw new AppError("CONFLICT", "预算已被他人修改，请刷新后重试。");
  return loaded;
}

export function auditDetails(request: PriorYearDocumentRequest) {
  return { unitCode: request.unitCode, year: request.year, files: request.files.map((f) => f.name.slice(0, 200)).join("、") };
}

/**
 * Reads last year's published document of the unit into a preview of what starting the year from
 * it would write: only the unit's accountant, only while the draft is editable, only a budget of
 * the year before of the same unit. Writes nothing (refusals are audited).
 */
export function previewPriorYearDocument(db: DbClient, viewer: Viewer | null, request: PriorYearDocumentRequest): Promise<PriorYearPreviewView> {
  return auditingRefusals(db, viewer, { action: "budget.import-prior-year.preview", details: auditDetails(request), clientAddress: request.clientAddress ?? null }, async () => {
    const loaded = await db.$transaction((tx) => loadEditableDraft(tx, viewer, request));
    const read = await readPriorYearDocument(request.files, { unitName: loaded.budget.unit.name, year: request.year });
    const { budget } = loaded;
    return priorYearPreview(
      read,
      { amountUnit: budget.amountUnit, duties: budget.unit.duties, organisation: budget.unit.organisation, glossary: budget.glossary },
      { fileNames: request.files.map((f) => f.name), lockVersion: loaded.meta.lockVersion },
    );
  });
}
