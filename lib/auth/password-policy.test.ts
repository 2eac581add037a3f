import { describe, expect, it } from "vitest";
import { characterClasses, isAcceptablePassword, newPasswordSchema, passwordProblems } from "./password-policy";

describe("passwordProblems", () => {
  it.each([
    ["Abcdef1!", "all four classes"],
    ["abcdef1!", "lower, digit, symbol"],
    ["ABCDEF1!", "upper, digit, symbol"],
    ["Abcdefg1", "upper, lower, digit"],
    ["Abcdefg!", "upper, lower, symbol"],
    ["预算公开abc12", "Chinese characters count as symbols"],
    ["Tianbao#224001", "a demo password"],
  ])("accepts %s (%s)", (password) => {
    expect(passwordProblems(password)).toEqual([]);
    expect(isAcceptablePassword(password)).toBe(true);
  });

  it.each([
    ["abcdefgh", 1],
    ["abcd1234", 2],
    ["ABCD!@#$", 2],
    ["12345678", 1],
    ["abc def gh", 1],
  ])("refuses %s, which has only %i class(es), naming the classes to add", (password, classes) => {
    const problems = passwordProblems(password);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(`当前 ${classes} 类`);
    expect(problems[0]).toMatch(/至少 3 类/);
  });

  it("counts characters, not UTF-16 units, for the minimum length", () => {
    expect(passwordProblems("Ab1!xyz")).toEqual(["密码至少需要 8 个字符（当前 7 个）。"]);
    expect(passwordProblems("Ab1!xyz𠀀")).toEqual([]);
  });

  it("reports every broken rule at once", () => {
    expect(passwordProblems("abc")).toEqual([
      "密码至少需要 8 个字符（当前 3 个）。",
      "密码须包含大写字母、小写字母、数字、特殊字符中的至少 3 类（当前 1 类，可添加：大写字母、数字、特殊字符）。",
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

describe("newPasswordSchema", () => {
  it("turns each problem into an issue with the Chinese message", () => {
    const result = newPasswordSchema.safeParse("short");
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.message)).toEqual(passwordProblems("short"));
    expect(newPasswordSchema.safeParse("Strong#Pass1").success).toBe(true);
  });
});
