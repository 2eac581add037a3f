import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { loadAdminUsers, type AdminUsersPage } from "@/lib/admin/queries";
import { AppError } from "@/lib/app-error";
import { formatUnlockTime } from "@/lib/auth/lockout";
import { ROLE_VALUES } from "@/lib/admin/admin-schemas";
import { ROLE_LABELS } from "@/lib/auth/role-labels";
import { refusePage } from "@/lib/auth/refuse-page";
import { getViewer } from "@/lib/auth/session";
import { passwordRuleText } from "@/lib/auth/password-policy";
import { CreateUserForm, GrantRoleForm, ResetSecondFactorButton, RevokeRoleButton, UnlockUserButton } from "./admin-forms";

export const metadata: Metadata = { title: "账户管理" };
export const dynamic = "force-dynamic";

async function load(): Promise<AdminUsersPage> {
  const viewer = await getViewer();
  if (viewer === null) redirect("/login?next=/admin/users");
  try {
    return await loadAdminUsers(viewer);
  } catch (error) {
    if (error instanceof AppError && error.code === "FORBIDDEN") return refusePage(viewer, "/admin/users");
    throw error;
  }
}

export default async function AdminUsersPage() {
  const page = await load();
  const roles = ROLE_VALUES.map((value) => ({ value, label: ROLE_LABELS[value] }));
  return (
    <div>
      <p className="mb-4 text-sm">
        <Link href="/workspace" className="text-blue-800 underline underline-offset-2 hover:text-blue-950">返回工作台</Link>
      </p>
      <h1 className="mb-1 text-2xl font-bold">账户管理</h1>
      <p className="mb-6 text-sm text-slate-700">
        {page.canManageRoles ? "您是安全管理员：授予和撤销角色、解锁账户。" : "您是系统管理员：创建账户；角色由安全管理员授予。"}
        {page.isGlobalAdmin ? "您可查看全部账户。" : "您可查看本地区的账户，以及尚未分配角色的账户。"}
        三员分立：系统管理员、安全管理员、审计管理员不能由一人兼任；同一地区的填报与审核也不能由一人兼任。
        管理员不能给自己授予或撤销角色；每种管理员角色的最后一位全局管理员不能被撤销。所有操作均记入审计日志。
      </p>

      <section aria-labelledby="users-heading" className="mb-10">
        <h2 id="users-heading" className="mb-3 text-lg font-semibold">账户与角色</h2>
        <div role="region" aria-label="账户列表" tabIndex={0} className="overflow-x-auto rounded border border-slate-300 focus:outline-2 focus:outline-blue-800">
          <table className="w-full min-w-[44rem] border-collapse text-sm">
            <thead className="bg-slate-100 text-left">
              <tr>
                <th scope="col" className="px-3 py-2 font-semibold">账户</th>
                <th scope="col" className="px-3 py-2 font-semibold">角色</th>
                <th scope="col" className="px-3 py-2 font-semibold">登录状态</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-200">
              {page.users.map((user) => (
                <tr key={user.id} className="align-top">
                  <th scope="row" className="px-3 py-2 text-left font-normal">
                    <span className="block font-medium">{user.name}{user.isSelf ? "（本人）" : ""}</span>
                    <span className="block text-slate-700">{user.email}</span>
                  </th>
                  <td className="px-3 py-2">
                    {user.roles.length === 0 ? (
                      <span className="text-slate-600">尚未分配角色</span>
                    ) : (
                      <ul className="space-y-1">
                        {user.roles.map((role) => (
                          <li key={role.assignmentId} className="flex flex-wrap items-center gap-x-2 gap-y-1">
                            <span><span className="font-medium">{role.roleLabel}</span> · {role.scopeLabel}</span>
                            {role.canRevoke && <RevokeRoleButton assignmentId={role.assignmentId} description={`${user.email} 的 ${role.roleLabel}（${role.scopeLabel}）`} />}
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                  <td className="px-3 py-2">
                    {user.isLocked && user.lockedUntil !== null ? (
                      <div className="flex flex-wrap items-center gap-2">
                        <span className="font-medium text-red-800">已锁定至 {formatUnlockTime(user.lockedUntil)}</span>
                        {page.canManageRoles && <UnlockUserButton userId={user.id} email={user.email} />}
                      </div>
                    ) : (
                      <span>正常</span>
                    )}
                    <div className="mt-1 flex flex-wrap items-center gap-2">
                      <span className={user.twoFactorEnabled ? "text-slate-700" : "text-amber-800"}>
                        双因素认证：{user.twoFactorEnabled ? "已设置" : "未设置（下次登录时设置）"}
                      </span>
                      {user.canResetSecondFactor && <ResetSecondFactorButton userId={user.id} email={user.email} />}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <div className="grid gap-8 lg:grid-cols-2">
        {page.canManageRoles && (
          <section aria-labelledby="grant-heading" className="rounded border border-slate-300 p-4 sm:p-5">
            <h2 id="grant-heading" className="mb-3 text-lg font-semibold">授予角色</h2>
            <GrantRoleForm
              users={page.users.filter((user) => !user.isSelf).map((user) => ({ id: user.id, label: `${user.name}（${user.email}）` }))}
              roles={roles}
              scopeGroups={page.scopeGroups}
            />
          </section>
        )}
        {page.canCreateAccounts && (
          <section aria-labelledby="create-heading" className="rounded border border-slate-300 p-4 sm:p-5">
            <h2 id="create-heading" className="mb-3 text-lg font-semibold">创建账户</h2>
            <CreateUserForm passwordRule={passwordRuleText()} />
          </section>
        )}
      </div>
    </div>
  );
}
