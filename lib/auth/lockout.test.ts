import { describe, expect, it } from "vitest";
import {
  activeLockEnd,
  formatUnlockTime,
  LOCK_DURATION_MS,
  lockedMessage,
  MAX_CONSECUTIVE_FAILURES,
  recordFailure,
  UNLOCKED,
  wrongCredentialsMessage,
  type LockoutState,
} from "./lockout";

const at = (iso: string) => new Date(iso);

function failTimes(times: number, start: LockoutState, now: Date) {
  let state = start;
  const outcomes = [];
  for (let i = 0; i < times; i++) {
    const outcome = recordFailure(state, now);
    outcomes.push(outcome);
    state = outcome.state;
  }
  return { state, outcomes };
}

describe("recordFailure", () => {
  const now = at("2026-11-27T02:00:00Z");

  it("counts the first four failures and says how many attempts remain", () => {
    const { outcomes } = failTimes(4, UNLOCKED, now);
    expect(outcomes.map((o) => (o.kind === "counted" ? o.remainingAttempts : o.kind))).toEqual([4, 3, 2, 1]);
  });

  it("locks for 30 minutes on the fifth consecutive failure and starts a fresh count", () => {
    const { outcomes, state } = failTimes(MAX_CONSECUTIVE_FAILURES, UNLOCKED, now);
    const last = outcomes.at(-1);
    expect(last?.kind).toBe("locked");
    expect(state).toEqual({ failedCount: 0, lockedUntil: new Date(now.getTime() + LOCK_DURATION_MS) });
    expect(LOCK_DURATION_MS).toBe(30 * 60 * 1000);
  });

  it("changes nothing while the lock is in force", () => {
    const locked: LockoutState = { failedCount: 0, lockedUntil: at("2026-11-27T02:30:00Z") };
    const outcome = recordFailure(locked, at("2026-11-27T02:29:59Z"));
    expect(outcome).toEqual({ kind: "already_locked", state: locked, lockedUntil: locked.lockedUntil });
  });

  it("gives the full number of attempts again once the lock has ended", () => {
    const expired: LockoutState = { failedCount: 0, lockedUntil: at("2026-11-27T02:30:00Z") };
    const outcome = recordFailure(expired, at("2026-11-27T02:30:00Z"));
    expect(outcome).toEqual({ kind: "counted", state: { failedCount: 1, lockedUntil: null }, remainingAttempts: 4 });
  });
});

describe("activeLockEnd", () => {
  const until = at("2026-11-27T02:30:00Z");
  it.each([
    [UNLOCKED, "2026-11-27T02:00:00Z", null],
    [{ failedCount: 0, lockedUntil: until }, "2026-11-27T02:29:59.999Z", until],
    [{ failedCount: 0, lockedUntil: until }, "2026-11-27T02:30:00Z", null],
  ])("%o at %s → %o", (state, now, expected) => {
    expect(activeLockEnd(state, at(now))).toEqual(expected);
  });
});

describe("messages", () => {
  it("give the unlock time in Beijing time whatever the server's zone", () => {
    expect(formatUnlockTime(at("2026-11-27T06:35:00Z"))).toBe("2026年11月27日 14:35（北京时间）");
    expect(lockedMessage(at("2026-11-27T06:35:00Z"))).toBe(
      "连续 5 次密码错误，账户已锁定 30 分钟，请于 2026年11月27日 14:35（北京时间）后再试。如需提前解锁，请联系管理员。",
    );
  });

  it("do not say whether the address or the password was wrong", () => {
    expect(wrongCredentialsMessage(3)).toBe("邮箱或密码不正确。再输错 3 次，账户将被锁定 30 分钟。");
  });
});
