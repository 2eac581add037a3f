import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { PASSWORD_CHANGE_PATH } from "@/lib/auth/password-change-gate";
import { passwordRuleText } from "@/lib/auth/password-policy";
import { getPasswordChanger } from "@/lib/auth/session";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { ChangePasswordForm } from "./change-password-form";

export const metadata: Metadata = { title: "修改密码" };

/**
 * 修改密码. An account whose password someone else set (administrator, import, bootstrap command)
 * lands here after signing in and can use nothing else until it has set its own (修改初始密码).
 */
export default async function PasswordPage() {
  const changer = await getPasswordChanger();
  if (changer === null) redirect(`/login?next=${PASSWORD_CHANGE_PATH}`);
  const isForced = changer.mustChangePassword;
  // An expired password is the account's own: the form asks for the current one, not an initial one.
  const isExpired = changer.passwordExpired === true;

  return (
    <div className="mx-auto max-w-md py-4 sm:py-8">
      <h1 className="mb-2 text-2xl font-bold">{isExpired ? "密码已过期，请修改" : isForced ? "修改初始密码" : "修改密码"}</h1>
      <p className="mb-1 text-sm text-slate-700">
        登录邮箱：{changer.email}（{changer.name}）
      </p>
      {isExpired ? (
        <div role="status" className="mb-6 mt-4 rounded border-l-4 border-amber-600 bg-amber-50 px-4 py-3 text-amber-950">
          <p className="font-semibold">您的密码已使用较长时间</p>
          <p className="mt-1">为保障安全，密码须定期更换，且不能与最近 5 次使用过的密码相同。修改后才能使用工作台。</p>
        </div>
      ) : isForced ? (
        <div role="status" className="mb-6 mt-4 rounded border-l-4 border-amber-600 bg-amber-50 px-4 py-3 text-amber-950">
          <p className="font-semibold">请先设置您自己的密码</p>
          <p className="mt-1">您的密码由管理员设置，只能用于首次登录。设置只有您知道的新密码后，才能使用工作台。</p>
        </div>
      ) : (
        <p className="mb-6 mt-4 text-slate-700">修改后，您在其他设备上的登录将退出。</p>
      )}
      <div className="rounded border border-slate-300 p-5 shadow-sm sm:p-6">
        <ChangePasswordForm isForced={isForced && !isExpired} ruleText={passwordRuleText()} />
      </div>
      <div className="mt-6 flex flex-wrap items-center justify-between gap-3 text-sm">
        {isForced && !isExpired ? (
          <span className="text-slate-700">忘记了初始密码，请联系系统管理员重新设置。</span>
        ) : (
          <Link href="/workspace" className="text-blue-800 underline underline-offset-2 hover:text-blue-950">
            返回工作台
          </Link>
        )}
        <SignOutButton />
      </div>
    </div>
  );
}
