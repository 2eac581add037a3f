import { z } from "zod";
import { parseEnv } from "@/lib/env";
import { COMMON_PASSWORD_CORES } from "./common-passwords";

/**
 * The password rule (等保 level 3 asks for complexity): at least 12 characters (configurable with
 * GONGKAI_PASSWORD_MIN_LENGTH) drawn from at least 3 of the 4 classes below, and not a common
 * password (lib/auth/common-passwords.ts). The seed, the account use cases and better-auth's
 * password-setting endpoints all apply the same rule with the same Chinese messages. The rule
 * applies when a password is set: stored passwords keep working (ADR 0021).
 */
export const PASSWORD_MIN_LENGTH = 12;
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

/** The rule as one sentence, for forms (the configured minimum length). */
export function passwordRuleText(minLength: number = configuredMinLength()): string {
  return `密码至少 ${minLength} 位，须包含大写字母、小写字母、数字、特殊字符中的至少 ${PASSWORD_MIN_CLASSES} 类，且不能是常见密码（如 P@ssw0rd、Admin123!）。`;
}

/** The default rule's sentence, for client components (which cannot read the server's settings). */
export const PASSWORD_RULE_TEXT = passwordRuleText(PASSWORD_MIN_LENGTH);

let minLengthFromEnv: number | undefined;

/** GONGKAI_PASSWORD_MIN_LENGTH (validated in lib/env.ts), read once. */
export function configuredMinLength(): number {
  minLengthFromEnv ??= parseEnv().GONGKAI_PASSWORD_MIN_LENGTH;
  return minLengthFromEnv;
}

const COMMON = new Set(COMMON_PASSWORD_CORES);
const LEET: Readonly<Record<string, string>> = { "@": "a", "4": "a", "0": "o", "1": "i", "!": "i", "3": "e", "$": "s", "5": "s", "7": "t", "9": "g" };
/** A core shorter than this (letters between the leading and trailing digits and symbols) is no word at all. */
const MIN_CORE_LETTERS = 4;

/** The password without its leading and trailing digits and symbols: Admin123! → admin. */
function coreOf(lowered: string): string {
  return lowered.replace(/^[^a-z]+/u, "").replace(/[^a-z]+$/u, "");
}

/**
 * A common password, or a common word dressed up with capitals, leet spellings, digits and symbols
 * around it (P@ssw0rd, Admin123!, woaini1314, Aa123456789!). Compared case-insensitively.
 */
export function isCommonPassword(password: string): boolean {
  const lowered = password.normalize("NFKC").toLowerCase();
  const unleeted = [...lowered].map((character) => LEET[character] ?? character).join("");
  const core = coreOf(lowered);
  if ([lowered, unleeted, core, coreOf(unleeted)].some((candidate) => COMMON.has(candidate))) return true;
  // Only ASCII passwords are judged by their letters: Chinese characters are no short core.
  return /^[\x20-\x7e]+$/u.test(lowered) && core.replace(/[^a-z]/gu, "").length < MIN_CORE_LETTERS;
}

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
export function passwordProblems(password: string, minLength: number = configuredMinLength()): string[] {
  const problems: string[] = [];
  // Code points, not UTF-16 units: "密码" is two characters to the person typing it.
  const length = [...password].length;
  if (length < minLength) problems.push(`密码至少需要 ${minLength} 个字符（当前 ${length} 个）。`);
  if (length > PASSWORD_MAX_LENGTH) problems.push(`密码不能超过 ${PASSWORD_MAX_LENGTH} 个字符。`);
  const classes = characterClasses(password);
  if (classes.size < PASSWORD_MIN_CLASSES) {
    const missing = (Object.keys(CLASS_LABELS) as CharacterClass[]).filter((name) => !classes.has(name));
    problems.push(
      `密码须包含大写字母、小写字母、数字、特殊字符中的至少 ${PASSWORD_MIN_CLASSES} 类（当前 ${classes.size} 类，可添加：${missing.map((name) => CLASS_LABELS[name]).join("、")}）。`,
    );
  }
  if (length <= PASSWORD_MAX_LENGTH && isCommonPassword(password)) {
    problems.push("该密码过于常见或容易被猜到（常见单词或拼音加数字、符号，如 P@ssw0rd、Admin123!、woaini1314），请换一个。");
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
