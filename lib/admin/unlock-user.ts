import { AppError } from "@/lib/app-error";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import { canManageRoles, isSecurityAdministrator, type Viewer } from "@/lib/auth/policies";
import type { DbClient } from "@/lib/budgets/db-client";
import { type AdminRequest, auditingAdminRefusals, parseAdminInput, regionOfAssignment, requireSignedIn } from "./admin-access";
import { unlockUserSchema } from "./admin-schemas";

/**
 * 解锁账户: ends a sign-in lock early and clears the failure count (per-account lockout lets
 * anyone lock a known address for 30 minutes). A global 安全管理员, or a 安全管理员 of a region in
 * which the account holds a role (ADR 0022). The change and its audit row (`user.unlock`) in one
 * transaction; an account that is not locked is refused (CONFLICT), so the log shows real unlocks.
 */
export function unlockUser(
  db: DbClient,
  viewer: Viewer | null,
  raw: unknown,
  now: Date = new Date(),
  request: AdminRequest = {},
): Promise<{ userId: string }> {
  const target = typeof raw === "object" && raw !== null && "userId" in raw ? String(raw.userId).slice(0, 100) : undefined;
  return auditingAdminRefusals(db, viewer, { action: "user.unlock", clientAddress: request.clientAddress ?? null, objectType: "user", objectId: target, details: {} }, async () => {
    const admin = requireSignedIn(viewer);
    if (!isSecurityAdministrator(admin)) throw new AppError("FORBIDDEN", "只有安全管理员可以解锁账户。");
    const input = parseAdminInput(unlockUserSchema, raw);
    return db.$transaction(async (tx) => {
      const [user] = await tx.$queryRaw<{ id: string; email: string; failed_login_count: number; locked_until: Date | null }[]>`
        SELECT id, email, failed_login_count, locked_until FROM users WHERE id = ${input.userId} FOR UPDATE`;
      if (user === undefined) throw new AppError("NOT_FOUND", "未找到该账户。");
      if (!canManageRoles(admin)) {
        const assignments = await tx.roleAssignment.findMany({
          where: { userId: user.id },
          select: { unitId: true, departmentId: true, regionId: true },
        });
        const regions = await Promise.all(assignments.map((a) => regionOfAssignment(tx, a)));
        if (!regions.some((scope) => scope.regionId !== undefined && canManageRoles(admin, { regionId: scope.regionId }))) {
          throw new AppError("FORBIDDEN", "该账户不在您管理的地区，不能解锁。");
        }
      }
      const isLocked = user.locked_until !== null && user.locked_until.getTime() > now.getTime();
      if (!isLocked) throw new AppError("CONFLICT", "该账户当前未被锁定。");
      await tx.user.update({ where: { id: user.id }, data: { failedLoginCount: 0, lockedUntil: null } });
      await writeAuditEvent(tx, {
        action: "user.unlock",
        result: "SUCCESS",
        userId: admin.userId,
        clientAddress: request.clientAddress ?? null,
        objectType: "user",
        objectId: user.id,
        details: { targetEmail: user.email, lockedUntil: user.locked_until?.toISOString() ?? null },
      });
      return { userId: user.id };
    });
  });
}
