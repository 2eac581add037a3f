import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { PASSWORD_CHANGE_PATH, TWO_FACTOR_ENROL_PATH } from "@/lib/auth/password-change-gate";
import { pendingEnrolmentOfRequest } from "@/lib/auth/own-second-factor";
import { qrPath } from "@/lib/auth/qr-code";
import { getPendingAccount } from "@/lib/auth/session";
import { ConfirmEnrolmentForm, StartEnrolmentForm } from "./enrol-forms";

export const metadata: Metadata = { title: "设置双因素认证" };

/** The secret in groups of four, as people copy it into an app by hand. */
function grouped(secret: string): string {
  return secret.match(/.{1,4}/gu)?.join(" ") ?? secret;
}

/**
 * 设置双因素认证: every back-office account signs in with a password and a 动态口令 from an
 * authenticator app. An account without one lands here after signing in (after its own password,
 * where someone else set it) and can use nothing else until a first code confirms the secret.
 */
export default async function TwoFactorEnrolPage() {
  const account = await getPendingAccount();
  if (account === null) redirect(`/login?next=${TWO_FACTOR_ENROL_PATH}`);
  if (account.step === "password") redirect(PASSWORD_CHANGE_PATH);
  if (account.step === null) redirect("/workspace");
  const pending = await pendingEnrolmentOfRequest();
  const qr = pending === null ? null : qrPath(pending.totpUri);

  return (
    <div className="mx-auto max-w-2xl py-4 sm:py-8">
      <h1 className="mb-2 text-2xl font-bold">设置双因素认证</h1>
      <p className="mb-1 text-sm text-slate-700">
        登录邮箱：{account.email}（{account.name}）
      </p>
      <div role="status" className="mb-6 mt-4 rounded border-l-4 border-amber-600 bg-amber-50 px-4 py-3 text-amber-950">
        <p className="font-semibold">请先设置双因素认证</p>
        <p className="mt-1">
          为保障预算数据安全，每次登录除密码外还须输入手机身份验证器应用（如 Microsoft Authenticator、Google
          身份验证器、FreeOTP，或支持“动态口令”的国产应用）生成的 6 位动态口令。设置完成后才能使用工作台。
        </p>
      </div>

      {pending === null || qr === null ? (
        <div className="rounded border border-slate-300 p-5 shadow-sm sm:p-6">
          <p className="mb-4 text-slate-800">点击下面的按钮生成您的专属密钥。请准备好手机。</p>
          <StartEnrolmentForm />
        </div>
      ) : (
        <ol className="space-y-6">
          <li className="rounded border border-slate-300 p-5 shadow-sm sm:p-6">
            <h2 className="mb-3 text-lg font-semibold">第 1 步：用身份验证器应用扫描二维码</h2>
            <div className="flex flex-col gap-5 sm:flex-row sm:items-start">
              <svg
                role="img"
                aria-label="动态口令密钥二维码"
                viewBox={`0 0 ${qr.size} ${qr.size}`}
                className="h-52 w-52 shrink-0 self-center border border-slate-200 bg-white sm:self-start"
                shapeRendering="crispEdges"
              >
                <rect width={qr.size} height={qr.size} fill="#fff" />
                <path d={qr.path} fill="#000" />
              </svg>
              <div className="min-w-0">
                <p className="text-slate-800">无法扫码时，在应用中选择“手动输入密钥”，账户名填写您的邮箱，密钥为：</p>
                <p className="mt-2 break-all rounded bg-slate-100 px-3 py-2 font-mono text-lg tracking-wider" data-testid="totp-secret">
                  {grouped(pending.secret)}
                </p>
                <p className="mt-2 text-sm text-slate-700">类型：基于时间（TOTP），6 位数字，30 秒。请勿将密钥告诉他人或截图外传。</p>
              </div>
            </div>
          </li>
          <li className="rounded border border-slate-300 p-5 shadow-sm sm:p-6">
            <h2 className="mb-3 text-lg font-semibold">第 2 步：保存备用码</h2>
            <p className="mb-3 text-slate-800">
              手机丢失或不在身边时，可以用备用码代替动态口令登录，每个只能使用一次。请抄写或打印后妥善保管，完成设置后不再显示。
            </p>
            <ul className="grid grid-cols-2 gap-2 font-mono text-base sm:grid-cols-3" aria-label="备用码">
              {pending.backupCodes.map((code) => (
                <li key={code} className="whitespace-nowrap rounded bg-slate-100 px-2 py-1 text-center">
                  {code}
                </li>
              ))}
            </ul>
          </li>
          <li className="rounded border border-slate-300 p-5 shadow-sm sm:p-6">
            <h2 className="mb-3 text-lg font-semibold">第 3 步：输入应用显示的动态口令，完成设置</h2>
            <ConfirmEnrolmentForm />
          </li>
        </ol>
      )}
      <div className="mt-6 flex flex-wrap items-center justify-between gap-3 text-sm">
        <span className="text-slate-700">遇到问题，请联系本地区的安全管理员。</span>
        <SignOutButton />
      </div>
    </div>
  );
}
