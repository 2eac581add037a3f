import { getAuth } from "@/lib/auth/auth";
import { clientAddressOf } from "@/lib/auth/auth-policy-plugin";

/** The client's address of a request as sign-in resolves it (trusted proxies honoured), for the audit log. */
export function clientAddressFromHeaders(requestHeaders: Headers): string | null {
  return clientAddressOf({ headers: requestHeaders }, getAuth().options);
}
