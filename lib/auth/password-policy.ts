import { z } from "zod";

/**
 * The password rule (等保 level 3 asks for complexity): at least 8 characters drawn from at least
 * 3 of the 4 classes below. Pure, so the seed, the account use cases and better-auth's
 * password-setting endpoints all apply the same rule with the same Chinese messages.
 */
export const PASSWORD_MIN_LENGTH = 8;
/** Long passwords are fine; unbounded ones would let a request burn seconds of argon2 time. */
export const PASSWORD_MAX_LENGTH = 128;
export const PASSWORD_MIN_CLASSES = 3;

export type CharacterClass = "upper" | "lower" | "digit" | "symbol";

const CLASS_LABELS: Record<CharacterClass, string> = {
  upper: "大写字母",
  lower: "小写字母",
  digit: "数字",
  symbol: "特殊字符",
};

export const PASSWORD_RULE_TEXT = `密码至少 ${PASSWORD_MIN_LENGTH} 位，且须包含大写字母、小写字母、数字、特殊字符中的至少 ${PASSWORD_MIN_CLASSES} 类。`;

/**
 * Letters and digits are ASCII; every other visible character (punctuation, symbols, also
 * Chinese characters) counts as a symbol. Whitespace counts as nothing.
 */
function classOf(character: string): CharacterClass | undefined {
  if (/[A-Z]/.test(character)) return "upper";
  if (/[a-z]/.test(character)) return "lower";
  if (/[0-9]/.test(character)) return "digit";
  if (/\s/u.test(character)) return undefined;
  return "symbol";
}

export function characterClasses(password: string): Set<CharacterClass> {
  const classes = new Set<CharacterClass>();
  for (const character of password) {
    const found = classOf(character);
    if (found !== undefined) classes.add(found);
  }
  return classes;
}

/** Every rule the password breaks, as Chinese sentences; empty when it is acceptable. */
export function passwordProblems(password: string): string[] {
  const problems: string[] = [];
  // Code points, not UTF-16 units: "密码" is two characters to the person typing it.
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) problems.push(`密码至少需要 ${PASSWORD_MIN_LENGTH} 个字符（当前 ${length} 个）。`);
  if (length > PASSWORD_MAX_LENGTH) problems.push(`密码不能超过 ${PASSWORD_MAX_LENGTH} 个字符。`);
  const classes = characterClasses(password);
  if (classes.size < PASSWORD_MIN_CLASSES) {
    const missing = (Object.keys(CLASS_LABELS) as CharacterClass[]).filter((name) => !classes.has(name));
    problems.push(
      `密码须包含大写字母、小写字母、数字、特殊字符中的至少 ${PASSWORD_MIN_CLASSES} 类（当前 ${classes.size} 类，可添加：${missing.map((name) => CLASS_LABELS[name]).join("、")}）。`,
    );
  }
  return problems;
}

export function isAcceptablePassword(password: string): boolean {
  return passwordProblems(password).length === 0;
}

/** For any form or use case that sets a password. */
export const newPasswordSchema = z.string().superRefine((password, context) => {
  for (const message of passwordProblems(password)) context.addIssue({ code: "custom", message });
});
