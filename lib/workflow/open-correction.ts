import { AppError } from "@/lib/app-error";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import type { Viewer } from "@/lib/auth/policies";
import { budgetFromRecord, budgetSelect } from "@/lib/budgets/budget-mapper";
import type { DbClient } from "@/lib/budgets/db-client";
import { writeBudget } from "@/lib/budgets/save-budget";
import { Prisma } from "@/lib/generated/prisma/client";
import {
  assertStep,
  CONFLICT_MESSAGE,
  loadWorkflowTarget,
  requireText,
  requireViewer,
  runWorkflowUseCase,
  targetDetails,
  type WorkflowRequest,
} from "./workflow-access";

export interface OpenCorrectionInput extends WorkflowRequest {
  /** 更正说明: what is corrected and why; published with the corrected version */
  correctionNote: string;
}

export interface OpenedCorrection {
  /** the new version's id */
  budgetId: number;
  version: number;
  lockVersion: number;
}

export const CORRECTION_NOTE_LIMIT = 2000;

/**
 * 更正: the unit's accountant opens a correction of its newest published version: version n+1,
 * a DRAFT copy of the published content with the 更正说明, linked to version n. It then goes
 * through the same chain (submit, review, approve, sign-off) and, once published, supersedes
 * version n, which stays online with a notice pointing to the correction.
 */
export function openCorrection(
  db: DbClient,
  viewer: Viewer | null,
  request: OpenCorrectionInput,
  now: Date = new Date(),
): Promise<OpenedCorrection> {
  return runWorkflowUseCase(db, viewer, request, { action: "budget.correction" }, async (tx) => {
    const actor = requireViewer(viewer);
    const target = await loadWorkflowTarget(tx, actor, request.budgetId);
    const to = assertStep(actor, target, "OPEN_CORRECTION");
    const correctionNote = requireText(request.correctionNote, "correctionNote", "更正说明", CORRECTION_NOTE_LIMIT);

    const record = await tx.budget.findUniqueOrThrow({ where: { id: target.id }, select: budgetSelect });
    const version = target.version + 1;
    let created: { id: number; lockVersion: number };
    try {
      created = await writeBudget(tx, { budget: budgetFromRecord(record), version, initialStatus: to });
    } catch (error) {
      // Someone opened the same correction a moment earlier.
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
        throw new AppError("CONFLICT", CONFLICT_MESSAGE);
      }
      throw error;
    }
    await tx.budget.update({ where: { id: created.id }, data: { correctionNote } });
    await tx.budgetEvent.create({
      data: { budgetId: created.id, action: "CREATE", fromStatus: null, toStatus: to, actorId: actor.userId, at: now, comment: correctionNote },
    });
    await writeAuditEvent(tx, {
      action: "budget.correction",
      result: "SUCCESS",
      userId: actor.userId,
      objectType: "budget",
      objectId: String(created.id),
      clientAddress: request.clientAddress ?? null,
      details: { ...targetDetails(target), version, correctedBudgetId: target.id, correctedVersion: target.version },
    });
    return { budgetId: created.id, version, lockVersion: created.lockVersion };
  });
}
