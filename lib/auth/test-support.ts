import { prisma } from "@/lib/db";
import { createUser, type RoleSpec } from "@/lib/demo/factories";
import { getAuth } from "./auth";
import { TEST_TOTP_SECRET, totpCode } from "./totp-secret";

/** Helpers for the auth integration tests: a user who can sign in, and cookies as a browser keeps them. */

export const TEST_PASSWORD = "Richtig#2024";
export const CLIENT_ADDRESS = "203.0.113.7";

export function requestHeaders(cookie?: string): Headers {
  const headers = new Headers({ "x-forwarded-for": CLIENT_ADDRESS, "user-agent": "vitest" });
  if (cookie !== undefined) headers.set("cookie", cookie);
  return headers;
}

export function createSignInUser(roles: readonly RoleSpec[] = []) {
  return createUser(prisma, { password: TEST_PASSWORD, roles });
}

/** The Cookie header a browser would send after receiving these Set-Cookie headers. */
export function cookieHeaderFrom(responseHeaders: Headers | null | undefined): string {
  return (responseHeaders?.getSetCookie() ?? [])
    .map((line) => line.split(";")[0] ?? "")
    .filter((pair) => pair.includes("=") && !pair.endsWith("="))
    .join("; ");
}

/**
 * Signs in with the password alone: the cookie of the second-factor challenge for an enrolled
 * account, or the session cookie of an account without a second factor (which only opens the
 * enrolment page).
 */
export async function signInWithPassword(email: string, password = TEST_PASSWORD): Promise<{ cookie: string; response: unknown }> {
  const { headers, response } = await getAuth().api.signInEmail({
    body: { email, password },
    headers: requestHeaders(),
    returnHeaders: true,
  });
  return { cookie: cookieHeaderFrom(headers), response };
}

/**
 * Signs in through better-auth as the login pages do: the password, then (for an enrolled account)
 * the TOTP code of `totpSecret` (TEST_TOTP_SECRET: every factory-made account's). Returns the
 * session cookie.
 */
export async function signInForCookie(email: string, password = TEST_PASSWORD, totpSecret: string = TEST_TOTP_SECRET): Promise<string> {
  const first = await signInWithPassword(email, password);
  if (first.cookie.includes("session_token=")) return first.cookie;
  if (!first.cookie.includes("two_factor=")) throw new Error(`sign-in set neither a session nor a second-factor cookie: ${first.cookie}`);
  const { headers } = await getAuth().api.verifyTOTP({
    body: { code: await totpCode(totpSecret) },
    headers: requestHeaders(first.cookie),
    returnHeaders: true,
  });
  const cookie = cookieHeaderFrom(headers);
  if (!cookie.includes("session_token=")) throw new Error(`the second factor set no session cookie: ${cookie}`);
  return cookie;
}

export function auditRows(action?: string) {
  return prisma.auditEvent.findMany({
    where: action === undefined ? {} : { action },
    orderBy: { id: "asc" },
    select: { action: true, result: true, userId: true, clientAddress: true, details: true, objectType: true },
  });
}
