import { base32 } from "@better-auth/utils/base32";
import { createOTP } from "@better-auth/utils/otp";
import { afterEach, describe, expect, it, vi } from "vitest";
import { secretOfOtpauthUri, TEST_TOTP_SECRET, totpCode } from "./totp-code";

afterEach(() => vi.useRealTimers());

/** How the twoFactor plugin verifies a code (verify-totp): the same library, 6 digits, 30 s, its default window. */
function verifiedNow(code: string): Promise<boolean> {
  return createOTP(base32.decode(TEST_TOTP_SECRET), { digits: 6, period: 30 }).verify(code);
}

describe("TOTP codes", () => {
  it("matches RFC 6238's SHA-1 test vector (59 s → 94287082, 8 digits; 6 digits: 287082)", async () => {
    vi.useFakeTimers({ toFake: ["Date"], now: 59_000 });
    const rfcSecret = base32.encode(new TextEncoder().encode("12345678901234567890"), { padding: false });
    expect(await totpCode(rfcSecret)).toBe("287082");
  });

  it("are accepted within one 30-second step either side of the server's clock, and refused beyond", async () => {
    const start = Date.UTC(2026, 11, 8, 8, 0, 15);
    vi.useFakeTimers({ toFake: ["Date"], now: start });
    const code = await totpCode(TEST_TOTP_SECRET);
    expect(code).toMatch(/^\d{6}$/);
    for (const [offsetSeconds, accepted] of [
      [0, true],
      [14, true],
      [44, true],
      [-16, true],
      [75, false],
      [-46, false],
      [300, false],
    ] as const) {
      vi.setSystemTime(start + offsetSeconds * 1000);
      expect(await verifiedNow(code), `${offsetSeconds} s`).toBe(accepted);
    }
  });

  it("reads the secret of an otpauth URI, ignoring spaces typed into it", async () => {
    expect(secretOfOtpauthUri(`otpauth://totp/x:y?secret=${TEST_TOTP_SECRET}&issuer=x`)).toBe(TEST_TOTP_SECRET);
    expect(await totpCode(TEST_TOTP_SECRET.replace(/(.{4})/gu, "$1 ").toLowerCase())).toBe(await totpCode(TEST_TOTP_SECRET));
  });
});
