import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { ChangeText, wan } from "@/components/review/figures";
import { formatChinaDateTime } from "@/components/disclosure/china-time";
import { AppError } from "@/lib/app-error";
import { getViewer } from "@/lib/auth/session";
import { BUDGET_STATUS_LABELS } from "@/lib/budgets/status-labels";
import { QUEUE_STATUSES } from "@/lib/review/queries";
import { loadReviewQueuePage, type ReviewQueuePage } from "@/lib/review/screens";

export const metadata: Metadata = { title: "审核" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

async function load(searchParams: Record<string, string | string[] | undefined>): Promise<ReviewQueuePage> {
  const viewer = await getViewer();
  if (viewer === null) redirect("/login?next=/review");
  try {
    return await loadReviewQueuePage(viewer, searchParams);
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}

const FIELD = "rounded border border-slate-400 bg-white px-3 py-2 text-base focus:border-blue-700 focus:outline-2 focus:outline-offset-1 focus:outline-blue-700";

export default async function ReviewQueuePage({ searchParams }: { searchParams: SearchParams }) {
  const { items, departments, status, departmentId } = await load(await searchParams);
  return (
    <div className="mx-auto max-w-6xl">
      <p className="mb-4 text-sm">
        <Link href="/workspace" className="text-blue-800 underline underline-offset-2 hover:text-blue-950">
          返回工作台
        </Link>
      </p>
      <h1 className="mb-1 text-2xl font-bold">预算审核</h1>
      <p className="mb-6 text-slate-700">按报送时间排列，最早报送的在前。金额单位：万元。</p>

      <form method="get" action="/review" className="mb-6 flex flex-wrap items-end gap-4 rounded border border-slate-300 bg-slate-50 p-4" aria-label="筛选">
        <div>
          <label htmlFor="status" className="mb-1 block font-medium">
            状态
          </label>
          <select id="status" name="status" defaultValue={status} className={FIELD}>
            <option value="WAITING">待我审核</option>
            <option value="ALL">全部（已报送及以后）</option>
            {QUEUE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {BUDGET_STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="department" className="mb-1 block font-medium">
            主管部门
          </label>
          <select id="department" name="department" defaultValue={departmentId === undefined ? "" : String(departmentId)} className={`${FIELD} max-w-[20rem]`}>
            <option value="">全部部门</option>
            {departments.map((d) => (
              <option key={d.id} value={d.id}>
                {d.code} {d.name}
              </option>
            ))}
          </select>
        </div>
        <button
          type="submit"
          className="rounded bg-blue-800 px-4 py-2 font-semibold text-white hover:bg-blue-900 focus:outline-2 focus:outline-offset-2 focus:outline-blue-800"
        >
          筛选
        </button>
      </form>

      {items.length === 0 ? (
        <p className="rounded border border-slate-300 bg-slate-50 p-4">{status === "WAITING" ? "目前没有等待您审核的预算。" : "没有符合条件的预算。"}</p>
      ) : (
        <>
        <ul className="space-y-3 md:hidden" aria-label="审核队列">
          {items.map((item) => (
            <li key={item.budgetId} className="rounded border border-slate-300 px-4 py-3">
              <Link href={`/review/budgets/${item.budgetId}`} className="font-medium text-blue-800 underline underline-offset-2 hover:text-blue-950">
                {item.unitCode} {item.unitName}
              </Link>
              <p className="text-sm text-slate-700">
                {item.year}年 · 第{item.version}版 · {item.department.name}
              </p>
              <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
                <dt className="text-slate-700">状态</dt>
                <dd className="font-medium">{BUDGET_STATUS_LABELS[item.status]}</dd>
                <dt className="text-slate-700">报送时间</dt>
                <dd className="tabular-nums">{item.submittedAt === null ? "—" : formatChinaDateTime(item.submittedAt)}</dd>
                <dt className="text-slate-700">合计</dt>
                <dd className="tabular-nums">{wan(item.total.current)}万元</dd>
                <dt className="text-slate-700">比上年</dt>
                <dd className="tabular-nums">
                  <ChangeText figure={item.total} />
                </dd>
                <dt className="text-slate-700">提醒</dt>
                <dd className="tabular-nums">{item.warningCount} 条</dd>
              </dl>
            </li>
          ))}
        </ul>
        <div className="hidden overflow-x-auto rounded border border-slate-300 md:block" role="region" aria-label="审核队列（可横向滚动）" tabIndex={0}>
          <table className="w-full min-w-[48rem] border-collapse text-sm">
            <caption className="sr-only">审核队列</caption>
            <thead className="bg-slate-100 text-left">
              <tr>
                <th scope="col" className="px-3 py-2">单位</th>
                <th scope="col" className="px-3 py-2">状态</th>
                <th scope="col" className="px-3 py-2">报送时间</th>
                <th scope="col" className="px-3 py-2 text-right">合计（万元）</th>
                <th scope="col" className="px-3 py-2 text-right">比上年增减</th>
                <th scope="col" className="px-3 py-2 text-right">提醒</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-200">
              {items.map((item) => (
                <tr key={item.budgetId}>
                  <th scope="row" className="px-3 py-2 text-left font-normal">
                    <Link href={`/review/budgets/${item.budgetId}`} className="font-medium text-blue-800 underline underline-offset-2 hover:text-blue-950">
                      {item.unitCode} {item.unitName}
                    </Link>
                    <span className="block text-slate-700">
                      {item.year}年 · 第{item.version}版 · {item.department.name}
                    </span>
                  </th>
                  <td className="px-3 py-2 whitespace-nowrap">{BUDGET_STATUS_LABELS[item.status]}</td>
                  <td className="px-3 py-2 whitespace-nowrap">{item.submittedAt === null ? "—" : formatChinaDateTime(item.submittedAt)}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{wan(item.total.current)}</td>
                  <td className="px-3 py-2 text-right tabular-nums whitespace-nowrap">
                    <ChangeText figure={item.total} />
                  </td>
                  <td className="px-3 py-2 text-right tabular-nums">{item.warningCount}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        </>
      )}
    </div>
  );
}
