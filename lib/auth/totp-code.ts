import { base32 } from "@better-auth/utils/base32";
import { createOTP } from "@better-auth/utils/otp";

/**
 * TOTP codes with the library better-auth's twoFactor plugin verifies them with
 * (@better-auth/utils), for the tests (integration and browser) and the demo. No better-auth or
 * database import, so Playwright's loader can use it too.
 */

/** The TOTP secret (base32, what an authenticator app is given) of every account the test factories create. */
export const TEST_TOTP_SECRET = "GONGKAITESTSECRETFORFACTORYUSERS";

/** Codes are 6 digits every 30 s (RFC 6238 defaults; what every authenticator app shows). */
export const TOTP_DIGITS = 6;
export const TOTP_PERIOD_SECONDS = 30;

/** The current code of a base32 secret, as an authenticator app shows it. */
export function totpCode(base32Secret: string): Promise<string> {
  return createOTP(base32.decode(base32Secret.replace(/\s/gu, "").toUpperCase()), { digits: TOTP_DIGITS, period: TOTP_PERIOD_SECONDS }).totp();
}

/** The base32 secret inside an otpauth:// URI (shown as text beside the QR code). */
export function secretOfOtpauthUri(uri: string): string {
  const secret = new URL(uri).searchParams.get("secret");
  if (secret === null || secret === "") throw new Error("otpauth URI without a secret");
  return secret;
}
