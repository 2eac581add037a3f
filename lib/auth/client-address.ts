import type { BetterAuthOptions } from "better-auth";
import { getIP } from "better-auth/api";
import { headers } from "next/headers";
import { getAuth } from "./auth";

/**
 * The client's address for the audit log, resolved exactly as sign-in resolves it (better-auth's
 * getIP: X-Forwarded-For and friends, honouring GONGKAI_TRUSTED_PROXIES through the auth options),
 * so that a sign-in and the steps taken after it name the same address.
 */
export function clientAddressFromHeaders(requestHeaders: Headers, options: BetterAuthOptions): string | null {
  return getIP(requestHeaders, options);
}

/** For server actions: the address of the request being handled. Pass it into the use case's input. */
export async function getClientAddress(): Promise<string | null> {
  return clientAddressFromHeaders(await headers(), getAuth().options);
}
