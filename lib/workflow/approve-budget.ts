import { AppError } from "@/lib/app-error";
import type { Viewer } from "@/lib/auth/policies";
import type { DbClient } from "@/lib/budgets/db-client";
import { assertStep, loadWorkflowTarget, requireViewer, runWorkflowUseCase, writeTransition, type WorkflowRequest } from "./workflow-access";

export interface ApproveBudgetInput extends WorkflowRequest {
  /** the 批复 date (YYYY-MM-DD, China) the reviewer confirmed; refused when the day has changed since */
  confirmedOn?: string;
}

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
    if (request.confirmedOn !== undefined && request.confirmedOn !== approvedOn) {
      throw new AppError("CONFLICT", `您确认的批复日期是${request.confirmedOn}，但今天（北京时间）已是${approvedOn}。请刷新页面，确认新的批复日期后再批复。`);
    }
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
