import type { DbClient, DbReader } from "@/lib/budgets/db-client";
import { activeLockEnd, recordFailure, UNLOCKED, type FailureOutcome, type LockoutState } from "./lockout";

/**
 * Where lockout state lives: on the user for an account (users.failed_login_count /
 * locked_until), in sign_in_throttles for an address without one. Each change runs in a
 * transaction holding the row lock, so parallel wrong guesses are all counted.
 */

/** Rows of unknown addresses are forgotten after a day without failures, which bounds the table. */
const UNKNOWN_ADDRESS_RETENTION_MS = 24 * 60 * 60 * 1000;

export interface LockoutRecord {
  /** null when no account has this address */
  userId: string | null;
  state: LockoutState;
}

/** Longer addresses are refused before anything is written (the account forms allow 200). */
export const EMAIL_MAX_LENGTH = 254;

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

interface StateRow {
  id: string;
  failed_login_count: number;
  locked_until: Date | null;
}

function toState(row: Pick<StateRow, "failed_login_count" | "locked_until">): LockoutState {
  return { failedCount: row.failed_login_count, lockedUntil: row.locked_until };
}

export async function readLockout(db: DbReader, email: string): Promise<LockoutRecord> {
  const address = normalizeEmail(email);
  const user = await db.user.findUnique({
    where: { email: address },
    select: { id: true, failedLoginCount: true, lockedUntil: true },
  });
  if (user !== null) {
    return { userId: user.id, state: { failedCount: user.failedLoginCount, lockedUntil: user.lockedUntil } };
  }
  const throttle = await db.signInThrottle.findUnique({
    where: { email: address },
    select: { failedLoginCount: true, lockedUntil: true },
  });
  return {
    userId: null,
    state: throttle === null ? UNLOCKED : { failedCount: throttle.failedLoginCount, lockedUntil: throttle.lockedUntil },
  };
}

/** Counts a wrong password or code (or an unknown address) and locks when the limit is reached, ending the account's sessions. */
export function registerFailedSignIn(
  db: DbClient,
  email: string,
  now: Date,
): Promise<{ userId: string | null; outcome: FailureOutcome }> {
  const address = normalizeEmail(email);
  return db.$transaction(async (tx) => {
    const [user] = await tx.$queryRaw<StateRow[]>`
      SELECT id, failed_login_count, locked_until FROM users WHERE email = ${address} FOR UPDATE`;
    if (user !== undefined) {
      const outcome = recordFailure(toState(user), now);
      await tx.user.update({
        where: { id: user.id },
        data: { failedLoginCount: outcome.state.failedCount, lockedUntil: outcome.state.lockedUntil },
      });
      // A lock ends the account's sessions too (等保: a locked account is out everywhere).
      if (outcome.kind === "locked") await tx.session.deleteMany({ where: { userId: user.id } });
      return { userId: user.id, outcome };
    }

    await tx.signInThrottle.deleteMany({
      where: {
        updatedAt: { lt: new Date(now.getTime() - UNKNOWN_ADDRESS_RETENTION_MS) },
        OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }],
      },
    });
    await tx.signInThrottle.upsert({ where: { email: address }, create: { email: address }, update: {} });
    const [throttle] = await tx.$queryRaw<Omit<StateRow, "id">[]>`
      SELECT failed_login_count, locked_until FROM sign_in_throttles WHERE email = ${address} FOR UPDATE`;
    const outcome = recordFailure(throttle === undefined ? UNLOCKED : toState(throttle), now);
    await tx.signInThrottle.update({
      where: { email: address },
      data: { failedLoginCount: outcome.state.failedCount, lockedUntil: outcome.state.lockedUntil },
    });
    return { userId: null, outcome };
  });
}

/**
 * Resets the count after a correct password. Returns the lock end instead when a parallel
 * request locked the account between the check and the password verification, so the caller
 * can refuse the session it was about to hand out.
 */
export function registerSuccessfulSignIn(db: DbClient, userId: string, now: Date): Promise<Date | null> {
  return db.$transaction(async (tx) => {
    const [user] = await tx.$queryRaw<StateRow[]>`
      SELECT id, failed_login_count, locked_until FROM users WHERE id = ${userId} FOR UPDATE`;
    if (user === undefined) return null;
    const lockEnd = activeLockEnd(toState(user), now);
    if (lockEnd !== null) return lockEnd;
    if (user.failed_login_count !== 0 || user.locked_until !== null) {
      await tx.user.update({ where: { id: userId }, data: { failedLoginCount: 0, lockedUntil: null } });
    }
    return null;
  });
}
