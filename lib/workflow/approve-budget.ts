import type { Viewer } from "@/lib/auth/policies";
import type { DbClient } from "@/lib/budgets/db-client";
import { assertStep, loadWorkflowTarget, requireViewer, runWorkflowUseCase, writeTransition, type WorkflowRequest } from "./workflow-access";

export type ApproveBudgetInput = WorkflowRequest;

export interface ApprovedBudget {
  budgetId: number;
  approvedAt: Date;
  /** the 批复 date in China (YYYY-MM-DD), from which the 20-day publication deadline runs */
  approvedOn: string;
}

/** 批复 is a date in China, whatever the server's time zone. */
const CHINA_DATE = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit" });

export function chinaDate(at: Date): string {
  return CHINA_DATE.format(at);
}

/**
 * 批复: the finance bureau's reviewer approves the budget under finance review. Records approvedAt,
 * which starts the 20-day publication clock (the date counts in China time).
 */
export function approveBudget(db: DbClient, viewer: Viewer | null, request: ApproveBudgetInput, now: Date = new Date()): Promise<ApprovedBudget> {
  return runWorkflowUseCase(db, viewer, request, { action: "budget.approve" }, async (tx) => {
    const actor = requireViewer(viewer);
    const target = await loadWorkflowTarget(tx, actor, request.budgetId);
    const to = assertStep(actor, target, "APPROVE");
    const approvedOn = chinaDate(now);
    await writeTransition(tx, target, {
      action: "APPROVE",
      to,
      viewer: actor,
      now,
      data: { approvedAt: now },
      audit: { action: "budget.approve", clientAddress: request.clientAddress, details: { approvedOn } },
    });
    return { budgetId: target.id, approvedAt: now, approvedOn };
  });
}
