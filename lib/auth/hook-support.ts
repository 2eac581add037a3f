import type { BetterAuthOptions } from "better-auth";
import { APIError, getIP } from "better-auth/api";
import type { AuditDetails } from "@/lib/audit/write-audit-event";
import { lockedMessage } from "./lockout";

/** Shared by the policy plugin's hooks (lib/auth/auth-policy-plugin.ts and its parts). */

export const ACCOUNT_LOCKED = "ACCOUNT_LOCKED";

export interface RequestInfo {
  request?: Request | undefined;
  headers?: Headers | undefined;
}

/** The part of a better-auth hook context the second-factor and session hooks read. */
export interface HookContext extends RequestInfo {
  context: {
    secret: string;
    createAuthCookie: (name: string) => { name: string };
  };
  getSignedCookie: (name: string, secret: string) => Promise<string | null | false>;
}

/** The client address as better-auth resolves it (X-Forwarded-For, trusted proxies honoured). */
export function clientAddressOf(source: RequestInfo, options: BetterAuthOptions): string | null {
  const carrier = source.request ?? source.headers;
  return carrier === undefined ? null : getIP(carrier, options);
}

export function requestDetails(source: RequestInfo, extra: AuditDetails = {}): AuditDetails {
  const userAgent = (source.request?.headers ?? source.headers)?.get("user-agent");
  return { ...extra, ...(userAgent ? { userAgent: userAgent.slice(0, 300) } : {}) };
}

export function lockedError(lockedUntil: Date): APIError {
  return new APIError("LOCKED", { code: ACCOUNT_LOCKED, message: lockedMessage(lockedUntil), lockedUntil: lockedUntil.toISOString() });
}
