import { isAPIError } from "better-auth/api";
import { AppError } from "@/lib/app-error";
import { getAuth } from "./auth";
import { ACCOUNT_LOCKED, INVALID_CREDENTIALS, RATE_LIMITED } from "./auth-policy-plugin";
import type { SignInInput } from "./sign-in-schema";

/**
 * Signs in with e-mail and password through better-auth, so the lockout, the audit rows and the
 * session cookie (set through next/headers by the nextCookies plugin) are exactly those of the
 * HTTP endpoint. Refusals become AppErrors with the Chinese message the policy plugin wrote.
 */
export async function signIn(input: Pick<SignInInput, "email" | "password">, requestHeaders: Headers): Promise<{ userId: string }> {
  try {
    const result = await getAuth().api.signInEmail({
      body: { email: input.email, password: input.password },
      headers: requestHeaders,
    });
    return { userId: result.user.id };
  } catch (error) {
    if (!isAPIError(error)) throw error;
    const code: unknown = error.body?.code;
    const message = typeof error.body?.message === "string" ? error.body.message : "";
    if (code === ACCOUNT_LOCKED) throw new AppError("LOCKED", message);
    if (code === RATE_LIMITED) throw new AppError("RATE_LIMITED", message);
    if (code === INVALID_CREDENTIALS) throw new AppError("UNAUTHENTICATED", message);
    throw new AppError("UNAUTHENTICATED", "登录失败，请检查邮箱和密码后重试。");
  }
}
