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
  if (next === "/login" || next.startsWith("/login?") || next.startsWith("/api/")) return DEFAULT_AFTER_SIGN_IN;
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
