import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getAccountOverview } from "@/lib/auth/queries";
import { getViewer } from "@/lib/auth/session";
import { signOutAction } from "./actions";

export const metadata: Metadata = { title: "工作台" };

export default async function WorkspacePage() {
  const viewer = await getViewer();
  if (viewer === null) redirect("/login?next=/workspace");
  const account = await getAccountOverview(viewer);

  return (
    <div className="mx-auto max-w-3xl">
      <div className="mb-6 flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="mb-1 text-2xl font-bold">工作台</h1>
          <p className="text-slate-800">您好，{account.name}</p>
          <p className="text-sm text-slate-700">登录邮箱：{account.email}</p>
        </div>
        <form action={signOutAction}>
          <button
            type="submit"
            className="rounded border border-slate-500 px-4 py-2 font-medium hover:bg-slate-100 focus:outline-2 focus:outline-offset-2 focus:outline-blue-800"
          >
            退出登录
          </button>
        </form>
      </div>
      <section aria-labelledby="roles-heading">
        <h2 id="roles-heading" className="mb-3 text-lg font-semibold">
          您的角色
        </h2>
        {account.roles.length === 0 ? (
          <p className="rounded border border-slate-300 bg-slate-50 p-4">您的账户尚未分配角色，请联系系统管理员。</p>
        ) : (
          <ul className="divide-y divide-slate-200 rounded border border-slate-300">
            {account.roles.map((role) => (
              <li key={`${role.role}-${role.scopeLabel}`} className="px-4 py-3">
                <span className="font-medium">{role.roleLabel}</span>
                <span className="text-slate-700"> · {role.scopeLabel}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <p className="mt-6 text-sm text-slate-700">为保障安全，30 分钟无操作将自动退出登录。</p>
    </div>
  );
}
