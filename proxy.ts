import { NextResponse, type NextRequest } from "next/server";
import { getAuth } from "@/lib/auth/auth";
import { accountGateRedirect, readPendingStep } from "@/lib/auth/password-change-gate";
import { prisma } from "@/lib/db";
import { FOREIGN_ORIGIN_MESSAGE, isForeignOrigin, publicHosts } from "@/lib/serving/origin-check";
import { newNonce, pagePolicy } from "@/lib/serving/security-headers";

/** The signed-in areas: sessions are checked and refreshed here. Add each new one. */
const SIGNED_IN_AREA = /^\/(?:workspace|review|admin|account)(?:\/|$)/;

/**
 * Runs before every Next.js page, server action and route handler (published documents and the
 * public site are answered before Next.js, see lib/serving/public-server.ts):
 * - a Content-Security-Policy with a fresh nonce (Next.js reads it from the request's CSP header
 *   and puts it on its scripts; docs/decisions/0023-headers-csp-rate-limits-proxies.md);
 * - no caching of anything sent to a signed-in browser;
 * - in the signed-in areas, the sliding idle timeout: server components cannot set cookies, so
 *   the refreshed session cookie is sent from here. Anonymous visitors are sent to the sign-in
 *   page, an account that must change its password to /account/password and one without a second
 *   factor to /account/two-factor; every page and use case still checks the viewer itself
 *   (getViewer has none until then).
 */
export async function proxy(request: NextRequest): Promise<NextResponse> {
  const origin = {
    method: request.method,
    origin: request.headers.get("origin"),
    host: request.headers.get("x-forwarded-host") ?? request.headers.get("host"),
  };
  if (isForeignOrigin(origin, publicHosts(process.env.BETTER_AUTH_URL))) {
    return new NextResponse(FOREIGN_ORIGIN_MESSAGE, { status: 403, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
  }
  const nonce = newNonce();
  const policy = pagePolicy(nonce, { isDev: process.env.NODE_ENV === "development" });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", policy);
  const hasSessionCookie = request.headers.get("cookie")?.includes("session_token=") ?? false;

  let response: NextResponse;
  let setCookies: string[] = [];
  if (!SIGNED_IN_AREA.test(request.nextUrl.pathname)) {
    response = NextResponse.next({ request: { headers: requestHeaders } });
  } else {
    const { headers: authHeaders, response: session } = await getAuth().api.getSession({
      headers: request.headers,
      returnHeaders: true,
    });
    setCookies = authHeaders?.getSetCookie() ?? [];
    if (session === null) {
      const login = new URL("/login", request.url);
      login.searchParams.set("next", `${request.nextUrl.pathname}${request.nextUrl.search}`);
      // A session cookie that no longer opens a session means it timed out (or was signed out elsewhere).
      if (hasSessionCookie) login.searchParams.set("reason", "expired");
      response = NextResponse.redirect(login);
    } else {
      // Pages are sent to the password page; a server action (POST) goes through and is refused by
      // its use case, which finds no viewer for the account (lib/auth/session.ts).
      const isPageRequest = request.method === "GET" || request.method === "HEAD";
      const target = isPageRequest ? accountGateRedirect(request.nextUrl.pathname, await readPendingStep(prisma, session.user.id)) : null;
      response = target === null ? NextResponse.next({ request: { headers: requestHeaders } }) : NextResponse.redirect(new URL(target, request.url));
    }
  }
  for (const cookie of setCookies) response.headers.append("set-cookie", cookie);
  response.headers.set("Content-Security-Policy", policy);
  response.headers.set("X-Frame-Options", "DENY");
  if (hasSessionCookie || setCookies.length > 0) response.headers.set("Cache-Control", "no-store");
  return response;
}

// Every request Next.js answers except its build assets (hashed files: no HTML, no session).
export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon\\.ico).*)"],
};
