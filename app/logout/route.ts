import { CLEAR_SITE_DATA, isSameOriginPost, signOut } from "@/lib/auth/sign-out";

/**
 * 退出登录 (components/auth/sign-out-button.tsx posts here): ends the session, expires the cookie,
 * and tells the browser to clear this site's cache, cookies and storage, then shows the sign-in
 * page with its notice (which also clears Gongkai's localStorage keys where the header is not
 * honoured).
 */
export async function POST(request: Request): Promise<Response> {
  if (!isSameOriginPost(request.headers)) return new Response("Forbidden", { status: 403 });
  const cookies = await signOut(request.headers);
  const response = new Response(null, {
    status: 303,
    headers: { location: "/login?signedOut=1", "clear-site-data": CLEAR_SITE_DATA, "cache-control": "no-store" },
  });
  for (const cookie of cookies) response.headers.append("set-cookie", cookie);
  return response;
}
