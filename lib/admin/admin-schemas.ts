import { z } from "zod";
import { newPasswordSchema } from "@/lib/auth/password-policy";

/** Input of the account administration use cases, with Chinese messages per field. */

export const createUserSchema = z.object({
  name: z.string({ error: "请输入姓名。" }).trim().min(1, "请输入姓名。").max(50, "姓名最多 50 个字符。"),
  email: z
    .string({ error: "请输入邮箱。" })
    .trim()
    .min(1, "请输入邮箱。")
    .max(200, "邮箱最多 200 个字符。")
    .pipe(z.email({ error: "邮箱格式不正确，例如 zhang.san@example.gov.cn。" }))
    .transform((email) => email.toLowerCase()),
  password: z.string({ error: "请输入初始密码。" }).min(1, "请输入初始密码。").pipe(newPasswordSchema),
});
export type CreateUserInput = z.output<typeof createUserSchema>;

export const ROLE_VALUES = ["ACCOUNTANT", "UNIT_HEAD", "DEPARTMENT_REVIEWER", "FINANCE_REVIEWER", "ADMIN", "SECURITY_ADMIN", "AUDIT_ADMIN"] as const;

/** A role's scope as a form sends it: "unit:12", "department:3", "region:1" or "global". */
export type ScopeRef = { kind: "unit" | "department" | "region"; id: number } | { kind: "global" };

const scopeSchema = z
  .string({ error: "请选择适用范围。" })
  .trim()
  .min(1, "请选择适用范围。")
  .refine((value) => value === "global" || /^(unit|department|region):\d{1,9}$/.test(value), { message: "适用范围无效，请重新选择。" })
  .transform((value): ScopeRef => {
    if (value === "global") return { kind: "global" };
    const [kind, id] = value.split(":");
    return { kind: kind as "unit" | "department" | "region", id: Number(id) };
  });

const REQUIRED_SCOPE: Record<(typeof ROLE_VALUES)[number], { kinds: ScopeRef["kind"][]; message: string }> = {
  ACCOUNTANT: { kinds: ["unit"], message: "单位填报人的适用范围必须是一个单位。" },
  UNIT_HEAD: { kinds: ["unit"], message: "单位负责人的适用范围必须是一个单位。" },
  DEPARTMENT_REVIEWER: { kinds: ["department"], message: "主管部门审核人的适用范围必须是一个主管部门。" },
  FINANCE_REVIEWER: { kinds: ["region"], message: "财政部门审核人的适用范围必须是一个地区。" },
  ADMIN: { kinds: ["region", "global"], message: "系统管理员的适用范围必须是一个地区或全部地区。" },
  SECURITY_ADMIN: { kinds: ["region", "global"], message: "安全管理员的适用范围必须是一个地区或全部地区。" },
  // The audit log carries no reliable region (ADR 0010), so an audit administrator reads all of it.
  AUDIT_ADMIN: { kinds: ["global"], message: "审计管理员的适用范围必须是全部地区（审计日志不按地区划分）。" },
};

const userIdSchema = z.string({ error: "请选择账户。" }).trim().min(1, "请选择账户。").max(100, "账户编号无效。");

export const grantRoleSchema = z
  .object({
    userId: userIdSchema,
    role: z.enum(ROLE_VALUES, { error: "请选择角色。" }),
    scope: scopeSchema,
  })
  .superRefine((input, context) => {
    const rule = REQUIRED_SCOPE[input.role];
    if (!rule.kinds.includes(input.scope.kind)) context.addIssue({ code: "custom", path: ["scope"], message: rule.message });
  });
export type GrantRoleInput = z.output<typeof grantRoleSchema>;

export const revokeRoleSchema = z.object({
  assignmentId: z.coerce.number({ error: "角色编号无效。" }).int("角色编号无效。").positive("角色编号无效。"),
});
export type RevokeRoleInput = z.output<typeof revokeRoleSchema>;

export const unlockUserSchema = z.object({ userId: userIdSchema });
export type UnlockUserInput = z.output<typeof unlockUserSchema>;
