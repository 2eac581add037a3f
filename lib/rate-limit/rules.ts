import type { RateLimitRule } from "./consume-rate-limit";

/**
 * The limits, per key. Generous for people, tight for scripts: a reviewer who mistypes a password
 * a few times never meets them (the lockout of lib/auth/lockout.ts comes first for one account),
 * a crawler or a password sprayer does. Keys: `<rule>:<address|account>:<value>`.
 */
export const RATE_LIMITS = {
  /** failed sign-ins from one address, whatever the account (password spraying) */
  signInPerAddress: { limit: 50, windowSeconds: 15 * 60 },
  /** failed sign-ins for one account, from anywhere, locked or not (on top of the lockout) */
  signInPerAccount: { limit: 10, windowSeconds: 15 * 60 },
  /** second-factor codes for one account (for the two-factor step) */
  secondFactorPerAccount: { limit: 5, windowSeconds: 5 * 60 },
  /** second-factor codes from one address */
  secondFactorPerAddress: { limit: 20, windowSeconds: 5 * 60 },
  /** search pages and search.csv from one address */
  searchPerAddress: { limit: 60, windowSeconds: 60 },
  /** open-data API calls from one address */
  apiPerAddress: { limit: 300, windowSeconds: 60 },
} as const satisfies Record<string, RateLimitRule>;

export type RateLimitName = keyof typeof RATE_LIMITS;
