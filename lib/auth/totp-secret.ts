import { randomUUID } from "node:crypto";
import { base32 } from "@better-auth/utils/base32";
import { createOTP } from "@better-auth/utils/otp";
import { symmetricEncrypt } from "better-auth/crypto";
import type { DbReader } from "@/lib/budgets/db-client";

/**
 * TOTP second factors written outside better-auth's enrolment: the demo accounts' public secrets
 * and the test factories' accounts. They are stored exactly as the twoFactor plugin stores its
 * own (secret and backup codes encrypted with the auth secret; the secret marked `base32:`, which
 * the plugin decodes), so sign-in treats them like any enrolled account (ADR 0021).
 */

/** The TOTP secret (base32, what an authenticator app is given) of every account the test factories create. */
export const TEST_TOTP_SECRET = "GONGKAITESTSECRETFORFACTORYUSERS";

/** Codes are 6 digits every 30 s (RFC 6238 defaults; what every authenticator app shows). */
export const TOTP_DIGITS = 6;
export const TOTP_PERIOD_SECONDS = 30;

export type SecretKey = Parameters<typeof symmetricEncrypt>[0]["key"];

/** The current code of a base32 secret, as an authenticator app shows it (tests and the demo). */
export function totpCode(base32Secret: string): Promise<string> {
  return createOTP(base32.decode(base32Secret.toUpperCase()), { digits: TOTP_DIGITS, period: TOTP_PERIOD_SECONDS }).totp();
}

/** The base32 secret inside an otpauth:// URI (shown as text beside the QR code). */
export function secretOfOtpauthUri(uri: string): string {
  const secret = new URL(uri).searchParams.get("secret");
  if (secret === null || secret === "") throw new Error("otpauth URI without a secret");
  return secret;
}

/**
 * Gives the user an enrolled TOTP factor with this secret and ten unknown backup codes (nobody
 * can read them back for these accounts; a security administrator's reset and a new enrolment
 * gives the person their own). `key` is the auth secret (lib/auth/auth.ts authSecretKey()).
 */
export async function storeEnrolledTotp(db: DbReader, userId: string, base32Secret: string, key: SecretKey): Promise<void> {
  const secret = await symmetricEncrypt({ key, data: `base32:${base32Secret.toUpperCase()}` });
  const codes = Array.from({ length: 10 }, () => randomUUID().replaceAll("-", "").slice(0, 10));
  const backupCodes = await symmetricEncrypt({ key, data: JSON.stringify(codes) });
  await db.twoFactor.upsert({
    where: { userId },
    create: { id: randomUUID(), userId, secret, backupCodes, verified: true },
    update: { secret, backupCodes, verified: true, failedVerificationCount: 0, lockedUntil: null },
    select: { id: true },
  });
  await db.user.update({ where: { id: userId }, data: { twoFactorEnabled: true }, select: { id: true } });
}
