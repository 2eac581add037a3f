import { prisma } from "@/lib/db";
import { createUser, type RoleSpec } from "@/lib/demo/factories";
import { getAuth } from "./auth";

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

/** Signs in through better-auth as the login form does; returns the session cookie. */
export async function signInForCookie(email: string, password = TEST_PASSWORD): Promise<string> {
  const { headers } = await getAuth().api.signInEmail({
    body: { email, password },
    headers: requestHeaders(),
    returnHeaders: true,
  });
  const cookie = cookieHeaderFrom(headers);
  if (!cookie.includes("session_token=")) throw new Error(`sign-in set no session cookie: ${cookie}`);
  return cookie;
}

export function auditRows(action?: string) {
  return prisma.auditEvent.findMany({
    where: action === undefined ? {} : { action },
    orderBy: { id: "asc" },
    select: { action: true, result: true, userId: true, clientAddress: true, details: true, objectType: true },
  });
}
