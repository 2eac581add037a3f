import { AppError, type FieldErrors } from "@/lib/app-error";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import type { Viewer } from "@/lib/auth/policies";
import { checkDisclosure, hasBlockingErrors, type Finding } from "@/lib/disclosure/check";
import { assertStep, loadWorkflowTarget, requireViewer } from "@/lib/workflow/workflow-access";
import { assertLockVersion, auditingRefusals, findReadableBudget } from "./budget-access";
import { TEXT_LIMITS } from "./budget-input-schema";
import type { DbClient, DbReader } from "./db-client";
import { findingKey } from "./finding-key";
import { loadBudget } from "./queries";

export interface SubmitBudgetInput {
  unitCode: string;
  year: number;
  /** the lockVersion the accountant checked */
  lockVersion: number;
  /** a written explanation per warning, keyed by `findingKey` */
  explanations: Record<string, string>;
  /** the client's address as the edge resolved it, for the audit log */
  clientAddress?: string | null;
}

export interface SubmittedBudget {
  budgetId: number;
  lockVersion: number;
  submittedAt: Date;
  /** warnings explained at submission */
  explainedWarnings: number;
}

/**
 * 报送: the unit's accountant hands a draft or returned budget to review. Refused while the checks
 * find an error, or while a warning has no written explanation; the field errors are keyed by
 * `findingKey` so the form can show each next to its finding. The explanations go into the
 * SUBMIT event's comment, where reviewers read them.
 */
export function submitBudget(
  db: DbClient,
  viewer: Viewer | null,
  request: SubmitBudgetInput,
  now: Date = new Date(),
): Promise<SubmittedBudget> {
  const details = { unitCode: request.unitCode, year: request.year, lockVersion: request.lockVersion };
  return auditingRefusals(
    db,
    viewer,
    { action: "budget.submit", details, clientAddress: request.clientAddress ?? null },
    () => db.$transaction((tx) => submitInTransaction(tx, viewer, request, now), { timeout: 15_000 }),
  );
}

async function submitInTransaction(tx: DbReader, viewer: Viewer | null, request: SubmitBudgetInput, now: Date): Promise<SubmittedBudget> {
  const target = await findReadableBudget(tx, viewer, request);
  const workflow = await loadWorkflowTarget(tx, requireViewer(viewer), target.id);
  const to = assertStep(viewer, workflow, "SUBMIT");
  assertLockVersion(target, request.lockVersion);

  const loaded = await loadBudget(tx, { unitCode: request.unitCode, year: request.year, version: target.version });
  if (loaded === null || loaded.meta.id !== target.id) throw new AppError("CONFLICT", "预算已被他人修改，请刷新后重试。");
  const findings = checkDisclosure({ budget: loaded.budget, codeBook: loaded.codeBook });
  if (hasBlockingErrors(findings)) {
    throw new AppError(
      "INVALID_INPUT",
      "预算还有错误，改正后才能报送。",
      errorsByKey(findings.filter((f) => f.severity === "error"), (f) => f.message),
    );
  }
  const warnings = findings.filter((f) => f.severity === "warning");
  const explanationErrors = errorsByKey(
    warnings.filter((f) => !isExplained(request.explanations[findingKey(f)])),
    (f) => `请说明原因：${f.message}`,
  );
  const tooLong = warnings.filter((f) => (request.explanations[findingKey(f)] ?? "").length > TEXT_LIMITS.reason);
  for (const f of tooLong) (explanationErrors[findingKey(f)] ??= []).push(`说明过长：最多${TEXT_LIMITS.reason}个字`);
  if (Object.keys(explanationErrors).length > 0) {
    throw new AppError("INVALID_INPUT", "每条提示都需要写明原因后才能报送。", explanationErrors);
  }

  const { count } = await tx.budget.updateMany({
    where: { id: target.id, lockVersion: target.lockVersion, status: target.status },
    data: { status: to, submittedAt: now, lockVersion: { increment: 1 } },
  });
  if (count !== 1) throw new AppError("CONFLICT", "预算已被他人修改，请刷新后重试。");
  const userId = viewer?.userId ?? null;
  await tx.budgetEvent.create({
    data: {
      budgetId: target.id,
      action: "SUBMIT",
      fromStatus: target.status,
      toStatus: to,
      actorId: userId,
      at: now,
      comment: warnings.length === 0 ? null : warnings.map((f) => `${findingKey(f)}：${request.explanations[findingKey(f)]?.trim() ?? ""}`).join("\n"),
    },
  });
  await writeAuditEvent(tx, {
    action: "budget.submit",
    result: "SUCCESS",
    userId,
    objectType: "budget",
    objectId: String(target.id),
    clientAddress: request.clientAddress ?? null,
    details: { unitCode: request.unitCode, year: request.year, version: target.version, explainedWarnings: warnings.length },
  });
  return { budgetId: target.id, lockVersion: target.lockVersion + 1, submittedAt: now, explainedWarnings: warnings.length };
}

function isExplained(text: string | undefined): boolean {
  return text !== undefined && text.trim() !== "";
}

function errorsByKey(findings: readonly Finding[], message: (finding: Finding) => string): FieldErrors {
  const result: FieldErrors = {};
  for (const finding of findings) (result[findingKey(finding)] ??= []).push(message(finding));
  return result;
}
