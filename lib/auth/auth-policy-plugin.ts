import type { BetterAuthPlugin } from "better-auth";
import { APIError, createAuthMiddleware, isAPIError } from "better-auth/api";
import { deleteSessionCookie } from "better-auth/cookies";
import type { DbClient, DbReader } from "@/lib/budgets/db-client";
import { writeAuditEvent, type AuditEventInput } from "@/lib/audit/write-audit-event";
import { consumeRateLimit, peekRateLimit, rateLimitedMessage } from "@/lib/rate-limit/consume-rate-limit";
import { RATE_LIMITS } from "@/lib/rate-limit/rules";
import { unsafeTextMessage } from "@/lib/validation/safe-text";
import { ACCOUNT_LOCKED, clientAddressOf, lockedError, requestDetails } from "./hook-support";
import { activeLockEnd, wrongCredentialsMessage } from "./lockout";
import { EMAIL_MAX_LENGTH, normalizeEmail, readLockout, registerFailedSignIn, registerSuccessfulSignIn } from "./lockout-store";
import { passwordProblems } from "./password-policy";
import { secondFactorHooks } from "./second-factor-hooks";
import { sessionLifetimeHook, stripSessionTokenHook } from "./session-hooks";

export { ACCOUNT_LOCKED, clientAddressOf } from "./hook-support";

/** Where better-auth's HTTP endpoints live (app/api/auth/[...all]/route.ts). */
export const AUTH_BASE_PATH = "/api/auth";

/**
 * better-auth endpoints reachable over HTTP. Everything else (sign-up, password reset by e-mail,
 * social login, account linking, user self-service, the twoFactor plugin's enrolment and
 * disabling) answers 404: accounts are created by administrators, enrolment runs through
 * Gongkai's own pages, and an endpoint that checks a password outside sign-in (verify-password,
 * change-password) would be a way around the lockout until it is wired into it. The two
 * second-factor endpoints finish a sign-in and count wrong codes towards the lockout.
 */
export const HTTP_ENDPOINTS: readonly string[] = [
  "/sign-in/email",
  "/two-factor/verify-totp",
  "/two-factor/verify-backup-code",
  "/sign-out",
  "/get-session",
  "/ok",
  "/error",
];

/** better-auth endpoints that set a password, and the body field that carries it. */
const PASSWORD_FIELDS: Readonly<Record<string, string>> = {
  "/sign-up/email": "password",
  "/change-password": "newPassword",
  "/reset-password": "newPassword",
  "/set-password": "newPassword",
};

export const RATE_LIMITED = "RATE_LIMITED";
export const INVALID_CREDENTIALS = "INVALID_EMAIL_OR_PASSWORD";
export const PASSWORD_TOO_WEAK = "PASSWORD_TOO_WEAK";

export interface AuthPolicyOptions {
  db: DbClient & DbReader;
  /** injectable so tests can move time; defaults to the clock */
  now?: () => Date;
}

/** The rate limits of failed sign-ins: per client address, and per account when an address was typed. */
function signInLimits(clientAddress: string | null, email: string | undefined) {
  return [
    { key: `sign-in:address:${clientAddress ?? "unknown"}`, rule: RATE_LIMITS.signInPerAddress },
    ...(email === undefined ? [] : [{ key: `sign-in:account:${email}`, rule: RATE_LIMITS.signInPerAccount }]),
  ];
}

function emailOf(body: unknown): string | undefined {
  if (typeof body !== "object" || body === null || !("email" in body)) return undefined;
  return typeof body.email === "string" ? normalizeEmail(body.email) : undefined;
}

function isSecondFactorChallenge(value: unknown): boolean {
  return typeof value === "object" && value !== null && "twoFactorRedirect" in value && value.twoFactorRedirect === true;
}

/**
 * Gongkai's rules around better-auth's own endpoints, for the HTTP route and for server-side
 * `auth.api` calls alike: lockout and audit around email sign-in, the password rule on every
 * endpoint that sets a password, and the allow-list of HTTP endpoints.
 */
