import { describe, expect, it } from "vitest";
import { withoutSessionToken } from "./session-hooks";
import { idleTimeoutSeconds, sessionEnd } from "./session-lifetime";

const now = new Date("2026-12-08T08:00:00Z");
const minutesAgo = (minutes: number) => new Date(now.getTime() - minutes * 60_000);

describe("sessionEnd", () => {
  it("gives accountants 30 idle minutes and everyone else 15", () => {
    expect(idleTimeoutSeconds(["ACCOUNTANT"])).toBe(1800);
    expect(idleTimeoutSeconds(["ACCOUNTANT", "ACCOUNTANT"])).toBe(1800);
    for (const roles of [["FINANCE_REVIEWER"], ["DEPARTMENT_REVIEWER"], ["ADMIN"], ["SECURITY_ADMIN"], ["AUDIT_ADMIN"], ["UNIT_HEAD"], ["ACCOUNTANT", "ADMIN"], []] as const) {
      expect(idleTimeoutSeconds(roles), roles.join()).toBe(900);
    }
  });

  it("ends an idle session at its role's limit and any session 12 hours after sign-in", () => {
    const reviewer = { createdAt: minutesAgo(60), roles: ["FINANCE_REVIEWER"] as const };
    expect(sessionEnd({ ...reviewer, lastActiveAt: minutesAgo(14) }, now)).toBeNull();
    expect(sessionEnd({ ...reviewer, lastActiveAt: minutesAgo(15) }, now)).toEqual({ reason: "idle", limitSeconds: 900 });
    const accountant = { createdAt: minutesAgo(60), roles: ["ACCOUNTANT"] as const };
    expect(sessionEnd({ ...accountant, lastActiveAt: minutesAgo(29) }, now)).toBeNull();
    expect(sessionEnd({ ...accountant, lastActiveAt: minutesAgo(30) }, now)).toEqual({ reason: "idle", limitSeconds: 1800 });
    expect(sessionEnd({ ...accountant, createdAt: minutesAgo(719), lastActiveAt: now }, now)).toBeNull();
    expect(sessionEnd({ ...accountant, createdAt: minutesAgo(720), lastActiveAt: now }, now)).toEqual({ reason: "absolute", limitSeconds: 43_200 });
  });
});

describe("withoutSessionToken", () => {
  it("drops the token from sign-in and get-session answers and leaves everything else", () => {
    expect(withoutSessionToken({ redirect: false, token: "abc", user: { id: "u" } })).toEqual({ redirect: false, user: { id: "u" } });
    expect(withoutSessionToken({ session: { id: "s", token: "abc", userId: "u" }, user: { id: "u" } })).toEqual({
      session: { id: "s", userId: "u" },
      user: { id: "u" },
    });
    expect(withoutSessionToken({ twoFactorRedirect: true })).toBeNull();
    expect(withoutSessionToken(null)).toBeNull();
    expect(withoutSessionToken([{ token: "abc" }])).toBeNull();
  });
});
