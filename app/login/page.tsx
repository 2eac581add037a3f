import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { safeReturnPath } from "@/lib/auth/sign-in-schema";
import { pendingStepPath } from "@/lib/auth/password-change-gate";
import { getPendingAccount, getViewer } from "@/lib/auth/session";
import { ClearBrowserDrafts } from "@/components/auth/clear-browser-drafts";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "工作人员登录" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function single(value: string | string[] | undefined): string | undefined {
  return typeof value === "string" ? value : undefined;
}

const NOTICES: Record<string, string> = {
  signedOut: "您已安全退出登录。",
  expired: "登录已超时（长时间无操作，或登录已满 12 小时），请重新登录。",
};

export default async function LoginPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const next = safeReturnPath(single(params.next));
  if ((await getViewer()) !== null) redirect(next);
  // Signed in, but no viewer until the password is replaced and the second factor enrolled.
  const pending = await getPendingAccount();
  if (pending !== null && pending.step !== null) redirect(pendingStepPath(pending.step));
  const notice = params.signedOut !== undefined ? NOTICES.signedOut : single(params.reason) === "expired" ? NOTICES.expired : undefined;

  return (
    <div className="mx-auto max-w-md py-4 sm:py-10">
      <h1 className="mb-2 text-2xl font-bold">工作人员登录</h1>
      <p className="mb-6 text-slate-700">
        供预算单位填报人、主管部门和财政部门审核人员、系统管理员使用。查阅已公开的预算无需登录，请直接访问
        <Link href="/" className="text-blue-800 underline underline-offset-2 hover:text-blue-950">
          公开首页
        </Link>
        。
      </p>
      {params.signedOut !== undefined && <ClearBrowserDrafts />}
      {notice !== undefined && (
        <p role="status" className="mb-5 rounded border-l-4 border-green-700 bg-green-50 px-4 py-3 text-green-900">
          {notice}
        </p>
      )}
      <div className="rounded border border-slate-300 p-5 shadow-sm sm:p-6">
        <SignInForm next={next} />
      </div>
      <p className="mt-6 text-sm text-slate-700">忘记密码或账户被锁定，请联系本地区的系统管理员。</p>
    </div>
  );
}
