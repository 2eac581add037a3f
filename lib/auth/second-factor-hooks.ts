import { APIError, createAuthMiddleware, isAPIError } from "better-auth/api";
import { deleteSessionCookie } from "better-auth/cookies";
import type { DbClient, DbReader } from "@/lib/budgets/db-client";
import type { AuditEventInput } from "@/lib/audit/write-audit-event";
import { activeLockEnd, LOCK_DURATION_MS } from "./lockout";
import { readLockout, registerFailedSignIn, registerSuccessfulSignIn } from "./lockout-store";
import { clientAddressOf, lockedError, requestDetails, type HookContext } from "./hook-support";

/** better-auth's twoFactor endpoints that finish a sign-in with a second factor. */
export const SECOND_FACTOR_PATHS: Readonly<Record<string, "totp" | "backup_code">> = {
  "/two-factor/verify-totp": "totp",
  "/two-factor/verify-backup-code": "backup_code",
};
/** The signed cookie the twoFactor plugin sets between the password and the code (its TWO_FACTOR_COOKIE_NAME). */
const CHALLENGE_COOKIE = "two_factor";
const WRONG_CODE_ERRORS = new Set(["INVALID_CODE", "INVALID_BACKUP_CODE"]);
export const WRONG_SECOND_FACTOR = "WRONG_SECOND_FACTOR";
export const SECOND_FACTOR_EXPIRED = "SECOND_FACTOR_EXPIRED";

export function wrongCodeMessage(method: "totp" | "backup_code", remainingAttempts: number): string {
  const what = method === "totp" ? "动态口令不正确" : "备用码不正确或已使用过";
  return `${what}。再输错 ${remainingAttempts} 次，账户将被锁定 ${LOCK_DURATION_MS / 60_000} 分钟。`;
}

/** The account a pending second-factor challenge belongs to (null: no challenge in this request). */
async function challengeUser(ctx: HookContext, db: DbReader): Promise<{ id: string; email: string } | null> {
  const cookie = ctx.context.createAuthCookie(CHALLENGE_COOKIE);
  const identifier = await ctx.getSignedCookie(cookie.name, ctx.context.secret);
  if (typeof identifier !== "string" || identifier === "") return null;
  const verification = await db.verification.findFirst({ where: { identifier }, select: { value: true } });
  if (verification === null) return null;
  return db.user.findUnique({ where: { id: verification.value }, select: { id: true, email: true } });
}

/**
 * The second step of sign-in, around the twoFactor plugin's verify endpoints: the lock holds (a
 * locked account's code is not even checked), a wrong code or backup code counts towards the same
 * lockout as a wrong password (5 in a row lock the account and end its sessions), "trust this
 * device" is refused (it would let later sign-ins skip the code), and the sign-in is audited once
 * it is complete, with the method used. Enrolment (verify-totp with a session) is not a sign-in
 * and is audited by its use case.
 */
