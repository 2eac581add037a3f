import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { formatChinaDateTime } from "@/components/disclosure/china-time";
import { getRequestActor } from "@/lib/auth/request-actor";
import { budgetYears } from "@/lib/budget-years/budget-year-admin";
import { OpenYearForm } from "./open-year-form";

export const metadata: Metadata = { title: "预算年度" };
export const dynamic = "force-dynamic";

export default async function BudgetYearsPage() {
  const actor = await getRequestActor();
  if (actor.viewer === null) redirect("/login?next=/review/years");
  const page = await budgetYears.page(actor);
  if (page === null) {
    return (
      <div className="mx-auto max-w-3xl">
        <h1 className="mb-4 text-2xl font-bold">预算年度</h1>
        <p role="alert" className="rounded border-l-4 border-red-700 bg-red-50 px-4 py-3 text-red-900">
          只有财政部门的审核人员可以开放预算年度。
        </p>
      </div>
    );
  }
  const choices = page.revisions.map((r) => ({ id: r.id, label: `${r.year}年第 ${r.revision} 版（${r.effectiveOn} 起，${r.functionalCount + r.economicCount} 个科目）` }));
  const newestBookYear = page.revisions[0]?.year ?? new Date().getFullYear();
  return (
    <div className="mx-auto max-w-4xl">
      <p className="mb-4 text-sm">
        <Link href="/workspace" className="text-blue-800 underline underline-offset-2 hover:text-blue-950">
          返回工作台
        </Link>
      </p>
      <h1 className="mb-1 text-2xl font-bold">预算年度</h1>
      <p className="mb-6 text-slate-700">
        开放一个预算年度后，本地区各单位即可开始录入该年度预算（沿用上年已批复的预算，或新建空白预算），按所选版本的科目表录入。
        再次保存可更换科目表版本或截止日期，只影响此后新开始的预算。
      </p>
      {choices.length === 0 && (
        <p className="mb-6 rounded border border-slate-300 bg-slate-50 p-4">尚未导入任何科目表，请先请系统管理员导入。</p>
      )}
      {page.regions.map((region) => (
        <section key={region.regionId} aria-labelledby={`region-${region.regionId}`} className="mb-10">
          <h2 id={`region-${region.regionId}`} className="mb-3 text-lg font-semibold">
            {region.name}（{region.code}）
          </h2>
          {region.years.length === 0 ? (
            <p className="mb-4 text-slate-700">尚未开放任何预算年度。</p>
          ) : (
            <div role="region" aria-label={`${region.name}已开放的预算年度`} tabIndex={0} className="mb-4 overflow-x-auto rounded border border-slate-300 focus:outline-2 focus:outline-blue-800">
              <table className="w-full min-w-[32rem] border-collapse text-sm">
                <thead className="bg-slate-100 text-left">
                  <tr>
                    <th scope="col" className="px-3 py-2 font-semibold">预算年度</th>
                    <th scope="col" className="px-3 py-2 font-semibold">科目表</th>
                    <th scope="col" className="px-3 py-2 font-semibold">报送截止日期</th>
                    <th scope="col" className="px-3 py-2 font-semibold">开放时间</th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-200">
                  {region.years.map((y) => (
                    <tr key={y.year}>
                      <td className="px-3 py-2 font-medium">{y.year}年</td>
                      <td className="px-3 py-2">{y.revisionLabel}</td>
                      <td className="px-3 py-2">{y.submissionDeadline}</td>
                      <td className="px-3 py-2">{formatChinaDateTime(y.openedAt)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <OpenYearForm regionId={region.regionId} regionName={region.name} defaultYear={newestBookYear} revisions={choices} />
        </section>
      ))}
    </div>
  );
}
