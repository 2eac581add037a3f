import { describe, expect, it } from "vitest";
import { PASSWORD_CHANGE_PATH, passwordChangeRedirect } from "./password-change-gate";

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
