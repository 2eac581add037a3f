import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { StaffLinks } from "@/components/workspace/staff-links";
import { canAdminister, canSearchAuditLog, isAdministrator, isSecurityAdministrator } from "@/lib/auth/policies";
import { getAccountOverview } from "@/lib/auth/queries";
import { getViewer } from "@/lib/auth/session";
import { BUDGET_STATUS_LABELS } from "@/lib/budgets/status-labels";
import { listAccountantUnits } from "@/lib/budgets/workspace";
import { workspaceBudgetPath } from "@/lib/budgets/workspace-paths";
import { isReviewer } from "@/lib/review/review-access";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { loadHeadBudgets } from "@/lib/review/screens";
import { DiscardDraftForm } from "./discard-draft-form";
import { StartBudgetForm } from "./start-budget-form";

export const metadata: Metadata = { title: "工作台" };

export default async function WorkspacePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const isPasswordChanged = params.passwordChanged !== undefined;
  const isTwoFactorEnrolled = params.twoFactorEnrolled !== undefined;
  const viewer = await getViewer();
  if (viewer === null) redirect("/login?next=/workspace");
  const [account, units, headBudgets] = await Promise.all([getAccountOverview(viewer), listAccountantUnits(viewer), loadHeadBudgets(viewer)]);

  return (
    <div className="mx-auto max-w-3xl">
      <div className="mb-6 flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="mb-1 text-2xl font-bold">工作台</h1>
          <p className="text-slate-800">您好，{account.name}</p>
          <p className="text-sm text-slate-700">登录邮箱：{account.email}</p>
        </div>
        <div className="flex items-center gap-3">
          <Link href="/account/password" className="font-medium text-blue-800 underline underline-offset-2 hover:text-blue-950">
            修改密码
          </Link>
          <SignOutButton className="rounded border border-slate-500 px-4 py-2 font-medium hover:bg-slate-100 focus:outline-2 focus:outline-offset-2 focus:outline-blue-800" />
        </div>
      </div>
      {isPasswordChanged && (
        <p role="status" className="mb-6 rounded border-l-4 border-green-700 bg-green-50 px-4 py-3 text-green-900">
          密码已修改。下次登录请使用新密码。
        </p>
      )}
      {isTwoFactorEnrolled && (
        <p role="status" className="mb-6 rounded border-l-4 border-green-700 bg-green-50 px-4 py-3 text-green-900">
          双因素认证已设置。今后每次登录，输入密码后还须输入手机上的动态口令（或一个备用码）。
        </p>
      )}
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
      {isReviewer(viewer) && (
        <section aria-labelledby="review-heading" className="mt-8">
          <h2 id="review-heading" className="mb-3 text-lg font-semibold">
            预算审核
          </h2>
          <Link href="/review" className="font-medium text-blue-800 underline underline-offset-2 hover:text-blue-950">
            查看待审核的预算
          </Link>
        </section>
      )}
      <StaffLinks
        flags={{
          deadlines: viewer.roles.some((grant) => grant.role === "DEPARTMENT_REVIEWER" || grant.role === "FINANCE_REVIEWER" || grant.role === "ADMIN"),
          batchPublish: viewer.roles.some((grant) => grant.role === "FINANCE_REVIEWER"),
          departmentBudgets: viewer.roles.some((grant) => grant.role === "DEPARTMENT_REVIEWER"),
          accounts: isAdministrator(viewer) || isSecurityAdministrator(viewer),
          organisation: isAdministrator(viewer),
          accountImport: isSecurityAdministrator(viewer),
          codeBooks: canAdminister(viewer),
          budgetYears: viewer.roles.some((grant) => grant.role === "FINANCE_REVIEWER"),
          auditLog: canSearchAuditLog(viewer),
        }}
      />
      {headBudgets.length > 0 && (
        <section aria-labelledby="head-heading" className="mt-8">
          <h2 id="head-heading" className="mb-3 text-lg font-semibold">
            负责人审签
          </h2>
          <ul className="divide-y divide-slate-200 rounded border border-slate-300">
            {headBudgets.map((budget) => (
              <li key={budget.budgetId} className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 px-4 py-3">
                <Link href={`/workspace/sign-off/${budget.budgetId}`} className="font-medium text-blue-800 underline underline-offset-2 hover:text-blue-950">
                  {budget.unitCode} {budget.unitName} {budget.year}年预算
                </Link>
                <span className="text-slate-700">
                  第{budget.version}版 · <span className="font-medium text-slate-900">{budget.isWaitingForSignOff ? "待您审签" : BUDGET_STATUS_LABELS[budget.status]}</span>
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {units.map((unit) => (
        <section key={unit.unitCode} aria-labelledby={`budgets-${unit.unitCode}`} className="mt-8">
          <h2 id={`budgets-${unit.unitCode}`} className="mb-3 text-lg font-semibold">
            本单位预算 · {unit.unitCode} {unit.unitName}
          </h2>
          {unit.budgets.length === 0 ? (
            <p className="rounded border border-slate-300 bg-slate-50 p-4">本单位还没有预算。</p>
          ) : (
            <ul className="divide-y divide-slate-200 rounded border border-slate-300">
              {unit.budgets.map((budget) => (
                <li key={budget.year} className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 px-4 py-3">
                  <Link
                    href={workspaceBudgetPath(unit.unitCode, budget.year)}
                    className="font-medium text-blue-800 underline underline-offset-2 hover:text-blue-950"
                  >
                    {budget.year}年预算
                  </Link>
                  <span className="text-slate-700">
                    第{budget.version}版 · <span className="font-medium text-slate-900">{BUDGET_STATUS_LABELS[budget.status]}</span>
                  </span>
                  {budget.isDiscardable && <DiscardDraftForm unitCode={unit.unitCode} year={budget.year} version={budget.version} />}
                </li>
              ))}
            </ul>
          )}
          {unit.startableYears.map((start) => (
            <StartBudgetForm key={start.year} unitCode={unit.unitCode} {...start} />
          ))}
        </section>
      ))}
      <p className="mt-6 text-sm text-slate-700">为保障安全，长时间无操作（填报人员 30 分钟，审核和管理人员 15 分钟）或登录满 12 小时将自动退出登录。</p>
    </div>
  );
}
