import { AppError } from "@/lib/app-error";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import { ADMINISTRATOR_ROLES, canManageRoles, isSecurityAdministrator, type Viewer } from "@/lib/auth/policies";
import { ROLE_LABELS } from "@/lib/auth/role-labels";
import type { DbClient } from "@/lib/budgets/db-client";
import { type AdminRequest, auditingAdminRefusals, parseAdminInput, regionOfAssignment, requireSignedIn } from "./admin-access";
import { revokeRoleSchema } from "./admin-schemas";

/**
 * 撤销角色: a 安全管理员 of the role's region (a global one anywhere) removes a role assignment
 * (ADR 0022). Nobody revokes their own roles, and the last global holder of each administrator
 * role cannot be revoked (that role's global rows are locked while counting, so two parallel
 * revocations cannot both pass). The deletion and its audit row (`role.revoke`) in one transaction.
 */
export function revokeRole(db: DbClient, viewer: Viewer | null, raw: unknown, request: AdminRequest = {}): Promise<{ userId: string }> {
  const id = typeof raw === "object" && raw !== null && "assignmentId" in raw ? String(raw.assignmentId).slice(0, 20) : undefined;
  return auditingAdminRefusals(db, viewer, { action: "role.revoke", clientAddress: request.clientAddress ?? null, objectType: "role_assignment", objectId: id, details: {} }, async () => {
    const admin = requireSignedIn(viewer);
    if (!isSecurityAdministrator(admin)) throw new AppError("FORBIDDEN", "只有安全管理员可以撤销角色。");
    const input = parseAdminInput(revokeRoleSchema, raw);
    return db.$transaction(async (tx) => {
      const assignment = await tx.roleAssignment.findUnique({
        where: { id: input.assignmentId },
        select: { id: true, userId: true, role: true, unitId: true, departmentId: true, regionId: true, user: { select: { email: true } } },
      });
      if (assignment === null) throw new AppError("NOT_FOUND", "未找到该角色，可能已被撤销。");
      const scope = await regionOfAssignment(tx, assignment);
      if (!canManageRoles(admin, { regionId: scope.regionId })) throw new AppError("FORBIDDEN", "您不是该地区的安全管理员，不能撤销此角色。");
      if (assignment.userId === admin.userId) throw new AppError("FORBIDDEN", "不能撤销自己的角色，请由其他管理员办理。");
      const isGlobalAdmin = (ADMINISTRATOR_ROLES as readonly string[]).includes(assignment.role) && scope.regionId === undefined;
      if (isGlobalAdmin) {
        const globals = await tx.$queryRaw<{ id: number }[]>`
          SELECT id FROM role_assignments
          WHERE role::text = ${assignment.role} AND region_id IS NULL AND department_id IS NULL AND unit_id IS NULL
          FOR UPDATE`;
        if (globals.length <= 1) throw new AppError("CONFLICT", `不能撤销最后一位全局${ROLE_LABELS[assignment.role]}。`);
      }
      await tx.roleAssignment.delete({ where: { id: assignment.id } });
      await writeAuditEvent(tx, {
        action: "role.revoke",
        result: "SUCCESS",
        userId: admin.userId,
        clientAddress: request.clientAddress ?? null,
        objectType: "user",
        objectId: assignment.userId,
        details: { targetEmail: assignment.user.email, role: assignment.role, scope: scope.label, assignmentId: assignment.id },
      });
      return { userId: assignment.userId };
    });
  });
}
