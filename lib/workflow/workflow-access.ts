import { AppError } from "@/lib/app-error";
import { writeAuditEvent, type AuditDetails } from "@/lib/audit/write-audit-event";
import { canReadBudget, type Viewer } from "@/lib/auth/policies";
import { auditingRefusals, NOT_FOUND_MESSAGE } from "@/lib/budgets/budget-access";
import type { DbClient, DbReader } from "@/lib/budgets/db-client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { BudgetAction, BudgetStatus } from "@/lib/generated/prisma/enums";
import { loadSecrecyReviewBar } from "./secrecy-review-bar";
import { decide, type WorkflowBudget, type WorkflowStep } from "./state-machine";

/** A budget version as the workflow use cases see it: the machine's input plus what they write and log. */
export interface WorkflowTarget extends WorkflowBudget {
  id: number;
  year: number;
  version: number;
  lockVersion: number;
  unitCode: string;
  regionCode: string;
}

export const CONFLICT_MESSAGE = "预算已被他人处理，请刷新后重试。";

/**
 * The budget by id, with the scope authorization needs, derived from the database (a tampered id
 * is only another budget). Refused as NOT_FOUND when the viewer may not read it, so that other
 * units' budgets stay invisible; UNAUTHENTICATED for an anonymous visitor.
 */
export async function loadWorkflowTarget(tx: DbReader, viewer: Viewer, budgetId: number): Promise<WorkflowTarget> {
  const row = Number.isSafeInteger(budgetId)
    ? await tx.budget.findUnique({
        where: { id: budgetId },
        select: {
          id: true,
          year: true,
          version: true,
          lockVersion: true,
          status: true,
          unitId: true,
          secrecyReviewedAt: true,
          nextVersion: { select: { id: true } },
          unit: {
            select: {
              code: true,
              departmentId: true,
              regionId: true,
              region: { select: { code: true } },
              department: { select: { hasDepartmentReview: true } },
            },
          },
        },
      })
    : null;
  if (row === null) throw new AppError("NOT_FOUND", NOT_FOUND_MESSAGE);
  const target: WorkflowTarget = {
    id: row.id,
    year: row.year,
    version: row.version,
    lockVersion: row.lockVersion,
    unitCode: row.unit.code,
    regionCode: row.unit.region.code,
    unitId: row.unitId,
    departmentId: row.unit.departmentId,
    regionId: row.unit.regionId,
    status: row.status,
    hasDepartmentReview: row.unit.department.hasDepartmentReview,
    secrecyReviewed: row.secrecyReviewedAt !== null,
    secrecyReviewBarredUserId: row.status === "APPROVED" ? await loadSecrecyReviewBar(tx, row.id, row.unitId) : null,
    isNewestVersion: row.nextVersion === null,
  };
  if (!canReadBudget(viewer, target)) throw new AppError("NOT_FOUND", NOT_FOUND_MESSAGE);
  return target;
}

/** Workflow steps are taken by signed-in people only. */
export function requireViewer(viewer: Viewer | null): Viewer {
  if (viewer === null) throw new AppError("UNAUTHENTICATED", "请先登录。");
  return viewer;
}

/** Asks the state machine; a refusal becomes the AppError the edges map (FORBIDDEN or CONFLICT). */
export function assertStep(viewer: Viewer | null, target: WorkflowBudget, step: WorkflowStep): BudgetStatus {
  const decision = decide(viewer, target, step);
  if (!decision.ok) throw new AppError(decision.code, decision.reason);
  return decision.to;
}

export interface TransitionWrite {
  action: BudgetAction;
  to: BudgetStatus;
  viewer: Viewer;
  now: Date;
  /** the budget_events comment (return message, correction note …) */
  comment?: string | null;
  /** further columns set with the status (approvedAt, headSignerName …) */
  data?: Prisma.BudgetUncheckedUpdateManyInput;
  /** the audit_events row */
  audit: { action: string; clientAddress?: string | null; details?: AuditDetails };
}

/**
 * The status change, its budget_events row and its audit_events row, in the caller's transaction.
 * Optimistic: the update applies only while the budget is still in the status and lockVersion
 * that were checked, so two reviewers clicking at once cannot both succeed.
 */
export async function writeTransition(tx: DbReader, target: WorkflowTarget, write: TransitionWrite): Promise<void> {
  const { count } = await tx.budget.updateMany({
    where: { id: target.id, status: target.status, lockVersion: target.lockVersion },
    data: { ...write.data, status: write.to, lockVersion: { increment: 1 } },
  });
  if (count !== 1) throw new AppError("CONFLICT", CONFLICT_MESSAGE);
  await tx.budgetEvent.create({
    data: {
      budgetId: target.id,
      action: write.action,
      fromStatus: target.status,
      toStatus: write.to,
      actorId: write.viewer.userId,
      at: write.now,
      comment: write.comment ?? null,
    },
  });
  await writeAuditEvent(tx, {
    action: write.audit.action,
    result: "SUCCESS",
    userId: write.viewer.userId,
    objectType: "budget",
    objectId: String(target.id),
    clientAddress: write.audit.clientAddress ?? null,
    details: { ...targetDetails(target), from: target.status, to: write.to, ...write.audit.details },
  });
}

export function targetDetails(target: WorkflowTarget): AuditDetails {
  return { unitCode: target.unitCode, year: target.year, version: target.version };
}

/** Input every workflow use case accepts besides its own fields. */
export interface WorkflowRequest {
  budgetId: number;
  /** the client's address as the edge resolved it (lib/auth/client-address.ts), for the audit log */
  clientAddress?: string | null;
}

/**
 * Runs a workflow use case in one transaction; a refusal (AppError) is audited as DENIED or
 * FAILURE in a transaction of its own, with the budget id and the client address.
 */
export function runWorkflowUseCase<T>(
  db: DbClient,
  viewer: Viewer | null,
  request: WorkflowRequest,
  audit: { action: string; details?: AuditDetails },
  run: (tx: DbReader) => Promise<T>,
): Promise<T> {
  return auditingRefusals(
    db,
    viewer,
    {
      action: audit.action,
      details: { budgetId: request.budgetId, ...audit.details },
      objectId: String(request.budgetId),
      clientAddress: request.clientAddress ?? null,
    },
    () => db.$transaction(run, { timeout: 15_000 }),
  );
}

/** Trimmed text, or an INVALID_INPUT refusal naming the field. */
export function requireText(value: unknown, field: string, label: string, maxLength: number): string {
  const text = typeof value === "string" ? value.trim() : "";
  if (text === "") throw new AppError("INVALID_INPUT", `请填写${label}。`, { [field]: [`请填写${label}`] });
  if (text.length > maxLength) {
    throw new AppError("INVALID_INPUT", `${label}过长：最多${maxLength}个字。`, { [field]: [`最多${maxLength}个字`] });
  }
  return text;
}
