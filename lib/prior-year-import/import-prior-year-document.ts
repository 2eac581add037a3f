import { AppError } from "@/lib/app-error";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import type { Viewer } from "@/lib/auth/policies";
import { assertCanEdit, assertLockVersion, auditingRefusals, findReadableBudget } from "@/lib/budgets/budget-access";
import { draftInputFromBudget } from "@/lib/budgets/budget-draft-input";
import { parseBudgetInput } from "@/lib/budgets/budget-input-schema";
import type { DbClient } from "@/lib/budgets/db-client";
import { loadBudget } from "@/lib/budgets/queries";
import { writeDraftChangeSet } from "@/lib/budgets/write-draft-change-set";
import { applyStartingPoint } from "./apply-starting-point";
import { auditDetails, loadEditableDraft, type PriorYearDocumentRequest } from "./preview-prior-year-document";
import type { PriorYearSection } from "./prior-year-preview";
import { readPriorYearDocument } from "./read-prior-year-document";

export interface ImportPriorYearRequest extends PriorYearDocumentRequest {
  /** the lockVersion the preview was made from */
  baseLockVersion: number;
  /** the narrative sections whose text the accountant takes from last year's document */
  accept: PriorYearSection[];
}

export interface ImportPriorYearResult {
  budgetId: number;
  lockVersion: number;
  changedFields: number;
}

/**
 * Starts a year from last year's published document of the unit: its figures become the draft's
 * prior year (every 比上年 comparison of the draft), the accepted sections (职责, 机构设置,
 * 名词解释) replace the draft's text. Only the unit's accountant, only from the stored lockVersion,
 * only a budget of the year before of this unit. The file is read again (nothing is kept between
 * preview and confirmation); the draft, one budget_changes row per changed field and the audit
 * event are written in one transaction. Every refusal is an AppError and writes nothing but its
 * audit row.
 */
export function importPriorYearDocument(db: DbClient, viewer: Viewer | null, request: ImportPriorYearRequest): Promise<ImportPriorYearResult> {
  const details = { ...auditDetails(request), baseLockVersion: request.baseLockVersion, accept: request.accept.join(",") };
  return auditingRefusals(db, viewer, { action: "budget.import-prior-year", details, clientAddress: request.clientAddress ?? null }, async () => {
    // Who may, before the (slow) reading of an untrusted file.
    const draft = await db.$transaction((tx) => loadEditableDraft(tx, viewer, request));
    const read = await readPriorYearDocument(request.files, { unitName: draft.budget.unit.name, year: request.year });

    return db.$transaction(
      async (tx) => {
        const target = await findReadableBudget(tx, viewer, request);
        assertCanEdit(viewer, target);
        assertLockVersion(target, request.baseLockVersion);
        const stored = await loadBudget(tx, { unitCode: request.unitCode, year: request.year, version: target.version });
        if (stored === null || stored.meta.id !== target.id) throw new AppError("CONFLICT", "预算已被他人修改，请刷新后重试。");
        const next = applyStartingPoint(stored.budget, read.start, request.accept);
        // The same rules as the forms: a text too long for a field is refused, not cut.
        const parsed = parseBudgetInput(draftInputFromBudget(next), stored.codeBook);
        if (!parsed.ok) {
          const problems = Object.entries(parsed.fieldErrors).map(([path, messages]) => `${path}：${messages.join("；")}`);
          throw new AppError("INVALID_INPUT", `导入的内容不符合填报要求，未保存：${problems.join("；")}`, parsed.fieldErrors);
        }
        const userId = viewer?.userId ?? null;
        const saved = await writeDraftChangeSet(tx, {
          budgetId: target.id,
          version: target.version,
          before: stored.budget,
          after: next,
          expectedLockVersion: request.baseLockVersion,
          userId,
          conflictMessage: "预算已被他人修改或已报送，本次导入未保存。请刷新后重试。",
        });
        await writeAuditEvent(tx, {
          action: "budget.import-prior-year",
          result: "SUCCESS",
          userId,
          objectType: "budget",
          objectId: String(target.id),
          clientAddress: request.clientAddress ?? null,
          details: { ...details, version: target.version, priorYear: read.doc.year, lockVersion: saved.lockVersion, changedFields: saved.changedFields },
        });
        return { budgetId: target.id, lockVersion: saved.lockVersion, changedFields: saved.changedFields };
      },
      { timeout: 15_000 },
    );
  });
}
