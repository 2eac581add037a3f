import { AppError } from "@/lib/app-error";
import type { Viewer } from "@/lib/auth/policies";
import type { DbClient } from "@/lib/budgets/db-client";
import { PublicationError } from "@/lib/publication/publication-error";
import { publishBudget, type DocumentRenderers, type PublishResult } from "@/lib/publication/publish-budget";
import { assertStep, loadWorkflowTarget, requireViewer, runWorkflowUseCase, type WorkflowRequest } from "./workflow-access";

export type PublishUnitBudgetInput = WorkflowRequest;

/**
 * 公开: the unit's accountant publishes its signed-off budget. Authorization and the state
 * machine first (refusals audited as DENIED or FAILURE), then publishBudget renders and stores
 * the snapshot atomically, recording the accountant and the client address; its own refusals
 * (the budget moved on meanwhile, a correction without its 更正说明 …) come back as AppError.
 */
export async function publishUnitBudget(
  db: DbClient,
  viewer: Viewer | null,
  request: PublishUnitBudgetInput,
  renderers: DocumentRenderers,
  now: Date = new Date(),
): Promise<PublishResult> {
  const { target, actor } = await runWorkflowUseCase(db, viewer, request, { action: "budget.publish" }, async (tx) => {
    const actor = requireViewer(viewer);
    const target = await loadWorkflowTarget(tx, actor, request.budgetId);
    assertStep(actor, target, "PUBLISH");
    return { target, actor };
  });
  try {
    // publishBudget audits its own failures (budget.publish FAILURE).
    return await publishBudget(
      db,
      {
        unitCode: target.unitCode,
        year: target.year,
        regionCode: target.regionCode,
        budgetId: target.id,
        actorId: actor.userId,
        clientAddress: request.clientAddress ?? null,
        now,
      },
      renderers,
    );
  } catch (error) {
    if (!(error instanceof PublicationError) || error.code === "RENDER_FAILED") throw error;
    throw new AppError(error.code === "NOT_FOUND" ? "NOT_FOUND" : "CONFLICT", error.message);
  }
}
