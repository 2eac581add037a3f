import { randomUUID } from "node:crypto";
import { z } from "zod";
import { AppError } from "@/lib/app-error";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import { storePassword } from "@/lib/auth/credential-store";
import type { Viewer } from "@/lib/auth/policies";
import { ROLE_LABELS } from "@/lib/auth/role-labels";
import { auditingRefusals } from "@/lib/budgets/budget-access";
import type { DbClient, DbReader } from "@/lib/budgets/db-client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { parseAdminInput } from "./admin-access";
import { createUserSchema, ROLE_VALUES } from "./admin-schemas";

/**
 * Who acts when an account is created on the server's command line: no signed-in person, but
 * someone with the server's database credentials (that is the authorization). Audit rows name
 * this pseudo-user and the client address "cli".
 */
export const COMMAND_LINE_ACTOR = "system/cli";
export const COMMAND_LINE_ADDRESS = "cli";

const codeSchema = (label: string) =>
  z
    .string()
    .trim()
    .regex(/^\d{1,12}$/, `${label}应为数字，例如 130433。`)
    .optional();

export const bootstrapAccountSchema = createUserSchema.extend({
  role: z.enum(ROLE_VALUES, { error: `角色应为 ${ROLE_VALUES.join("、")} 之一。` }),
  regionCode: codeSchema("地区编码（行政区划代码）"),
  departmentCode: codeSchema("主管部门编码"),
  unitCode: codeSchema("单位编码"),
});
export type BootstrapAccountInput = z.output<typeof bootstrapAccountSchema>;

export interface BootstrappedAccount {
  userId: string;
  email: string;
  role: Role;
  /** the scope in words, e.g. 全部地区 or 单位 224001 …本级 */
  scopeLabel: string;
}

type ScopeColumns = { unitId?: number; departmentId?: number; regionId?: number };

/**
 * 命令行创建账户 (`npm run gongkai -- admin create-user`): the first administrators of a new
 * installation (系统管理员 ADMIN, 安全管理员 SECURITY_ADMIN, 审计管理员 AUDIT_ADMIN: three people,
 * ADR 0022), or any account with its role. It always creates a new account, so it never gives one
 * person two administrator roles. The password (given or generated) must satisfy the
 * rule and must be changed at the first sign-in. Account, credential, role and both audit rows
 * (`user.create`, `role.grant`) in one transaction; a refusal writes only its own audit row.
 */
export function bootstrapAccount(db: DbClient, raw: unknown): Promise<BootstrappedAccount> {
  const email = typeof raw === "object" && raw !== null && "email" in raw ? String(raw.email).slice(0, 200) : null;
  const actor: Viewer = { userId: COMMAND_LINE_ACTOR, roles: [] };
  return auditingRefusals(
    db,
    actor,
    { action: "user.create", objectType: "user", clientAddress: COMMAND_LINE_ADDRESS, details: { targetEmail: email, via: "cli" } },
    async () => {
      const input = parseAdminInput(bootstrapAccountSchema, raw);
      try {
        return await db.$transaction(async (tx) => {
          const scope = await resolveScopeByCodes(tx, input);
          const existing = await tx.user.findUnique({ where: { email: input.email }, select: { id: true } });
          if (existing !== null) throw emailTaken();
          const user = await tx.user.create({
            data: { id: randomUUID(), name: input.name, email: input.email, emailVerified: true, mustChangePassword: true },
            select: { id: true, email: true },
          });
          await storePassword(tx, user.id, input.password);
          const assignment = await tx.roleAssignment.create({ data: { userId: user.id, role: input.role, ...scope.columns }, select: { id: true } });
          const audit = { result: "SUCCESS", userId: COMMAND_LINE_ACTOR, clientAddress: COMMAND_LINE_ADDRESS, objectType: "user", objectId: user.id } as const;
          await writeAuditEvent(tx, { ...audit, action: "user.create", details: { targetEmail: user.email, name: input.name, via: "cli" } });
          await writeAuditEvent(tx, {
            ...audit,
            action: "role.grant",
            details: { targetEmail: user.email, role: input.role, scope: scope.label, assignmentId: assignment.id, via: "cli" },
          });
          return { userId: user.id, email: user.email, role: input.role, scopeLabel: scope.label };
        });
      } catch (error) {
        // Someone created the same address a moment earlier.
        if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw emailTaken();
        throw error;
      }
    },
  );
}

