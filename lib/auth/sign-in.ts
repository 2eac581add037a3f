import { isAPIError } from "better-auth/api";
import { AppError } from "@/lib/app-error";
import { getAuth } from "./auth";
import { ACCOUNT_LOCKED, INVALID_CREDENTIALS, RATE_LIMITED } from "./auth-policy-plugin";
import { SECOND_FACTOR_EXPIRED, WRONG_SECOND_FACTOR } from "./second-factor-hooks";
import type { SignInInput } from "./sign-in-schema";

/** After the password: signed in (an account without a second factor, which may only enrol), or a code is asked for. */
export type SignInOutcome = { kind: "signed_in"; userId: string } | { kind: "second_factor" };

function appErrorOf(error: unknown, fallback: string): never {
  if (!isAPIError(error)) throw error;
  const code: unknown = error.body?.code;
  const message = typeof error.body?.message === "string" ? error.body.message : "";
  if (code === ACCOUNT_LOCKED) throw new AppError("LOCKED", message);
  if (code === RATE_LIMITED) throw new AppError("RATE_LIMITED", message);
  if (code === INVALID_CREDENTIALS || code === WRONG_SECOND_FACTOR || code === SECOND_FACTOR_EXPIRED) throw new AppError("UNAUTHENTICATED", message);
  throw new AppError("UNAUTHENTICATED", fallback);
}

/**
 * Signs in with e-mail and password through better-auth, so the lockout, the audit rows and the
 * cookies (set through next/headers by the nextCookies plugin) are exactly those of the HTTP
 * endpoint. An enrolled account gets no session yet, only the twoFactor plugin's challenge
 * cookie: the code comes next (verifySecondFactor). Refusals become AppErrors with the Chinese
 * message the policy plugin wrote.
 */
export async function signIn(input: Pick<SignInInput, "email" | "password">, requestHeaders: Headers): Promise<SignInOutcome> {
  try {
    const result: unknown = await getAuth().api.signInEmail({
      body: { email: input.email, password: input.password },
      headers: requestHeaders,
    });
    if (typeof result === "object" && result !== null && "twoFactorRedirect" in result && result.twoFactorRedirect === true) {
      return { kind: "second_factor" };
    }
    const user = typeof result === "object" && result !== null && "user" in result ? (result.user as { id?: unknown }) : null;
    if (typeof user?.id !== "string") throw new AppError("UNAUTHENTICATED", "登录失败，请检查邮箱和密码后重试。");
    return { kind: "signed_in", userId: user.id };
  } catch (error) {
    if (error instanceof AppError) throw error;
    appErrorOf(error, "登录失败，请检查邮箱和密码后重试。");
  }
}

export type SecondFactorMethod = "totp" | "backup_code";

/**
 * The second step: the code from the authenticator app (动态口令) or a one-time backup code
 * (备用码), with the challenge cookie of the first step. Wrong codes count towards the lockout
 * (lib/auth/second-factor-hooks.ts). Returns the signed-in user.
 */
export async function verifySecondFactor(method: SecondFactorMethod, code: string, requestHeaders: Headers): Promise<{ userId: string }> {
  try {
    const api = getAuth().api;
    const result: unknown =
      method === "totp"
        ? await api.verifyTOTP({ body: { code }, headers: requestHeaders })
        : await api.verifyBackupCode({ body: { code }, headers: requestHeaders });
    const user = typeof result === "object" && result !== null && "user" in result ? (result.user as { id?: unknown }) : null;
    if (typeof user?.id !== "string") throw new AppError("UNAUTHENTICATED", "验证失败，请重新登录。");
    return { userId: user.id };
  } catch (error) {
    if (error instanceof AppError) throw error;
    appErrorOf(error, "验证失败，请重新输入邮箱和密码登录。");
  }
}
