import { z } from "zod";
import { fieldErrorsOf } from "@/lib/action";
import { AppError } from "@/lib/app-error";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import { auditingRefusals } from "@/lib/budgets/budget-access";
import type { DbClient } from "@/lib/budgets/db-client";
import { CREDENTIAL_PROVIDER, isRecentPassword, PASSWORD_HISTORY_DEPTH, storePassword } from "./credential-store";
import { activeLockEnd, LOCK_DURATION_MS, lockedMessage } from "./lockout";
import { readLockout, registerFailedSignIn } from "./lockout-store";
import { verifyPassword } from "./password-hash";
import { newPasswordSchema, PASSWORD_MAX_LENGTH } from "./password-policy";

/** The signed-in account changing its own password (lib/auth/session.ts getPasswordChanger). */
export interface PasswordChanger {
  userId: string;
  /** the session the change is made in; the account's other sessions end */
  sessionId: string;
  email: string;
  name: string;
  /** the password was set by someone else (or expired) and must be changed before anything else */
  mustChangePassword: boolean;
  /** the password is older than the maximum age (GONGKAI_PASSWORD_MAX_AGE_DAYS) */
  passwordExpired?: boolean;
}

export const changePasswordSchema = z
  .object({
    currentPassword: z
      .string({ error: "请输入当前密码。" })
      .min(1, "请输入当前密码。")
      .max(PASSWORD_MAX_LENGTH * 4, "当前密码不正确。"),
    newPassword: z.string({ error: "请输入新密码。" }).min(1, "请输入新密码。").pipe(newPasswordSchema),
    confirmPassword: z.string({ error: "请再次输入新密码。" }).min(1, "请再次输入新密码。"),
  })
  .superRefine((input, context) => {
    if (input.confirmPassword !== input.newPassword) {
      context.addIssue({ code: "custom", path: ["confirmPassword"], message: "两次输入的新密码不一致。" });
    }
    if (input.newPassword === input.currentPassword) {
      context.addIssue({ code: "custom", path: ["newPassword"], message: "新密码不能与当前密码相同。" });
    }
  });

const WRONG_CURRENT = "当前密码不正确";

/**
 * 修改密码: the signed-in account replaces its password, knowing the current one, with one that is
 * none of its last 5 (password_history). A wrong current
 * password counts towards the sign-in lockout (5 in a row lock the account and end its
 * sessions), so this is no way around it. On success the password rule holds, mustChangePassword
 * is cleared, the account's other sessions end, and `auth.password_change` is audited; all in one
 * transaction. Refusals are audited too, never with a password.
 */
export function changeOwnPassword(
  db: DbClient,
  changer: PasswordChanger | null,
  raw: unknown,
  request: { clientAddress?: string | null } = {},
  now: Date = new Date(),
): Promise<{ wasForced: boolean }> {
  const clientAddress = request.clientAddress ?? null;
  return auditingRefusals(
    db,
    changer === null ? null : { userId: changer.userId, roles: [] },
    { action: "auth.password_change", objectType: "user", ...(changer === null ? {} : { objectId: changer.userId }), clientAddress, details: {} },
    async () => {
      if (changer === null) throw new AppError("UNAUTHENTICATED", "请先登录。");
      const parsed = changePasswordSchema.safeParse(raw);
      if (!parsed.success) throw new AppError("INVALID_INPUT", "请检查标出的内容后重新提交。", fieldErrorsOf(parsed.error));
      const input = parsed.data;
      const lock = await db.$transaction(async (tx) => activeLockEnd((await readLockout(tx, changer.email)).state, now));
      if (lock !== null) throw new AppError("LOCKED", lockedMessage(lock));
      const credential = await db.$transaction((tx) =>
        tx.account.findFirst({ where: { userId: changer.userId, providerId: CREDENTIAL_PROVIDER }, select: { password: true } }),
      );
      const isCurrentRight = credential?.password != null && (await verifyPassword(credential.password, input.currentPassword));
      if (!isCurrentRight) await refuseWrongCurrentPassword(db, changer, clientAddress, now);
      if (await db.$transaction((tx) => isRecentPassword(tx, changer.userId, input.newPassword))) {
        const message = `新密码不能与最近 ${PASSWORD_HISTORY_DEPTH} 次使用过的密码相同。`;
        throw new AppError("INVALID_INPUT", message, { newPassword: [message] });
      }

      return db.$transaction(async (tx) => {
        await storePassword(tx, changer.userId, input.newPassword);
        await tx.user.update({ where: { id: changer.userId }, data: { mustChangePassword: false, failedLoginCount: 0, lockedUntil: null }, select: { id: true } });
        const ended = await tx.session.deleteMany({ where: { userId: changer.userId, id: { not: changer.sessionId } } });
        await writeAuditEvent(tx, {
          action: "auth.password_change",
          result: "SUCCESS",
          userId: changer.userId,
          objectType: "user",
          objectId: changer.userId,
          clientAddress,
          details: { wasForced: changer.mustChangePassword, otherSessionsEnded: ended.count },
        });
        return { wasForced: changer.mustChangePassword };
      });
    },
  );
}

/** Counts the wrong password as a failed sign-in; the one that reaches the limit locks and signs out everywhere. */
async function refuseWrongCurrentPassword(db: DbClient, changer: PasswordChanger, clientAddress: string | null, now: Date): Promise<never> {
  const { outcome } = await registerFailedSignIn(db, changer.email, now);
  if (outcome.kind === "counted") {
    const message = `${WRONG_CURRENT}。再输错 ${outcome.remainingAttempts} 次，账户将被锁定 ${LOCK_DURATION_MS / 60_000} 分钟。`;
    throw new AppError("INVALID_INPUT", message, { currentPassword: [message] });
  }
  await db.$transaction(async (tx) => {
    await tx.session.deleteMany({ where: { userId: changer.userId } });
    if (outcome.kind === "locked") {
      await writeAuditEvent(tx, {
        action: "auth.lock",
        result: "SUCCESS",
        userId: changer.userId,
        clientAddress,
        details: { email: changer.email, reason: "wrong_current_password", lockedUntil: outcome.lockedUntil.toISOString() },
      });
    }
  });
  throw new AppError("LOCKED", lockedMessage(outcome.lockedUntil));
}
