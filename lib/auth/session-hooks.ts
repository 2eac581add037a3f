import { createAuthMiddleware } from "better-auth/api";
import type { DbClient, DbReader } from "@/lib/budgets/db-client";
import type { AuditEventInput } from "@/lib/audit/write-audit-event";
import { clientAddressOf, requestDetails } from "./hook-support";
import { sessionEnd } from "./session-lifetime";

/**
 * Before every session lookup (pages, actions, proxy.ts and GET /api/auth/get-session): a session
 * past its absolute lifetime, or idle longer than its account's roles allow, is deleted and
 * audited (`auth.session_expire` with the reason), so better-auth then finds none and clears the
 * cookie. Timestamps come from the session row (created_at, updated_at = the last refresh).
 */
export function sessionLifetimeHook(db: DbClient & DbReader, now: () => Date, audit: (event: AuditEventInput) => Promise<void>) {
  return {
    matcher: (context: { path?: string }) => context.path === "/get-session",
    handler: createAuthMiddleware(async (ctx) => {
      const token = await ctx.getSignedCookie(ctx.context.authCookies.sessionToken.name, ctx.context.secret);
      if (typeof token !== "string" || token === "") return;
      const session = await db.session.findUnique({
        where: { token },
        select: { id: true, userId: true, createdAt: true, updatedAt: true, user: { select: { roleAssignments: { select: { role: true } } } } },
      });
      if (session === null) return;
      const end = sessionEnd(
        { createdAt: session.createdAt, lastActiveAt: session.updatedAt, roles: session.user.roleAssignments.map(({ role }) => role) },
        now(),
      );
      if (end === null) return;
      const deleted = await db.session.deleteMany({ where: { id: session.id } });
      if (deleted.count === 0) return;
      await audit({
        action: "auth.session_expire",
        result: "SUCCESS",
        userId: session.userId,
        objectType: "session",
        objectId: session.id,
        clientAddress: clientAddressOf(ctx, ctx.context.options),
        details: requestDetails(ctx, { reason: end.reason, limitMinutes: end.limitSeconds / 60 }),
      });
    }),
  };
}

/** A copy of a JSON answer without session tokens (`token`, `session.token`), or null when it holds none. */
export function withoutSessionToken(value: unknown): Record<string, unknown> | null {
  if (typeof value !== "object" || value === null || Array.isArray(value) || value instanceof Response) return null;
  const record = value as Record<string, unknown>;
  const session = record.session;
  const hasSessionToken = typeof session === "object" && session !== null && "token" in session;
  if (!("token" in record) && !hasSessionToken) return null;
  const { token: _token, ...rest } = record;
  if (hasSessionToken) {
    const { token: _sessionToken, ...sessionRest } = session as Record<string, unknown>;
    rest.session = sessionRest;
  }
  return rest;
}

/**
 * The session token travels in the HttpOnly cookie only: better-auth also returns it in the JSON
 * of sign-in, the second-factor verification and get-session, where a script could read it.
 */
export const stripSessionTokenHook = {
  matcher: () => true,
  handler: createAuthMiddleware(async (ctx) => {
    const stripped = withoutSessionToken(ctx.context.returned);
    if (stripped === null) return;
    return ctx.json(stripped);
  }),
};
