import { NextResponse, type NextRequest } from "next/server";
import { getAuth } from "@/lib/auth/auth";
import { accountGateRedirect, readPendingStep } from "@/lib/auth/password-change-gate";
import { prisma } from "@/lib/db";

/**
 * Keeps the 30-minute idle timeout sliding for the signed-in areas. Server components cannot set
 * cookies, so the refreshed session cookie is sent from here, where the response is still open;
 * pages then read the session without refreshing it again. Anonymous visitors are sent to the
 * sign-in page, an account that must change its password to /account/password and one without a
 * second factor to /account/two-factor; every page and use case still checks the viewer itself
 * (getViewer has none until then).
 */
export async function proxy(request: NextRequest): Promise<NextResponse> {
  const { headers: authHeaders, response: session } = await getAuth().api.getSession({
    headers: request.headers,
    returnHeaders: true,
  });

  let response: NextResponse;
  if (session === null) {
    const login = new URL("/login", request.url);
    login.searchParams.set("next", `${request.nextUrl.pathname}${request.nextUrl.search}`);
    // A session cookie that no longer opens a session means it timed out (or was signed out elsewhere).
    if (request.headers.get("cookie")?.includes("session_token=")) login.searchParams.set("reason", "expired");
    response = NextResponse.redirect(login);
  } else {
    // Pages are sent to the password page; a server action (POST) goes through and is refused by
    // its use case, which finds no viewer for the account (lib/auth/session.ts).
    const isPageRequest = request.method === "GET" || request.method === "HEAD";
    const target = isPageRequest ? accountGateRedirect(request.nextUrl.pathname, await readPendingStep(prisma, session.user.id)) : null;
    response = target === null ? NextResponse.next() : NextResponse.redirect(new URL(target, request.url));
  }
  for (const cookie of authHeaders?.getSetCookie() ?? []) response.headers.append("set-cookie", cookie);
  return response;
}

// Public pages are not listed: they stay static and never touch the session table. Add each new
// signed-in area here, or its sessions expire 30 minutes after the last visit to a listed one.
export const config = {
  matcher: ["/workspace", "/workspace/:path*", "/review", "/review/:path*", "/admin", "/admin/:path*", "/account/:path*"],
};
