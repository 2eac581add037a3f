import type { Role } from "@/lib/generated/prisma/enums";

/** What each role is called in the interface. */
export const ROLE_LABELS: Record<Role, string> = {
  ACCOUNTANT: "单位填报人",
  DEPARTMENT_REVIEWER: "主管部门审核人",
  FINANCE_REVIEWER: "财政部门审核人",
  ADMIN: "系统管理员",
  UNIT_HEAD: "单位负责人",
  SECURITY_ADMIN: "安全管理员",
  AUDIT_ADMIN: "审计管理员",
};
