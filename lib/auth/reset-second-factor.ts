import { z } from "zod";
import { AppError } from "@/lib/app-error";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import { auditingAdminRefusals, parseAdminInput, regionOfAssignment, requireSignedIn, type AdminRequest } from "@/lib/admin/admin-access";
import type { DbClient } from "@/lib/budgets/db-client";
import type { Viewer } from "./policies";

export const resetSecondFactorSchema = z.object({
  userId: z.string({ error: "请选择账户。" }).trim().min(1, "请选择账户。").max(100, "账户编号无效。"),
});

/**
 * Whether the viewer may reset the second factor of an account whose roles lie in these regions:
 * a global security administrator (安全管理员, no region) for every account, a region's for the
 * accounts holding a role in that region. Nobody resets their own.
 */
export function canResetSecondFactor(viewer: Viewer | null, target: { userId: string; regionIds: readonly (number | undefined)[] }): boolean {
  if (viewer === null || viewer.userId === target.userId) return false;
  const grants = viewer.roles.filter((grant) => grant.role === "SECURITY_ADMIN");
  if (grants.some((grant) => grant.regionId === undefined)) return true;
  return grants.some((grant) => target.regionIds.includes(grant.regionId));
}

/**
 * 重置双因素认证 (a lost phone, no backup codes left): a security administrator removes the
 * account's TOTP secret and backup codes. The account must enrol again at its next sign-in (until
 * then it has no viewer), and its sessions end now. The change, the ended sessions and the audit
 * row (`user.reset_second_factor`, with the client address) in one transaction; refusals are
 * audited as DENIED in a transaction of their own.
 */
export function resetSecondFactor(db: DbClient, viewer: Viewer | null, raw: unknown, request: AdminRequest = {}): Promise<{ userId: string; sessionsEnded: number }> {
  const target = typeof raw === "object" && raw !== null && "userId" in raw ? String(raw.userId).slice(0, 100) : undefined;
  const clientAddress = request.clientAddress ?? null;
  return auditingAdminRefusals(
    db,
    viewer,
    { action: "user.reset_second_factor", clientAddress, objectType: "user", ...(target === undefined ? {} : { objectId: target }), details: {} },
    async () => {
      const admin = requireSignedIn(viewer);
      if (!admin.roles.some((grant) => grant.role === "SECURITY_ADMIN")) {
        throw new AppError("FORBIDDEN", "只有安全管理员可以重置双因素认证。");
      }
      const input = parseAdminInput(resetSecondFactorSchema, raw);
      if (input.userId === admin.userId) throw new AppError("FORBIDDEN", "不能重置自己的双因素认证，请联系其他安全管理员。");
      return db.$transaction(async (tx) => {
        const user = await tx.user.findUnique({
          where: { id: input.userId },
          select: { id: true, email: true, twoFactorEnabled: true, roleAssignments: { select: { unitId: true, departmentId: true, regionId: true } } },
        });
        if (user === null) throw new AppError("NOT_FOUND", "未找到该账户。");
        const regions = await Promise.all(user.roleAssignments.map((assignment) => regionOfAssignment(tx, assignment)));
        if (!canResetSecondFactor(admin, { userId: user.id, regionIds: regions.map(({ regionId }) => regionId) })) {
          throw new AppError("FORBIDDEN", "该账户不在您负责的地区，不能重置其双因素认证。");
        }
        const removed = await tx.twoFactor.deleteMany({ where: { userId: user.id } });
        if (removed.count === 0 && !user.twoFactorEnabled) throw new AppError("CONFLICT", "该账户尚未设置双因素认证，无需重置。");
        await tx.user.update({ where: { id: user.id }, data: { twoFactorEnabled: false }, select: { id: true } });
        const ended = await tx.session.deleteMany({ where: { userId: user.id } });
        await writeAuditEvent(tx, {
          action: "user.reset_second_factor",
          result: "SUCCESS",
          userId: admin.userId,
          clientAddress,
          objectType: "user",
          objectId: user.id,
          details: { targetEmail: user.email, sessionsEnded: ended.count },
        });
        return { userId: user.id, sessionsEnded: ended.count };
      });
    },
  );
}
