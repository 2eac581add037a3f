import { NextResponse, type NextRequest } from "next/server";
import { getAuth } from "@/lib/auth/auth";

/**
 * Keeps the 30-minute idle timeout sliding for the signed-in areas. Server components cannot set
 * cookies, so the refreshed session cookie is sent from here, where the response is still open;
 * pages then read the session without refreshing it again. Anonymous visitors are sent to the
 * sign-in page; every page and use case still checks the viewer itself.
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
    response = NextResponse.next();
  }
  for (const cookie of authHeaders?.getSetCookie() ?? []) response.headers.append("set-cookie", cookie);
  return response;
}

// Public pages are not listed: they stay static and never touch the session table. Add each new
// signed-in area here, or its sessions expire 30 minutes after the last visit to a listed one.
export const config = {
  matcher: ["/workspace", "/workspace/:path*"],
};