export function secondFactorHooks(db: DbClient & DbReader, now: () => Date, audit: (event: AuditEventInput) => Promise<void>) {
  const matcher = (context: { path?: string }) => context.path !== undefined && Object.hasOwn(SECOND_FACTOR_PATHS, context.path);
  const methodOf = (path: string) => SECOND_FACTOR_PATHS[path] ?? "totp";

  const before = {
    matcher,
    handler: createAuthMiddleware(async (ctx) => {
      const body: unknown = ctx.body;
      if (typeof body === "object" && body !== null && "trustDevice" in body && body.trustDevice === true) {
        throw new APIError("BAD_REQUEST", { code: "TRUST_DEVICE_REFUSED", message: "每次登录都须输入动态口令或备用码，不能信任此设备。" });
      }
      const user = await challengeUser(ctx, db);
      if (user === null) return;
      const record = await db.$transaction((tx) => readLockout(tx, user.email));
      const lockEnd = activeLockEnd(record.state, now());
      if (lockEnd === null) return;
      await audit({
        action: "auth.sign_in",
        result: "DENIED",
        userId: user.id,
        clientAddress: clientAddressOf(ctx, ctx.context.options),
        details: requestDetails(ctx, { email: user.email, step: methodOf(ctx.path), reason: "locked", lockedUntil: lockEnd.toISOString() }),
      });
      throw lockedError(lockEnd);
    }),
  };

  const after = {
    matcher,
    handler: createAuthMiddleware(async (ctx) => {
      const method = methodOf(ctx.path);
      const clientAddress = clientAddressOf(ctx, ctx.context.options);
      const returned = ctx.context.returned;
      const user = await challengeUser(ctx, db);

      if (isAPIError(returned)) {
        const code = String(returned.body?.code ?? returned.status);
        if (code === "ACCOUNT_LOCKED" || code === "TRUST_DEVICE_REFUSED") return;
        if (user === null) {
          // No challenge (expired, used, or none): only a signed-in enrolment gets here otherwise.
          if (code === "INVALID_TWO_FACTOR_COOKIE") {
            await audit({ action: "auth.sign_in", result: "FAILURE", clientAddress, details: requestDetails(ctx, { step: method, reason: "challenge_expired" }) });
            throw new APIError("UNAUTHORIZED", { code: SECOND_FACTOR_EXPIRED, message: "验证已超时，请重新输入邮箱和密码登录。" });
          }
          return;
        }
        if (!WRONG_CODE_ERRORS.has(code)) {
          await audit({ action: "auth.sign_in", result: "FAILURE", userId: user.id, clientAddress, details: requestDetails(ctx, { email: user.email, step: method, reason: code }) });
          return;
        }
        const { outcome } = await registerFailedSignIn(db, user.email, now());
        await audit({
          action: "auth.sign_in",
          result: "FAILURE",
          userId: user.id,
          clientAddress,
          details: requestDetails(ctx, { email: user.email, step: method, reason: method === "totp" ? "wrong_code" : "wrong_backup_code" }),
        });
        if (outcome.kind === "already_locked") throw lockedError(outcome.lockedUntil);
        if (outcome.kind === "locked") {
          await audit({
            action: "auth.lock",
            result: "SUCCESS",
            userId: user.id,
            clientAddress,
            details: requestDetails(ctx, { email: user.email, reason: method === "totp" ? "wrong_code" : "wrong_backup_code", lockedUntil: outcome.lockedUntil.toISOString() }),
          });
          throw lockedError(outcome.lockedUntil);
        }
        throw new APIError("UNAUTHORIZED", { code: WRONG_SECOND_FACTOR, message: wrongCodeMessage(method, outcome.remainingAttempts), remainingAttempts: outcome.remainingAttempts });
      }

      const created = ctx.context.newSession;
      if (created === null) return;
      // A session and no challenge: a signed-in account confirming its enrolment.
      const wasSignIn = await ctx.getSignedCookie(ctx.context.createAuthCookie(CHALLENGE_COOKIE).name, ctx.context.secret);
      if (typeof wasSignIn !== "string" || wasSignIn === "") return;
      const lockEnd = await registerSuccessfulSignIn(db, created.user.id, now());
      if (lockEnd !== null) {
        await ctx.context.internalAdapter.deleteSession(created.session.token);
        deleteSessionCookie(ctx);
        await audit({
          action: "auth.sign_in",
          result: "DENIED",
          userId: created.user.id,
          clientAddress,
          details: requestDetails(ctx, { email: created.user.email, step: method, reason: "locked", lockedUntil: lockEnd.toISOString() }),
        });
        throw lockedError(lockEnd);
      }
      await audit({
        action: "auth.sign_in",
        result: "SUCCESS",
        userId: created.user.id,
        objectType: "session",
        objectId: created.session.id,
        clientAddress,
        details: requestDetails(ctx, { email: created.user.email, secondFactor: method }),
      });
    }),
  };

  return { before, after };
}
