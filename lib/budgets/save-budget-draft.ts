import { AppError } from "@/lib/app-error";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import type { Viewer } from "@/lib/auth/policies";
import type { Budget } from "@/lib/disclosure/types";
import { assertCanEdit, assertLockVersion, auditingRefusals, findReadableBudget } from "./budget-access";
import { parseBudgetInput, type BudgetDraft, type BudgetFieldErrors } from "./budget-input-schema";
import type { DbClient, DbReader } from "./db-client";
import { loadBudget } from "./queries";
import { writeDraftChangeSet } from "./write-draft-change-set";

export interface SaveBudgetDraftInput {
  unitCode: string;
  year: number;
  /** the lockVersion the form was loaded with */
  baseLockVersion: number;
  /** the whole draft as the entry form sends it (parsed here) */
  input: unknown;
  /** the client's address as the edge resolved it, for the audit log */
  clientAddress?: string | null;
}

export type SaveBudgetDraftResult =
  | { ok: true; data: { budgetId: number; lockVersion: number; changedFields: number } }
  | { ok: false; fieldErrors: BudgetFieldErrors; message: string };

const INVALID_MESSAGE = "请检查标出的内容后重新保存，本次修改未保存。";

/**
 * Replaces the whole draft of a unit's budget: only the unit's accountant, only while the budget
 * is a draft or returned, only from the lockVersion that is stored. Writes the content, one
 * budget_changes row per changed leaf and the audit event in one transaction. Refusals of
 * authorization, state or concurrency throw AppError; invalid input returns field errors. Either
 * way nothing is written.
 */
export function saveBudgetDraft(db: DbClient, viewer: Viewer | null, request: SaveBudgetDraftInput): Promise<SaveBudgetDraftResult> {
  const details = { unitCode: request.unitCode, year: request.year, baseLockVersion: request.baseLockVersion };
  return auditingRefusals(
    db,
    viewer,
    { action: "budget.save", details, clientAddress: request.clientAddress ?? null },
    () => db.$transaction((tx) => saveDraftInTransaction(tx, viewer, request), { timeout: 15_000 }),
  );
}

async function saveDraftInTransaction(tx: DbReader, viewer: Viewer | null, request: SaveBudgetDraftInput): Promise<SaveBudgetDraftResult> {
  const target = await findReadableBudget(tx, viewer, request);
  assertCanEdit(viewer, target);
  assertLockVersion(target, request.baseLockVersion);

  // The draft is checked against the code book revision it is entered under (loadBudget's codeBook).
  const stored = await loadBudget(tx, { unitCode: request.unitCode, year: request.year, version: target.version });
  if (stored === null || stored.meta.id !== target.id) throw new AppError("CONFLICT", "预算已被他人修改，请刷新后重试。");
  const parsed = parseBudgetInput(request.input, stored.codeBook);
  if (!parsed.ok) return { ok: false, fieldErrors: parsed.fieldErrors, message: INVALID_MESSAGE };
  const next = withDraft(stored.budget, parsed.draft);

  // viewer is non-null here: findReadableBudget refuses anonymous viewers.
  const userId = viewer?.userId ?? null;
  const saved = await writeDraftChangeSet(tx, {
    budgetId: target.id,
    version: target.version,
    before: stored.budget,
    after: next,
    expectedLockVersion: request.baseLockVersion,
    userId,
    conflictMessage: "预算已被他人修改或已报送，本次修改未保存。请刷新后重试。",
  });
  await writeAuditEvent(tx, {
    action: "budget.save",
    result: "SUCCESS",
    userId,
    objectType: "budget",
    objectId: String(target.id),
    clientAddress: request.clientAddress ?? null,
    details: { unitCode: request.unitCode, year: request.year, version: target.version, lockVersion: saved.lockVersion, changedFields: saved.changedFields },
  });
  return { ok: true, data: { budgetId: target.id, lockVersion: saved.lockVersion, changedFields: saved.changedFields } };
}

/** The stored budget's identity (unit code and name, department, region, year) with the draft's content. */
function withDraft(stored: Budget, draft: BudgetDraft): Budget {
  return {
    ...draft,
    unit: { ...draft.unit, code: stored.unit.code, name: stored.unit.name },
    department: stored.department,
    region: stored.region,
    year: stored.year,
  };
}
