import { randomInt } from "node:crypto";
import { isAcceptablePassword } from "@/lib/auth/password-policy";

// Without look-alikes (0/O, 1/l/I), so a password read from a printed list is typed right.
const UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
const LOWER = "abcdefghijkmnpqrstuvwxyz";
const DIGITS = "23456789";
const SYMBOLS = "#%+=@";
const ALL = UPPER + LOWER + DIGITS + SYMBOLS;

/** A one-time initial password: 14 characters from a CSPRNG, all four character classes (satisfies the password rule). */
export function generateInitialPassword(): string {
  for (;;) {
    const characters = Array.from({ length: 14 }, () => ALL[randomInt(ALL.length)] ?? "");
    const password = characters.join("");
    if (/[A-Z]/.test(password) && /[a-z]/.test(password) && /\d/.test(password) && /[#%+=@]/.test(password) && isAcceptablePassword(password)) return password;
  }
}
