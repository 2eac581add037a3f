import { isAPIError } from "better-auth/api";
import { AppError } from "@/lib/app-error";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import type { DbClient, DbReader } from "@/lib/budgets/db-client";
import { getAuth } from "./auth";
import type { PendingStep } from "./password-change-gate";
import { totpCodeSchema } from "./sign-in-schema";
import { secretOfOtpauthUri } from "./totp-secret";

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
 * has none (better-auth's twoFactor plugin generates and encrypts them; nothing is enabled until
 * a code confirms it). Starting again replaces an unconfirmed secret.
 */
export async function startEnrolment(enroller: Enroller | null, requestHeaders: Headers): Promise<void> {
  requireEnrolling(enroller);
  await getAuth().api.enableTwoFactor({ body: { method: "totp" }, headers: requestHeaders });
}

/** The unconfirmed enrolment of the account, decrypted for its owner's page; null when none was started. */
export async function readPendingEnrolment(db: DbClient & DbReader, enroller: Enroller | null, requestHeaders: Headers): Promise<PendingEnrolment | null> {
  if (enroller === null || enroller.step !== "two_factor") return null;
  const row = await db.twoFactor.findUnique({ where: { userId: enroller.userId }, select: { verified: true } });
  if (row === null || row.verified) return null;
  const api = getAuth().api;
  const { totpURI } = await api.getTOTPURI({ body: {}, headers: requestHeaders });
  const { backupCodes } = await api.viewBackupCodes({ body: { userId: enroller.userId } });
  return { totpUri: totpURI, secret: secretOfOtpauthUri(totpURI), backupCodes };
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
