import { getAuth } from "./auth";

/** Sent with the sign-out answer: the browser drops this site's cache, cookies and storage (drafts kept in localStorage). */
export const CLEAR_SITE_DATA = '"cache", "cookies", "storage"';

/**
 * Ends the session on the server (its row is deleted, so the cookie stops working everywhere it
 * was copied) and returns the Set-Cookie headers that expire the cookie; the audit row is written
 * by the policy plugin. Without a session there is nothing to end.
 */
export async function signOut(requestHeaders: Headers): Promise<string[]> {
  try {
    const { headers } = await getAuth().api.signOut({ headers: requestHeaders, returnHeaders: true });
    return headers.getSetCookie();
  } catch {
    // No session (already signed out or expired): the answer still clears the browser.
    return [];
  }
}

/** Whether a sign-out POST comes from this site's own pages (no cross-site sign-out). */
export function isSameOriginPost(requestHeaders: Headers): boolean {
  const origin = requestHeaders.get("origin");
  if (origin === null) return true;
  const host = requestHeaders.get("x-forwarded-host") ?? requestHeaders.get("host");
  try {
    return host !== null && new URL(origin).host === host;
  } catch {
    return false;
  }
}
