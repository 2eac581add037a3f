/**
 * Account lockout, as pure rules (等保 level 3: limit failed sign-ins): 5 consecutive failures
 * lock the account for 30 minutes; a success resets the count; while locked, even the right
 * password is refused. The same rules apply to addresses that have no account, so the answers
 * do not reveal which addresses exist (lib/auth/lockout-store.ts keeps both).
 */
export const MAX_CONSECUTIVE_FAILURES = 5;
export const LOCK_DURATION_MS = 30 * 60 * 1000;

export interface LockoutState {
  /** consecutive failures since the last success or the last lock */
  failedCount: number;
  lockedUntil: Date | null;
}

export const UNLOCKED: LockoutState = { failedCount: 0, lockedUntil: null };

/** The end of the lock in force at `now`, or null when sign-in may be tried. */
export function activeLockEnd(state: LockoutState, now: Date): Date | null {
  return state.lockedUntil !== null && state.lockedUntil.getTime() > now.getTime() ? state.lockedUntil : null;
}

export type FailureOutcome =
  | { kind: "counted"; state: LockoutState; remainingAttempts: number }
  /** this failure reached the limit and locked the account */
  | { kind: "locked"; state: LockoutState; lockedUntil: Date }
  /** a parallel request locked the account first; nothing changes */
  | { kind: "already_locked"; state: LockoutState; lockedUntil: Date };

/**
 * One more failed password. The failure that reaches the limit locks the account and starts a
 * fresh count, so after the lock ends the user has the full number of attempts again.
 */
export function recordFailure(state: LockoutState, now: Date): FailureOutcome {
  const current = activeLockEnd(state, now);
  if (current !== null) return { kind: "already_locked", state, lockedUntil: current };
  const failedCount = state.failedCount + 1;
  if (failedCount >= MAX_CONSECUTIVE_FAILURES) {
    const lockedUntil = new Date(now.getTime() + LOCK_DURATION_MS);
    return { kind: "locked", state: { failedCount: 0, lockedUntil }, lockedUntil };
  }
  return {
    kind: "counted",
    state: { failedCount, lockedUntil: null },
    remainingAttempts: MAX_CONSECUTIVE_FAILURES - failedCount,
  };
}

const CHINA_TIME = new Intl.DateTimeFormat("zh-CN", {
  timeZone: "Asia/Shanghai",
  year: "numeric",
  month: "long",
  day: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

/** The unlock time as people in China read it, whatever the server's time zone. */
export function formatUnlockTime(lockedUntil: Date): string {
  return `${CHINA_TIME.format(lockedUntil)}（北京时间）`;
}

export function lockedMessage(lockedUntil: Date): string {
  return `连续 ${MAX_CONSECUTIVE_FAILURES} 次密码错误，账户已锁定 ${LOCK_DURATION_MS / 60_000} 分钟，请于 ${formatUnlockTime(lockedUntil)}后再试。如需提前解锁，请联系管理员。`;
}

export function wrongCredentialsMessage(remainingAttempts: number): string {
  return `邮箱或密码不正确。再输错 ${remainingAttempts} 次，账户将被锁定 ${LOCK_DURATION_MS / 60_000} 分钟。`;
}