export function authPolicyPlugin({ db, now = () => new Date() }: AuthPolicyOptions): BetterAuthPlugin {
  const audit = (event: AuditEventInput) => writeAuditEvent(db, event);
  const secondFactor = secondFactorHooks(db, now, audit);

  return {
    id: "gongkai-auth-policy",

    onRequest: async (request) => {
      const { pathname } = new URL(request.url);
      const endpoint = pathname.startsWith(AUTH_BASE_PATH) ? pathname.slice(AUTH_BASE_PATH.length) : pathname;
      if (!HTTP_ENDPOINTS.includes(endpoint)) return { response: new Response("Not Found", { status: 404 }) };
      return undefined;
    },

    hooks: {
      before: [
        sessionLifetimeHook(db, now, audit),
        secondFactor.before,
        {
          matcher: (context) => context.path !== undefined && Object.hasOwn(PASSWORD_FIELDS, context.path),
          handler: createAuthMiddleware(async (ctx) => {
            const field = PASSWORD_FIELDS[ctx.path];
            const body: unknown = ctx.body;
            const password =
              field !== undefined && typeof body === "object" && body !== null && field in body
                ? (body as Record<string, unknown>)[field]
                : undefined;
            if (typeof password !== "string") return;
            const problems = passwordProblems(password);
            if (problems.length > 0) {
              throw new APIError("BAD_REQUEST", { code: PASSWORD_TOO_WEAK, message: problems.join("") });
            }
          }),
        },
        {
          // Failed sign-ins per address and per account, counted in PostgreSQL so every instance
          // shares them (consumed in the after hook); the account's count includes attempts while
          // it is locked, which the lockout does not. Successful sign-ins count nothing: an office
          // behind one NAT address signs in many people every morning.
          matcher: (context) => context.path === "/sign-in/email",
          handler: createAuthMiddleware(async (ctx) => {
            const email = emailOf(ctx.body);
            // Nothing is written for an address no account can have (no throttle row, no audit row of that size).
            if (email !== undefined && (email.length > EMAIL_MAX_LENGTH || unsafeTextMessage(email) !== null)) {
              throw new APIError("BAD_REQUEST", { code: INVALID_CREDENTIALS, message: "请输入有效的邮箱地址，例如 name@example.gov.cn。" });
            }
            const clientAddress = clientAddressOf(ctx, ctx.context.options);
            const checks = signInLimits(clientAddress, email).map(({ key, rule }) => peekRateLimit(db, key, rule));
            const refusals = (await Promise.all(checks)).filter((decision) => !decision.allowed);
            if (refusals.length === 0) return;
            const retryAfterSeconds = Math.max(...refusals.map((decision) => (decision.allowed ? 0 : decision.retryAfterSeconds)));
            const record = email === undefined ? null : await readLockout(db, email);
            await audit({
              action: "auth.sign_in",
              result: "DENIED",
              userId: record?.userId ?? null,
              clientAddress,
              details: requestDetails(ctx, { email: email ?? null, reason: "rate_limited", retryAfterSeconds }),
            });
            throw new APIError(
              "TOO_MANY_REQUESTS",
              { code: RATE_LIMITED, message: rateLimitedMessage(retryAfterSeconds), retryAfterSeconds },
              { "Retry-After": String(retryAfterSeconds) },
            );
          }),
        },
        {
          // The lock holds even for the right password, so it is checked before better-auth verifies it.
          matcher: (context) => context.path === "/sign-in/email",
          handler: createAuthMiddleware(async (ctx) => {
            const email = emailOf(ctx.body);
            if (email === undefined) return;
            const record = await readLockout(db, email);
            const lockEnd = activeLockEnd(record.state, now());
            if (lockEnd === null) return;
            // A refused attempt on a locked account is a failure too (the after hook does not see it).
            const clientAddress = clientAddressOf(ctx, ctx.context.options);
            await Promise.all(signInLimits(clientAddress, email).map(({ key, rule }) => consumeRateLimit(db, key, rule)));
            await audit({
              action: "auth.sign_in",
              result: "DENIED",
              userId: record.userId,
              clientAddress,
              details: requestDetails(ctx, { email, reason: "locked", lockedUntil: lockEnd.toISOString() }),
            });
            throw lockedError(lockEnd);
          }),
        },
      ],
      after: [
        {
          matcher: (context) => context.path === "/sign-in/email",
          handler: createAuthMiddleware(async (ctx) => {
            const email = emailOf(ctx.body) ?? null;
            const clientAddress = clientAddressOf(ctx, ctx.context.options);
            const returned = ctx.context.returned;

            if (isAPIError(returned)) {
              await Promise.all(signInLimits(clientAddress, email ?? undefined).map(({ key, rule }) => consumeRateLimit(db, key, rule)));
              if (returned.body?.code === ACCOUNT_LOCKED) return;
              if (email === null || returned.body?.code !== INVALID_CREDENTIALS) {
                await audit({
                  action: "auth.sign_in",
                  result: "FAILURE",
                  clientAddress,
                  details: requestDetails(ctx, { email, reason: String(returned.body?.code ?? returned.status) }),
                });
                return;
              }
              const { userId, outcome } = await registerFailedSignIn(db, email, now());
              const reason = userId === null ? "unknown_account" : "wrong_password";
              await audit({ action: "auth.sign_in", result: "FAILURE", userId, clientAddress, details: requestDetails(ctx, { email, reason }) });
              if (outcome.kind === "already_locked") throw lockedError(outcome.lockedUntil);
              if (outcome.kind === "locked") {
                await audit({
                  action: "auth.lock",
                  result: "SUCCESS",
                  userId,
                  clientAddress,
                  details: requestDetails(ctx, { email, reason, lockedUntil: outcome.lockedUntil.toISOString() }),
                });
                throw lockedError(outcome.lockedUntil);
              }
              throw new APIError("UNAUTHORIZED", {
                code: INVALID_CREDENTIALS,
                message: wrongCredentialsMessage(outcome.remainingAttempts),
                remainingAttempts: outcome.remainingAttempts,
              });
            }

            if (isSecondFactorChallenge(returned)) {
              // The password was right; the twoFactor plugin (listed before this plugin) took the
              // session back and asks for the code. Nothing is reset until the code is right too,
              // so wrong codes after right passwords still add up to a lock.
              const user = email === null ? null : await db.user.findUnique({ where: { email }, select: { id: true } });
              await audit({
                action: "auth.sign_in_password",
                result: "SUCCESS",
                userId: user?.id ?? null,
                clientAddress,
                details: requestDetails(ctx, { email, next: "second_factor" }),
              });
              return;
            }
            const created = ctx.context.newSession;
            if (created === null) return;
            const lockEnd = await registerSuccessfulSignIn(db, created.user.id, now());
            if (lockEnd !== null) {
              // Locked by a parallel request after this one passed the check: take the session back.
              await ctx.context.internalAdapter.deleteSession(created.session.token);
              deleteSessionCookie(ctx);
              await audit({
                action: "auth.sign_in",
                result: "DENIED",
                userId: created.user.id,
                clientAddress,
                details: requestDetails(ctx, { email, reason: "locked", lockedUntil: lockEnd.toISOString() }),
              });
              throw lockedError(lockEnd);
            }
            // No second factor yet: the session only opens the enrolment page (lib/auth/account-gate.ts).
            await audit({
              action: "auth.sign_in",
              result: "SUCCESS",
              userId: created.user.id,
              objectType: "session",
              objectId: created.session.id,
              clientAddress,
              details: requestDetails(ctx, { email, secondFactor: "not_enrolled" }),
            });
          }),
        },
        secondFactor.after,
        stripSessionTokenHook,
      ],
    },

    init: () => ({
      options: {
        databaseHooks: {
          session: {
            delete: {
              // Sign-out, and an idle session found expired, both end in deleting the session row.
              after: async (session, context) => {
                const action =
                  context?.path === "/sign-out" ? "auth.sign_out" : context?.path === "/get-session" ? "auth.session_expire" : null;
                if (action === null) return;
                await audit({
                  action,
                  result: "SUCCESS",
                  userId: session.userId,
                  objectType: "session",
                  objectId: session.id,
                  clientAddress: clientAddressOf(context ?? {}, context?.context.options ?? {}),
                  details: requestDetails(context ?? {}),
                });
              },
            },
          },
        },
      },
    }),
  };
}
