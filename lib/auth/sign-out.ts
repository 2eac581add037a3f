import { getAuth } from "./auth";

/**
 * Ends the session on the server (its row is deleted, so the cookie stops working everywhere it
 * was copied) and expires the cookie; the audit row is written by the policy plugin.
 */
export async function signOut(requestHeaders: Headers): Promise<void> {
  await getAuth().api.signOut({ headers: requestHeaders });
}
