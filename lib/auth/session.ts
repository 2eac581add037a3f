import { headers } from "next/headers";
import { cache } from "react";
import { prisma } from "@/lib/db";
import { getAuth } from "./auth";
import type { PasswordChanger } from "./change-own-password";
import { ACCOUNT_STATE_SELECT, isPasswordExpired, pendingStepOf, type PendingStep } from "./password-change-gate";
import type { RoleGrant, Viewer } from "./policies";

export type { Viewer } from "./policies";

export interface ViewerOptions {
  /**
   * Move the idle expiry forward. Off for pages and actions: proxy.ts has already refreshed the
   * session for this request, and only it can hand the refreshed cookie back to the browser.
   */
  refresh?: boolean;
}

type Session = Awaited<ReturnType<ReturnType<typeof getAuth>["api"]["getSession"]>>;

/** A request's better-auth session (null when signed out or expired; no query without a session cookie). */
function sessionFromHeaders(requestHeaders: Headers, refresh: boolean): Promise<Session> {
  return getAuth().api.getSession({ headers: requestHeaders, query: { disableRefresh: !refresh } });
}

/**
 * The viewer of a session: the user and their role assignments, loaded with one query. An account
 * that must change its password first (someone else set it, or it expired) or has no second
 * factor yet is no viewer at all until it has: every back-office page, server action and route
 * handler resolves the viewer here, so none of them can be used before (proxy.ts sends such
 * sessions to /account/password or /account/two-factor).
 */
async function viewerOfSession(session: Session): Promise<Viewer | null> {
  if (session === null) return null;
  const user = await prisma.user.findUnique({
    where: { id: session.user.id },
    select: {
      ...ACCOUNT_STATE_SELECT,
      roleAssignments: { select: { role: true, unitId: true, departmentId: true, regionId: true }, orderBy: { id: "asc" } },
    },
  });
  if (user === null || pendingStepOf(user, new Date()) !== null) return null;
  return {
    userId: session.user.id,
    roles: user.roleAssignments.map(
      ({ role, unitId, departmentId, regionId }): RoleGrant => ({
        role,
        ...(unitId !== null ? { unitId } : {}),
        ...(departmentId !== null ? { departmentId } : {}),
        ...(regionId !== null ? { regionId } : {}),
      }),
    ),
  };
}

/**
 * The viewer of a request: its better-auth session (expired or signed-out sessions give null) and
 * the user's role assignments, loaded with one query.
 */
export async function getViewerFromHeaders(requestHeaders: Headers, options: ViewerOptions = {}): Promise<Viewer | null> {
  return viewerOfSession(await sessionFromHeaders(requestHeaders, options.refresh === true));
}

/** Who is signed in, as the site header names them. */
export interface SignedInUser {
  name: string;
}

/** The signed-in person of a request, or null; reads the session only, not the roles. */
export async function getSignedInUserFromHeaders(requestHeaders: Headers): Promise<SignedInUser | null> {
  return signedInUserOf(await sessionFromHeaders(requestHeaders, false));
}

function signedInUserOf(session: Session): SignedInUser | null {
  return session === null ? null : { name: session.user.name };
}

/** The request's session, looked up once per request however many components ask. */
const currentSession = cache(async (): Promise<Session> => sessionFromHeaders(await headers(), false));

/** For server components and server actions; memoised per request. */
export const getViewer = cache(async (): Promise<Viewer | null> => viewerOfSession(await currentSession()));

/**
 * The signed-in account on the password page (/account/password): also while it must change its
 * password, when getViewer is null. Only that page and its action use it.
 */
export const getPasswordChanger = cache(async (): Promise<PasswordChanger | null> => {
  const session = await currentSession();
  if (session === null) return null;
  const user = await prisma.user.findUnique({ where: { id: session.user.id }, select: { email: true, name: true, ...ACCOUNT_STATE_SELECT } });
  if (user === null) return null;
  const passwordExpired = isPasswordExpired(user.passwordChangedAt, new Date());
  return {
    userId: session.user.id,
    sessionId: session.session.id,
    email: user.email,
    name: user.name,
    mustChangePassword: user.mustChangePassword || passwordExpired,
    passwordExpired: passwordExpired && !user.mustChangePassword,
  };
});

/** A signed-in account and the step it must take before it gets a viewer (the login page, the enrolment page). */
export interface PendingAccount {
  userId: string;
  sessionId: string;
  email: string;
  name: string;
  step: PendingStep;
}

export const getPendingAccount = cache(async (): Promise<PendingAccount | null> => {
  const session = await currentSession();
  if (session === null) return null;
  const user = await prisma.user.findUnique({ where: { id: session.user.id }, select: { email: true, name: true, ...ACCOUNT_STATE_SELECT } });
  if (user === null) return null;
  return { userId: session.user.id, sessionId: session.session.id, email: user.email, name: user.name, step: pendingStepOf(user, new Date()) };
});

/** For the site header (app/layout.tsx); memoised per request, sharing the session lookup with getViewer. */
export const getSignedInUser = cache(async (): Promise<SignedInUser | null> => signedInUserOf(await currentSession()));
