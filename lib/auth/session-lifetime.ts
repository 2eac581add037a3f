import type { Role } from "@/lib/generated/prisma/enums";

/**
 * How long a session lives (等保 level 3: automatic logout when idle, and a bounded session):
 * better-auth keeps the 30-minute sliding expiry (expiresIn); on top of it a session ends
 * 15 minutes after its last request for everyone but accountants, and 12 hours after sign-in for
 * everyone, however active. Pure; the policy plugin applies it before every session lookup
 * (ADR 0021).
 */
export const SESSION_IDLE_TIMEOUT_SECONDS = 30 * 60;
/** reviewers, administrators and every role but the accountant's */
export const PRIVILEGED_IDLE_TIMEOUT_SECONDS = 15 * 60;
export const SESSION_ABSOLUTE_LIFETIME_SECONDS = 12 * 60 * 60;

export interface SessionTimes {
  createdAt: Date;
  /** the last request that refreshed the session (its row's updated_at) */
  lastActiveAt: Date;
  /** the account's roles */
  roles: readonly Role[];
}

export type SessionEnd = { reason: "absolute"; limitSeconds: number } | { reason: "idle"; limitSeconds: number };

/** Accountants keep 30 minutes; any other role (or none) gets 15. */
export function idleTimeoutSeconds(roles: readonly Role[]): number {
  return roles.length > 0 && roles.every((role) => role === "ACCOUNTANT") ? SESSION_IDLE_TIMEOUT_SECONDS : PRIVILEGED_IDLE_TIMEOUT_SECONDS;
}

/** Why the session must end at `now`, or null while it may go on. */
export function sessionEnd(times: SessionTimes, now: Date): SessionEnd | null {
  if (now.getTime() - times.createdAt.getTime() >= SESSION_ABSOLUTE_LIFETIME_SECONDS * 1000) {
    return { reason: "absolute", limitSeconds: SESSION_ABSOLUTE_LIFETIME_SECONDS };
  }
  const idle = idleTimeoutSeconds(times.roles);
  if (now.getTime() - times.lastActiveAt.getTime() >= idle * 1000) return { reason: "idle", limitSeconds: idle };
  return null;
}
