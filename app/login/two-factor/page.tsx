import type { Metadata } from "next";
import Link from "next/link";
import { safeReturnPath } from "@/lib/auth/sign-in-schema";
import { BackupCodeForm, TotpForm } from "./two-factor-forms";

export const metadata: Metadata = { title: "双因素认证" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/**
 * The second step of sign-in (双因素认证): after a correct password, the 6-digit code of the
 * authenticator app (动态口令) or one of the backup codes (备用码). The challenge lives in the
 * twoFactor plugin's cookie for five minutes; without it the actions answer with a message to
 * sign in again.
 */
export default async function TwoFactorSignInPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const next = safeReturnPath(typeof params.next === "string" ? params.next : undefined);

  return (
    <div className="mx-auto max-w-md py-4 sm:py-10">
      <h1 className="mb-2 text-2xl font-bold">双因素认证</h1>
      <p className="mb-6 text-slate-700">密码正确。请打开手机上的身份验证器应用，输入“预算公开平台”显示的 6 位动态口令。</p>
      <div className="rounded border border-slate-300 p-5 shadow-sm sm:p-6">
        <TotpForm next={next} />
      </div>
      <details className="mt-6 rounded border border-slate-300 p-4 sm:p-5">
        <summary className="cursor-pointer font-medium text-blue-900">手机不在身边？使用备用码登录</summary>
        <div className="mt-4">
          <BackupCodeForm next={next} />
        </div>
      </details>
      <p className="mt-6 text-sm text-slate-700">
        连续输错 5 次（密码和口令合计），账户将锁定 30 分钟。手机丢失且备用码用完，请联系本地区的安全管理员重置双因素认证。
      </p>
      <p className="mt-3 text-sm">
        <Link href="/login" className="text-blue-800 underline underline-offset-2 hover:text-blue-950">
          返回重新输入邮箱和密码
        </Link>
      </p>
    </div>
  );
}
