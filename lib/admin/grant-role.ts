import { AppError } from "@/lib/app-error";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import { canManageRoles, isSecurityAdministrator, separationOfDutiesConflict, type Viewer } from "@/lib/auth/policies";
import type { DbClient } from "@/lib/budgets/db-client";
import { type AdminRequest, auditingAdminRefusals, isSeparationOfDutiesViolation, parseAdminInput, requireSignedIn, resolveScope, rolesInRegions } from "./admin-access";
import { grantRoleSchema } from "./admin-schemas";

/**
 * 授予角色: a 安全管理员 of the scope's region (a global one anywhere; only a global one grants a
 * global role) gives an account a role with its scope (三员分立, ADR 0022: not the system or audit
 * administrator). Nobody grants themselves a role, nobody receives a second administrator role,
 * and nobody enters and reviews budgets in the same region (separationOfDutiesConflict; the
 * database trigger is the backstop). The assignment and its audit row (`role.grant`) in one transaction.
 */
export function grantRole(db: DbClient, viewer: Viewer | null, raw: unknown, request: AdminRequest = {}): Promise<{ assignmentId: number }> {
  const target = typeof raw === "object" && raw !== null && "userId" in raw ? String(raw.userId).slice(0, 100) : undefined;
  return auditingAdminRefusals(db, viewer, { action: "role.grant", clientAddress: request.clientAddress ?? null, objectType: "user", objectId: target, details: {} }, async () => {
    const admin = requireSignedIn(viewer);
    if (!isSecurityAdministrator(admin)) throw new AppError("FORBIDDEN", "只有安全管理员可以授予角色。");
    const input = parseAdminInput(grantRoleSchema, raw);
    if (input.userId === admin.userId) throw new AppError("FORBIDDEN", "不能给自己授予角色，请由其他管理员办理。");
    return db.$transaction(async (tx) => {
      const scope = await resolveScope(tx, input.scope);
      if (!canManageRoles(admin, { regionId: scope.regionId })) {
        throw new AppError("FORBIDDEN", scope.regionId === undefined ? "只有全局安全管理员可以授予全局角色。" : "您不是该地区的安全管理员，不能在此范围内授予角色。");
      }
      const user = await tx.user.findUnique({ where: { id: input.userId }, select: { id: true, email: true } });
      if (user === null) throw new AppError("NOT_FOUND", "未找到该账户。", { userId: ["未找到该账户。"] });
      const duplicate = await tx.roleAssignment.findFirst({
        where: { userId: user.id, role: input.role, unitId: scope.columns.unitId ?? null, departmentId: scope.columns.departmentId ?? null, regionId: scope.columns.regionId ?? null },
        select: { id: true },
      });
      if (duplicate !== null) throw new AppError("CONFLICT", "该账户已有此角色。", { role: ["该账户已有此角色。"] });
      await tx.$queryRaw`SELECT id FROM users WHERE id = ${user.id} FOR UPDATE`;
      const conflict = separationOfDutiesConflict(await rolesInRegions(tx, user.id), { role: input.role, regionId: scope.regionId ?? null });
      if (conflict !== null) throw new AppError("CONFLICT", conflict, { role: [conflict] });
      const assignment = await tx.roleAssignment
        .create({ data: { userId: user.id, role: input.role, ...scope.columns, grantedById: admin.userId }, select: { id: true } })
        .catch((error: unknown) => {
          if (isSeparationOfDutiesViolation(error)) throw new AppError("CONFLICT", "不相容岗位分离：该账户已有与此角色不相容的角色。", { role: ["该账户已有与此角色不相容的角色。"] });
          throw error;
        });
      await writeAuditEvent(tx, {
        action: "role.grant",
        result: "SUCCESS",
        userId: admin.userId,
        clientAddress: request.clientAddress ?? null,
        objectType: "user",
        objectId: user.id,
        details: { targetEmail: user.email, role: input.role, scope: scope.label, assignmentId: assignment.id },
      });
      return { assignmentId: assignment.id };
    });
  });
}
