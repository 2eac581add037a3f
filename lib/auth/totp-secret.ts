import { randomBytes, randomInt, randomUUID } from "node:crypto";
import { base32 } from "@better-auth/utils/base32";
import { symmetricDecrypt, symmetricEncrypt } from "better-auth/crypto";
import type { DbReader } from "@/lib/budgets/db-client";

export { secretOfOtpauthUri, TEST_TOTP_SECRET, totpCode } from "./totp-code";

/** The auth secret as better-auth holds it (lib/auth/auth.ts authSecretKey()). */
export type SecretKey = Parameters<typeof symmetricEncrypt>[0]["key"];

/**
 * TOTP factors written by Gongkai itself: the pending enrolment (better-auth's own enable
 * endpoint insists on the password again; the enrolment page runs right after the password
 * sign-in instead), the demo accounts' public secrets and the test factories' accounts. Stored
 * exactly as the twoFactor plugin stores its own (secret and backup codes encrypted with the auth
 * secret, XChaCha20-Poly1305; the secret marked `base32:`, which the plugin decodes), so its
 * verify endpoints treat them like any other (ADR 0021).
 */

const BASE32_MARK = "base32:";
const BACKUP_CODE_ALPHABET = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
export const BACKUP_CODE_COUNT = 10;

/** A new secret: 20 random bytes (160 bits, RFC 4226's recommendation) in base32, 32 characters. */
export function generateTotpSecret(): string {
  return base32.encode(randomBytes(20), { padding: false });
}

/** Ten backup codes in the plugin's own shape: 10 letters and digits, written 5-5. */
export function generateBackupCodes(): string[] {
  return Array.from({ length: BACKUP_CODE_COUNT }, () => {
    const code = Array.from({ length: 10 }, () => BACKUP_CODE_ALPHABET[randomInt(BACKUP_CODE_ALPHABET.length)] ?? "a").join("");
    return `${code.slice(0, 5)}-${code.slice(5)}`;
  });
}

/** Writes (or replaces) the user's TOTP row; `verified` false until a first code confirms it. */
export async function storeTotp(
  db: DbReader,
  userId: string,
  factor: { base32Secret: string; backupCodes: readonly string[]; verified: boolean },
  key: SecretKey,
): Promise<void> {
  const secret = await symmetricEncrypt({ key, data: `${BASE32_MARK}${factor.base32Secret.toUpperCase()}` });
  const backupCodes = await symmetricEncrypt({ key, data: JSON.stringify(factor.backupCodes) });
  await db.twoFactor.upsert({
    where: { userId },
    create: { id: randomUUID(), userId, secret, backupCodes, verified: factor.verified },
    update: { secret, backupCodes, verified: factor.verified, failedVerificationCount: 0, lockedUntil: null },
    select: { id: true },
  });
}

/**
 * Gives the user an enrolled TOTP factor with this secret and ten backup codes nobody knows (a
 * security administrator's reset and a new enrolment gives the person their own).
 */
export async function storeEnrolledTotp(db: DbReader, userId: string, base32Secret: string, key: SecretKey): Promise<void> {
  await storeTotp(db, userId, { base32Secret, backupCodes: generateBackupCodes(), verified: true }, key);
  await db.user.update({ where: { id: userId }, data: { twoFactorEnabled: true }, select: { id: true } });
}

/** The user's TOTP factor decrypted (base32 secret, unused backup codes), or null when there is none. */
export async function readTotp(
  db: DbReader,
  userId: string,
  key: SecretKey,
): Promise<{ base32Secret: string; backupCodes: string[]; verified: boolean } | null> {
  const row = await db.twoFactor.findUnique({ where: { userId }, select: { secret: true, backupCodes: true, verified: true } });
  if (row === null) return null;
  const secret = await symmetricDecrypt({ key, data: row.secret });
  const base32Secret = secret.startsWith(BASE32_MARK)
    ? secret.slice(BASE32_MARK.length)
    : base32.encode(new TextEncoder().encode(secret), { padding: false });
  const codes: unknown = JSON.parse(await symmetricDecrypt({ key, data: row.backupCodes }));
  return { base32Secret, backupCodes: Array.isArray(codes) ? codes.filter((code): code is string => typeof code === "string") : [], verified: row.verified };
}
