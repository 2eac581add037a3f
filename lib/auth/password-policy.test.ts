import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";
import { characterClasses, isAcceptablePassword, isCommonPassword, newPasswordSchema, passwordProblems } from "./password-policy";

describe("passwordProblems", () => {
  it.each([
    ["Abcdefgh1!xz", "all four classes"],
    ["abcdefgh1!xz", "lower, digit, symbol"],
    ["ABCDEFGH1!XZ", "upper, digit, symbol"],
    ["Abcdefghijk7", "upper, lower, digit"],
    ["Abcdefghijk!", "upper, lower, symbol"],
    ["预算公开xkcdqmzv12", "Chinese characters count as symbols"],
    ["Tianbao#224001", "a demo password"],
    ["Guanli#Admin2024", "the demo administrator's password"],
    ["Richtig#2024", "the tests' password, exactly 12 characters"],
  ])("accepts %s (%s)", (password) => {
    expect(passwordProblems(password)).toEqual([]);
    expect(isAcceptablePassword(password)).toBe(true);
  });

  it.each([
    ["abcdefghijkl", 1],
    ["abcd12345678", 2],
    ["ABCDEFGH!@#$", 2],
    ["abc def ghijk", 1],
  ])("refuses %s, which has only %i class(es), naming the classes to add", (password, classes) => {
    const problems = passwordProblems(password).filter((problem) => problem.includes("类"));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(`当前 ${classes} 类`);
    expect(problems[0]).toMatch(/至少 3 类/);
  });

  it("needs 12 characters by default, counting characters, not UTF-16 units", () => {
    expect(passwordProblems("Xk7#qmzvbnw")).toEqual(["密码至少需要 12 个字符（当前 11 个）。"]);
    expect(passwordProblems("Xk7#qmzvbnw𠀀")).toEqual([]);
  });

  it("takes the minimum length from GONGKAI_PASSWORD_MIN_LENGTH, validated", () => {
    expect(parseEnv({}).GONGKAI_PASSWORD_MIN_LENGTH).toBe(12);
    expect(parseEnv({ GONGKAI_PASSWORD_MIN_LENGTH: "16" }).GONGKAI_PASSWORD_MIN_LENGTH).toBe(16);
    expect(() => parseEnv({ GONGKAI_PASSWORD_MIN_LENGTH: "6" })).toThrow(/GONGKAI_PASSWORD_MIN_LENGTH: must be at least 8/);
    expect(() => parseEnv({ GONGKAI_PASSWORD_MIN_LENGTH: "zwölf" })).toThrow(/GONGKAI_PASSWORD_MIN_LENGTH/);
    expect(passwordProblems("Xk7#qmzvbnwpt", 16)).toEqual(["密码至少需要 16 个字符（当前 13 个）。"]);
    expect(parseEnv({ GONGKAI_PASSWORD_MAX_AGE_DAYS: "0" }).GONGKAI_PASSWORD_MAX_AGE_DAYS).toBe(0);
    expect(() => parseEnv({ GONGKAI_PASSWORD_MAX_AGE_DAYS: "-1" })).toThrow(/GONGKAI_PASSWORD_MAX_AGE_DAYS/);
  });

  it("reports every broken rule at once", () => {
    expect(passwordProblems("abc")).toEqual([
      "密码至少需要 12 个字符（当前 3 个）。",
      "密码须包含大写字母、小写字母、数字、特殊字符中的至少 3 类（当前 1 类，可添加：大写字母、数字、特殊字符）。",
      "该密码过于常见或容易被猜到（常见单词或拼音加数字、符号，如 P@ssw0rd、Admin123!、woaini1314），请换一个。",
    ]);
  });

  it("refuses passwords longer than 128 characters", () => {
    expect(passwordProblems(`Aa1!${"x".repeat(125)}`)).toEqual(["密码不能超过 128 个字符。"]);
    expect(passwordProblems(`Aa1!${"x".repeat(124)}`)).toEqual([]);
  });

  it("does not count whitespace as a symbol", () => {
    expect([...characterClasses("ab cd\t12")].sort()).toEqual(["digit", "lower"]);
  });
});

describe("common passwords", () => {
  it.each([
    "P@ssw0rd",
    "P@ssw0rd2024!",
    "Password#2024",
    "Admin123!",
    "Admin@123456",
    "ADMINISTRATOR2024!",
    "Aa123456789!",
    "Woaini1314!!",
    "woaini5201314",
    "Qwerty123456!",
    "1qaz@WSX3edc",
    "Zhangwei1985!",
    "Welcome@2025",
    "!!Iloveyou2024",
    "123456Abc!!!",
  ])("refuses %s whatever its length and classes", (password) => {
    expect(isCommonPassword(password)).toBe(true);
    expect(passwordProblems(password).at(-1)).toMatch(/过于常见/);
  });

  it.each(["Richtig#2024", "Xq7#mZ9$pL2!", "Bumen#224shenhe", "预算公开平台2024！", "correct-horse-Battery-staple-9"])(
    "accepts %s",
    (password) => {
      expect(isCommonPassword(password)).toBe(false);
    },
  );
});

describe("newPasswordSchema", () => {
  it("turns each problem into an issue with the Chinese message", () => {
    const result = newPasswordSchema.safeParse("short");
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.message)).toEqual(passwordProblems("short"));
    expect(newPasswordSchema.safeParse("Strong#Pass1x").success).toBe(true);
  });
});