function emailTaken(): AppError {
  return new AppError("INVALID_INPUT", "该邮箱已有账户。", { email: ["该邮箱已有账户。"] });
}

function invalid(field: string, message: string): AppError {
  return new AppError("INVALID_INPUT", message, { [field]: [message] });
}

/** The scope the role's rule asks for, found by its codes; anything else is refused, naming the option. */
async function resolveScopeByCodes(tx: DbReader, input: BootstrapAccountInput): Promise<{ columns: ScopeColumns; label: string }> {
  const { role, regionCode, departmentCode, unitCode } = input;
  const label = ROLE_LABELS[role];
  if (role === "AUDIT_ADMIN") {
    // The audit log carries no reliable region (ADR 0010): an audit administrator reads all of it.
    if (regionCode !== undefined || departmentCode !== undefined || unitCode !== undefined) {
      throw invalid("scope", `${label}的适用范围是全部地区（审计日志不按地区划分）：请不要给出 --region、--department 或 --unit。`);
    }
    return { columns: {}, label: "全部地区" };
  }
  const regionOrGlobal = role === "ADMIN" || role === "SECURITY_ADMIN";
  if (regionOrGlobal || role === "FINANCE_REVIEWER") {
    if (departmentCode !== undefined || unitCode !== undefined) {
      throw invalid("scope", `${label}的适用范围是${regionOrGlobal ? "一个地区或全部地区" : "一个地区"}：请只给出 --region，不要给出 --department 或 --unit。`);
    }
    if (regionCode === undefined) {
      if (regionOrGlobal) return { columns: {}, label: "全部地区" };
      throw invalid("regionCode", `${label}须指定地区：--region <行政区划代码>，例如 --region 130433。`);
    }
    const region = await tx.region.findUnique({ where: { code: regionCode }, select: { id: true, code: true, name: true } });
    if (region === null) throw invalid("regionCode", `未找到行政区划代码为“${regionCode}”的地区。`);
    return { columns: { regionId: region.id }, label: `${region.name}（${region.code}）` };
  }
  const regionFilter = regionCode === undefined ? {} : { region: { code: regionCode } };
  if (role === "DEPARTMENT_REVIEWER") {
    if (unitCode !== undefined) throw invalid("scope", `${label}的适用范围是一个主管部门：请给出 --department，不要给出 --unit。`);
    if (departmentCode === undefined) throw invalid("departmentCode", `${label}须指定主管部门：--department <部门编码>（多个地区有同一编码时再加 --region）。`);
    const found = await tx.department.findMany({ where: { code: departmentCode, ...regionFilter }, select: { id: true, code: true, name: true, region: { select: { code: true } } }, take: 2 });
    const department = single(found, "departmentCode", `主管部门“${departmentCode}”`, regionCode);
    return { columns: { departmentId: department.id }, label: `部门 ${department.code} ${department.name}` };
  }
  if (departmentCode !== undefined) throw invalid("scope", `${label}的适用范围是一个单位：请给出 --unit，不要给出 --department。`);
  if (unitCode === undefined) throw invalid("unitCode", `${label}须指定单位：--unit <单位编码>（多个地区有同一编码时再加 --region）。`);
  const found = await tx.unit.findMany({ where: { code: unitCode, ...regionFilter }, select: { id: true, code: true, name: true, region: { select: { code: true } } }, take: 2 });
  const unit = single(found, "unitCode", `单位“${unitCode}”`, regionCode);
  return { columns: { unitId: unit.id }, label: `单位 ${unit.code} ${unit.name}` };
}

function single<T extends { region: { code: string } }>(found: T[], field: string, what: string, regionCode: string | undefined): T {
  const [first, second] = found;
  if (first === undefined) throw invalid(field, `未找到${what}${regionCode === undefined ? "" : `（地区 ${regionCode}）`}。`);
  if (second !== undefined) {
    throw invalid(field, `${what}在多个地区都有（${first.region.code}、${second.region.code} 等）：请用 --region 指定地区。`);
  }
  return first;
}
