import { randomInt } from "node:crypto";
import { isAcceptablePassword } from "./password-policy";

/** Characters of a generated password: no 0/O, 1/l/I or symbols that shells or fonts confuse. */
const ALPHABETS = {
  upper: "ABCDEFGHJKLMNPQRSTUVWXYZ",
  lower: "abcdefghijkmnpqrstuvwxyz",
  digit: "23456789",
  symbol: "#%+=@^_-",
} as const;

export const GENERATED_PASSWORD_LENGTH = 16;

/**
 * A one-time initial password (the bootstrap command, …): 16 characters from a cryptographic
 * source, with every character class, so it always satisfies the password rule. The account
 * must replace it at its first sign-in.
 */
export function generateInitialPassword(length: number = GENERATED_PASSWORD_LENGTH): string {
  const classes = Object.values(ALPHABETS);
  const all = classes.join("");
  const pick = (alphabet: string) => alphabet[randomInt(alphabet.length)] ?? "";
  const characters = [...classes.map(pick), ...Array.from({ length: Math.max(0, length - classes.length) }, () => pick(all))];
  // Fisher–Yates, so the guaranteed classes are not always in front.
  for (let i = characters.length - 1; i > 0; i -= 1) {
    const j = randomInt(i + 1);
    [characters[i], characters[j]] = [characters[j] ?? "", characters[i] ?? ""];
  }
  const password = characters.join("");
  if (!isAcceptablePassword(password)) throw new Error("generated password breaks the password rule");
  return password;
}
