import type { BudgetStatus } from "@/lib/generated/prisma/enums";

/** How a budget's status is named to its users. */
export const BUDGET_STATUS_LABELS: Record<BudgetStatus, string> = {
  DRAFT: "草稿",
  SUBMITTED: "已报送",
  DEPARTMENT_REVIEW: "主管部门审核中",
  FINANCE_REVIEW: "财政审核中",
  RETURNED: "已退回",
  APPROVED: "已批复",
  SIGNED_OFF: "已审签",
  PUBLISHED: "已公开",
};
