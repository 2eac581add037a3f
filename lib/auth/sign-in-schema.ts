import { z } from "zod";
import { PASSWORD_MAX_LENGTH } from "./password-policy";
import { EMAIL_MAX_LENGTH } from "./lockout-store";

/** Where a signed-in person lands when the sign-in form names no page to return to. */
export const DEFAULT_AFTER_SIGN_IN = "/workspace";

/**
 * Only a path on this site may follow sign-in: an absolute or protocol-relative URL in `next`
 * would make the form an open redirect to a look-alike site.
 */
export function safeReturnPath(next: string | undefined | null): string {
  if (typeof next !== "string" || !next.startsWith("/") || next.startsWith("//") || next.includes("\\")) {
    return DEFAULT_AFTER_SIGN_IN;
  }
  if (next === "/login" || next.startsWith("/login?") || next.startsWith("/login/") || next.startsWith("/api/")) return DEFAULT_AFTER_SIGN_IN;
  return next;
}

/** The sign-in form. Only presence and shape are checked: the password rule applies when a password is set. */
export const signInSchema = z.object({
  email: z
    .string()
    .trim()
    .min(1, "请输入邮箱。")
    .max(EMAIL_MAX_LENGTH, `邮箱最多 ${EMAIL_MAX_LENGTH} 个字符。`)
    .pipe(z.email("请输入有效的邮箱地址，例如 name@example.gov.cn。")),
  password: z.string().min(1, "请输入密码。").max(PASSWORD_MAX_LENGTH, `密码不能超过 ${PASSWORD_MAX_LENGTH} 个字符。`),
  next: z.string().optional().transform(safeReturnPath),
});

export type SignInInput = z.output<typeof signInSchema>;

/** 动态口令: the 6 digits an authenticator app shows (spaces, as some apps group them, are ignored). */
export const totpCodeSchema = z
  .string({ error: "请输入动态口令。" })
  .transform((code) => code.replace(/\s/gu, ""))
  .pipe(z.string().min(1, "请输入动态口令。").regex(/^\d{6}$/u, "动态口令是 6 位数字，请查看身份验证器应用中本平台的口令。"));

/** 备用码: 10 letters and digits, written 5-5 (the dash and spaces are optional when typing). */
export const backupCodeSchema = z
  .string({ error: "请输入备用码。" })
  .transform((code) => code.replace(/[\s-]/gu, ""))
  .pipe(z.string().min(1, "请输入备用码。").regex(/^[A-Za-z0-9]{10}$/u, "备用码是 10 位字母和数字，例如 Ab3dE-fG7hJ。"))
  .transform((code) => `${code.slice(0, 5)}-${code.slice(5)}`);

export const totpSignInSchema = z.object({ code: totpCodeSchema, next: z.string().optional().transform(safeReturnPath) });
export const backupCodeSignInSchema = z.object({ backupCode: backupCodeSchema, next: z.string().optional().transform(safeReturnPath) });
