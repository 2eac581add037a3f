import { isAPIError } from "better-auth/api";
import { AppError } from "@/lib/app-error";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import type { DbClient, DbReader } from "@/lib/budgets/db-client";
import { authSecretKey, getAuth, TOTP_ISSUER } from "./auth";
import type { PendingStep } from "./password-change-gate";
import { totpCodeSchema } from "./sign-in-schema";
import { TOTP_DIGITS, TOTP_PERIOD_SECONDS } from "./totp-code";
import { generateBackupCodes, generateTotpSecret, readTotp, storeTotp } from "./totp-secret";

/** The signed-in account on the enrolment page (lib/auth/session.ts getPendingAccount). */
export interface Enroller {
  userId: string;
  email: string;
  step: PendingStep;
}

/** What the enrolment page shows until the first code confirms it: the QR code's URI, the secret as text, the backup codes. */
export interface PendingEnrolment {
  totpUri: string;
  secret: string;
  backupCodes: string[];
}

function requireEnrolling(enroller: Enroller | null): Enroller {
  if (enroller === null) throw new AppError("UNAUTHENTICATED", "请先登录。");
  if (enroller.step === "password") throw new AppError("CONFLICT", "请先修改密码，再设置双因素认证。");
  if (enroller.step === null) throw new AppError("CONFLICT", "您已设置双因素认证。如需更换手机，请联系安全管理员重置。");
  return enroller;
}

/**
 * 设置双因素认证, step 1: a new TOTP secret and ten backup codes for the signed-in account that
 * has none, stored encrypted as the twoFactor plugin stores them, not yet in force (better-auth's
 * own enable endpoint would ask for the password again; the account typed it a moment ago to get
 * here, and has no viewer until this is done). Starting again replaces an unconfirmed secret.
 */
export async function startEnrolment(db: DbClient & DbReader, enroller: Enroller | null): Promise<void> {
  const account = requireEnrolling(enroller);
  const key = await authSecretKey();
  await db.$transaction((tx) => storeTotp(tx, account.userId, { base32Secret: generateTotpSecret(), backupCodes: generateBackupCodes(), verified: false }, key));
}

/** The otpauth:// URI an authenticator app reads from the QR code (RFC 6238 defaults: SHA-1, 6 digits, 30 s). */
export function otpauthUri(base32Secret: string, email: string): string {
  const label = `${encodeURIComponent(TOTP_ISSUER)}:${encodeURIComponent(email)}`;
  const params = new URLSearchParams({ secret: base32Secret, issuer: TOTP_ISSUER, digits: String(TOTP_DIGITS), period: String(TOTP_PERIOD_SECONDS) });
  return `otpauth://totp/${label}?${params.toString()}`;
}

/** The unconfirmed enrolment of the account, decrypted for its owner's page; null when none was started. */
export async function readPendingEnrolment(db: DbClient & DbReader, enroller: Enroller | null): Promise<PendingEnrolment | null> {
  if (enroller === null || enroller.step !== "two_factor") return null;
  const factor = await readTotp(db, enroller.userId, await authSecretKey());
  if (factor === null || factor.verified) return null;
  return { totpUri: otpauthUri(factor.base32Secret, enroller.email), secret: factor.base32Secret, backupCodes: factor.backupCodes };
}

/**
 * 设置双因素认证, step 2: the first code from the app confirms the secret; the account is then
 * enrolled (better-auth turns twoFactorEnabled on and renews the session) and gets its viewer.
 * Audited (`auth.two_factor_enrol`), refusals included.
 */
export async function confirmEnrolment(
  db: DbClient & DbReader,
  enroller: Enroller | null,
  raw: unknown,
  requestHeaders: Headers,
  clientAddress: string | null,
): Promise<void> {
  const audit = (result: "SUCCESS" | "FAILURE", reason?: string) =>
    writeAuditEvent(db, {
      action: "auth.two_factor_enrol",
      result,
      userId: enroller?.userId ?? null,
      objectType: "user",
      ...(enroller === null ? {} : { objectId: enroller.userId }),
      clientAddress,
      details: reason === undefined ? { method: "totp" } : { method: "totp", reason },
    });
  const account = requireEnrolling(enroller);
  const parsed = totpCodeSchema.safeParse(typeof raw === "object" && raw !== null && "code" in raw ? raw.code : undefined);
  if (!parsed.success) {
    const messages = parsed.error.issues.map((issue) => issue.message);
    throw new AppError("INVALID_INPUT", "请检查标出的内容后重新提交。", { code: messages });
  }
  const pending = await db.twoFactor.findUnique({ where: { userId: account.userId }, select: { verified: true } });
  if (pending === null) throw new AppError("CONFLICT", "请先点击“开始设置”获取密钥。");
  try {
    await getAuth().api.verifyTOTP({ body: { code: parsed.data }, headers: requestHeaders });
  } catch (error) {
    if (isAPIError(error) && error.body?.code === "INVALID_CODE") {
      await audit("FAILURE", "wrong_code");
      const message = "动态口令不正确。请确认已添加刚才显示的密钥，且手机时间准确，再输入当前显示的 6 位数字。";
      throw new AppError("INVALID_INPUT", message, { code: [message] });
    }
    throw error;
  }
  await audit("SUCCESS");
}
