import { randomUUID } from "node:crypto";
import { symmetricEncrypt } from "better-auth/crypto";
import type { DbReader } from "@/lib/budgets/db-client";

export { secretOfOtpauthUri, TEST_TOTP_SECRET, totpCode } from "./totp-code";

/** The auth secret as better-auth holds it (lib/auth/auth.ts authSecretKey()). */
export type SecretKey = Parameters<typeof symmetricEncrypt>[0]["key"];

/**
 * TOTP second factors written outside better-auth's enrolment: the demo accounts' public secrets
 * and the test factories' accounts. They are stored exactly as the twoFactor plugin stores its
 * own (secret and backup codes encrypted with the auth secret; the secret marked `base32:`, which
 * the plugin decodes), so sign-in treats them like any enrolled account (ADR 0021).
 */

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
