import { describe, expect, it } from "vitest";
import { generateInitialPassword, GENERATED_PASSWORD_LENGTH } from "./generate-password";
import { characterClasses, isAcceptablePassword } from "./password-policy";

describe("generateInitialPassword", () => {
  it("always satisfies the password rule, with all four character classes", () => {
    for (let i = 0; i < 500; i += 1) {
      const password = generateInitialPassword();
      expect(password).toHaveLength(GENERATED_PASSWORD_LENGTH);
      expect(isAcceptablePassword(password)).toBe(true);
      expect(characterClasses(password).size).toBe(4);
      expect(password).not.toMatch(/[0O1lI\s]/);
    }
  });

  it("does not repeat itself", () => {
    const passwords = new Set(Array.from({ length: 200 }, () => generateInitialPassword()));
    expect(passwords.size).toBe(200);
  });
});
