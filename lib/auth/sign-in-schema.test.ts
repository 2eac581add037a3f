import { describe, expect, it } from "vitest";
import { DEFAULT_AFTER_SIGN_IN, safeReturnPath, signInSchema } from "./sign-in-schema";

describe("safeReturnPath", () => {
  it.each([
    ["/workspace", "/workspace"],
    ["/workspace/budgets?year=2024", "/workspace/budgets?year=2024"],
    [undefined, DEFAULT_AFTER_SIGN_IN],
    ["", DEFAULT_AFTER_SIGN_IN],
    ["https://evil.example/", DEFAULT_AFTER_SIGN_IN],
    ["//evil.example/", DEFAULT_AFTER_SIGN_IN],
    ["/\\evil.example", DEFAULT_AFTER_SIGN_IN],
    ["javascript:alert(1)", DEFAULT_AFTER_SIGN_IN],
    ["/login", DEFAULT_AFTER_SIGN_IN],
    ["/login?next=/x", DEFAULT_AFTER_SIGN_IN],
    ["/api/auth/sign-out", DEFAULT_AFTER_SIGN_IN],
  ])("%s → %s", (next, expected) => {
    expect(safeReturnPath(next)).toBe(expected);
  });
});

describe("signInSchema", () => {
  it("trims the address and keeps the password as typed", () => {
    expect(signInSchema.parse({ email: "  a@b.test ", password: " x " })).toEqual({
      email: "a@b.test",
      password: " x ",
      next: DEFAULT_AFTER_SIGN_IN,
    });
  });

  it("reports both missing fields in Chinese", () => {
    const result = signInSchema.safeParse({ email: "", password: "" });
    expect(result.error?.issues.map((issue) => [issue.path[0], issue.message])).toEqual([
      ["email", "请输入邮箱。"],
      ["password", "请输入密码。"],
    ]);
  });

  it("refuses a malformed address", () => {
    const result = signInSchema.safeParse({ email: "not-an-address", password: "x" });
    expect(result.error?.issues[0]?.message).toBe("请输入有效的邮箱地址，例如 name@example.gov.cn。");
  });
});
