import { AppError } from "@/lib/app-error";
import { canReadBudget, type Viewer } from "@/lib/auth/policies";
import type { DbReader } from "@/lib/budgets/db-client";
import { BUDGET_STATUS_LABELS } from "@/lib/budgets/status-labels";
import { prisma } from "@/lib/db";
import type { AuditResult, BudgetAction } from "@/lib/generated/prisma/enums";
import { AUDIT_RESULT_LABELS, auditActionLabel } from "./audit-labels";
import { groupEditingSessions } from "./editing-sessions";

export const BUDGET_ACTION_LABELS: Record<BudgetAction, string> = {
  CREATE: "创建",
  SUBMIT: "报送",
  WITHDRAW: "撤回",
  START_DEPARTMENT_REVIEW: "主管部门开始审核",
  START_FINANCE_REVIEW: "提交财政审核",
  RETURN: "退回",
  APPROVE: "批复",
  RECORD_SECRECY_REVIEW: "保密审查",
  SIGN_OFF: "负责人审签",
  PUBLISH: "公开",
};

/**
 * A step's comment as the history shows it. A submission's comment holds the explanations of the
 * check's warnings (shown with the findings on the review screen), so only their number is shown.
 */
function stepComment(action: BudgetAction, comment: string | null): string | null {
  if (comment === null || comment.trim() === "") return null;
  if (action === "SUBMIT") return `附提醒说明 ${comment.split("\n").filter((line) => /^[A-Z]+\d+/.test(line)).length} 条`;
  return comment;
}

/** The audit actions of workflow steps, each also a budget_events row. */
const WORKFLOW_AUDIT_ACTIONS: ReadonlySet<string> = new Set([
  "budget.create",
  "budget.submit",
  "budget.withdraw",
  "budget.start_review",
  "budget.return",
  "budget.approve",
  "budget.secrecy_review",
  "budget.sign_off",
  "budget.publish",
  "budget.correction",
]);

const CHINA_TIME = new Intl.DateTimeFormat("zh-CN", { timeZone: "Asia/Shanghai", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });

function changedFieldsOf(details: unknown): number {
  const value = typeof details === "object" && details !== null ? (details as Record<string, unknown>).changedFields : undefined;
  return typeof value === "number" && Number.isSafeInteger(value) ? value : 0;
}

export interface BudgetHistoryEntry {
  /** unique within the list, e.g. "event-12", "audit-40", "edit-41" */
  key: string;
  at: Date;
  /** 流程 (a workflow step), 编辑 (an editing session) or 操作记录 (another audited action, refusals included) */
  kind: "workflow" | "edit" | "audit";
  /** who: the person's name (and e-mail), or 系统 */
  who: string;
  what: string;
  /** 成功 / 拒绝 / 失败; a workflow step is always a success */
  result: string;
  isSuccess: boolean;
  /** the step's comment, or the status change */
  note: string | null;
}

/**
 * A budget version's own history, oldest first, with the people's names: its workflow steps
 * (budget_events), one entry per editing session (the autosaves of one person within 30 minutes),
 * and the other audited actions on it (comments, refusals …). Three queries, whatever the length. Only someone who may read the budget sees it; otherwise NOT_FOUND.
 */
export async function loadBudgetHistory(viewer: Viewer | null, budgetId: number, db: DbReader = prisma): Promise<BudgetHistoryEntry[]> {
  const budget = await db.budget.findUnique({
    where: { id: budgetId },
    select: {
      status: true,
      unitId: true,
      unit: { select: { departmentId: true, regionId: true } },
      events: {
        orderBy: [{ at: "asc" }, { id: "asc" }],
        select: { id: true, action: true, fromStatus: true, toStatus: true, at: true, comment: true, actor: { select: { name: true, email: true } } },
      },
    },
  });
  if (
    budget === null ||
    !canReadBudget(viewer, { unitId: budget.unitId, departmentId: budget.unit.departmentId, regionId: budget.unit.regionId, status: budget.status })
  ) {
    throw new AppError("NOT_FOUND", "未找到该预算，或您无权查看。");
  }
  const audits = await db.auditEvent.findMany({
    where: { objectType: "budget", objectId: String(budgetId) },
    orderBy: { id: "asc" },
    select: { id: true, at: true, action: true, result: true, userId: true, details: true },
  });
  const userIds = [...new Set(audits.flatMap((row) => (row.userId === null ? [] : [row.userId])))];
  const users = userIds.length === 0 ? [] : await db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true, email: true } });
  const byId = new Map(users.map((user) => [user.id, user]));
  const person = (user: { name: string; email: string } | null | undefined) => (user ? `${user.name}（${user.email}）` : "系统");

  const whoIs = (userId: string | null) => (userId === null ? "系统" : person(byId.get(userId)) === "系统" ? "已删除的账户" : person(byId.get(userId)));
  const isSave = (row: (typeof audits)[number]) => row.action === "budget.save" && row.result === "SUCCESS";
  // A successful step is already its workflow event; the audit row would say the same twice.
  const others = audits.filter((row) => !isSave(row) && !(row.result === "SUCCESS" && WORKFLOW_AUDIT_ACTIONS.has(row.action)));
  const sessions = groupEditingSessions(
    audits.filter(isSave).map((row) => ({ id: row.id, at: row.at, userId: row.userId, changedFields: changedFieldsOf(row.details) })),
  );

  const entries: BudgetHistoryEntry[] = [
    ...budget.events.map((event) => ({
      key: `event-${event.id}`,
      at: event.at,
      kind: "workflow" as const,
      who: person(event.actor),
      what: BUDGET_ACTION_LABELS[event.action],
      result: AUDIT_RESULT_LABELS.SUCCESS,
      isSuccess: true,
      note: [
        event.fromStatus === null ? `→ ${BUDGET_STATUS_LABELS[event.toStatus]}` : `${BUDGET_STATUS_LABELS[event.fromStatus]} → ${BUDGET_STATUS_LABELS[event.toStatus]}`,
        stepComment(event.action, event.comment),
      ]
        .filter((part) => part !== null && part !== "")
        .join("；"),
    })),
    ...sessions.map((session) => ({
      key: `edit-${session.firstId}`,
      at: session.startedAt,
      kind: "edit" as const,
      who: whoIs(session.userId),
      what: "编辑草稿",
      result: AUDIT_RESULT_LABELS.SUCCESS,
      isSuccess: true,
      note:
        `修改 ${session.changedFields} 项（自动保存 ${session.saves} 次` +
        (session.saves > 1 ? `，至 ${CHINA_TIME.format(session.endedAt)}）` : "）"),
    })),
    ...others.map((row) => ({
      key: `audit-${row.id}`,
      at: row.at,
      kind: "audit" as const,
      who: whoIs(row.userId),
      what: auditActionLabel(row.action),
      result: AUDIT_RESULT_LABELS[row.result as AuditResult],
      isSuccess: row.result === "SUCCESS",
      note: null,
    })),
  ];
  return entries.sort((a, b) => a.at.getTime() - b.at.getTime() || (a.kind === b.kind ? 0 : a.kind === "workflow" ? -1 : 1));
}
