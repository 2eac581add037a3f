import { describe, expect, it } from "vitest";
import { accountGateRedirect, PASSWORD_CHANGE_PATH, passwordChangeRedirect, pendingStepOf, TWO_FACTOR_ENROL_PATH } from "./password-change-gate";

describe("passwordChangeRedirect", () => {
  it.each(["/workspace", "/workspace/budgets/2025", "/review", "/review/budgets/3", "/admin/users", "/account/other"])(
    "sends %s to the password page while the password must be changed",
    (path) => {
      expect(passwordChangeRedirect(path, true)).toBe(PASSWORD_CHANGE_PATH);
    },
  );

  it("serves the password page itself, and everything once the password was changed", () => {
    expect(passwordChangeRedirect(PASSWORD_CHANGE_PATH, true)).toBeNull();
    expect(passwordChangeRedirect("/workspace", false)).toBeNull();
    expect(passwordChangeRedirect(PASSWORD_CHANGE_PATH, false)).toBeNull();
  });
});

describe("pendingStepOf", () => {
  const now = new Date("2026-12-08T08:00:00Z");
  const days = (n: number) => new Date(now.getTime() - n * 24 * 60 * 60 * 1000);
  const state = { mustChangePassword: false, passwordChangedAt: days(1), twoFactorEnabled: true };

  it("asks for the password first (set by someone else, or older than the maximum age), then for the second factor", () => {
    expect(pendingStepOf(state, now, 90)).toBeNull();
    expect(pendingStepOf({ ...state, twoFactorEnabled: false }, now, 90)).toBe("two_factor");
    expect(pendingStepOf({ ...state, mustChangePassword: true, twoFactorEnabled: false }, now, 90)).toBe("password");
    expect(pendingStepOf({ ...state, passwordChangedAt: days(89) }, now, 90)).toBeNull();
    expect(pendingStepOf({ ...state, passwordChangedAt: days(90) }, now, 90)).toBe("password");
    expect(pendingStepOf({ ...state, passwordChangedAt: days(4000) }, now, 0)).toBeNull();
  });

  it("sends every other back-office page to the pending step's page", () => {
    expect(accountGateRedirect("/workspace", "two_factor")).toBe(TWO_FACTOR_ENROL_PATH);
    expect(accountGateRedirect(TWO_FACTOR_ENROL_PATH, "two_factor")).toBeNull();
    expect(accountGateRedirect(TWO_FACTOR_ENROL_PATH, "password")).toBe(PASSWORD_CHANGE_PATH);
    expect(accountGateRedirect("/admin/users", null)).toBeNull();
  });
});
