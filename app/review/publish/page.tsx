import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { AppError } from "@/lib/app-error";
import { refusePage } from "@/lib/auth/refuse-page";
import { getViewer } from "@/lib/auth/session";
import { loadBatchPublishPage, type BatchPublishPage } from "@/lib/workflow/batch-publish-page";

export const metadata: Metadata = { title: "批量公开" };
export const dynamic = "force-dynamic";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const selectClass =
  "block w-full rounded border border-slate-400 bg-white px-2 py-1.5 text-base focus:border-blue-700 focus:outline-2 focus:outline-offset-1 focus:outline-blue-700";

async function load(searchParams: SearchParams): Promise<BatchPublishPage> {
  const viewer = await getViewer();
  if (viewer === null) redirect("/login?next=/review/publish");
  try {
    return await loadBatchPublishPage(viewer, await searchParams);
  } catch (error) {
    if (error instanceof AppError && error.code === "FORBIDDEN") return refusePage(viewer, "/review/publish");
    throw error;
  }
}

/**
 * 统一公开: the finance reviewer publishes the region's signed-off budgets in one action. The form
 * posts to /review/publish/run, which answers with a page that grows as each budget is published
 * (no script needed) and ends with the summary.
 */
export default async function BatchPublishScreen({ searchParams }: { searchParams: SearchParams }) {
  const page = await load(searchParams);
  const { region, year, budgets } = page;
  return (
    <div className="mx-auto max-w-5xl">
      <p className="mb-4 text-sm">
        <Link href="/review" className="text-blue-800 underline underline-offset-2 hover:text-blue-950">
          返回预算审核
        </Link>
      </p>
      <h1 className="mb-1 text-2xl font-bold">批量公开</h1>
      <p className="mb-6 text-slate-800">
        {region.name}（{region.code}）· {year}年度 · 已审签待公开的预算
      </p>

      <form method="get" action="/review/publish" className="mb-6 flex flex-wrap items-end gap-4 rounded border border-slate-300 p-4" aria-label="选择地区和年度">
        {page.regions.length > 1 ? (
          <div>
            <label htmlFor="region" className="mb-1 block text-sm font-medium">地区</label>
            <select id="region" name="region" defaultValue={region.code} className={selectClass}>
              {page.regions.map((r) => (
                <option key={r.code} value={r.code}>{r.name}（{r.code}）</option>
              ))}
            </select>
          </div>
        ) : (
          <input type="hidden" name="region" value={region.code} />
        )}
        <div>
          <label htmlFor="year" className="mb-1 block text-sm font-medium">预算年度</label>
          <select id="year" name="year" defaultValue={String(year)} className={selectClass}>
            {page.years.map((y) => (
              <option key={y} value={y}>{y}年</option>
            ))}
          </select>
        </div>
        <button type="submit" className="rounded border border-slate-500 bg-white px-4 py-2 font-medium hover:bg-slate-100 focus:outline-2 focus:outline-offset-2 focus:outline-blue-700">
          查看
        </button>
      </form>

      {budgets.length === 0 ? (
        <p className="rounded border border-slate-300 bg-slate-50 px-4 py-3">没有已审签待公开的预算。</p>
      ) : (
        <form method="post" action="/review/publish/run">
          <input type="hidden" name="region" value={region.code} />
          <input type="hidden" name="year" value={year} />
          <div className="overflow-x-auto">
            <table className="w-full border-collapse text-left">
              <caption className="mb-2 text-left font-medium">已审签待公开的预算（{budgets.length} 份）</caption>
              <thead>
                <tr className="border-b-2 border-slate-400">
                  <th scope="col" className="px-2 py-2">单位编码</th>
                  <th scope="col" className="px-2 py-2">单位名称</th>
                  <th scope="col" className="px-2 py-2">版本</th>
                </tr>
              </thead>
              <tbody>
                {budgets.map((budget) => (
                  <tr key={budget.budgetId} className="border-b border-slate-200">
                    <td className="px-2 py-2 font-mono">
                      <input type="hidden" name="budgetId" value={budget.budgetId} />
                      {budget.unitCode}
                    </td>
                    <td className="px-2 py-2">{budget.unitName}</td>
                    <td className="px-2 py-2">第{budget.version}版</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="my-4 rounded border-l-4 border-amber-600 bg-amber-50 px-4 py-3 text-slate-900">
            公开后，页面和下载文件（PDF、Word、Excel、CSV、JSON）即对公众可见，不能撤回；如有错误，只能由单位发起更正。每份预算单独公开、单独记入审计日志，某一份失败不影响其他各份。
          </p>
          <button type="submit" className="rounded bg-blue-800 px-5 py-2.5 font-medium text-white hover:bg-blue-900 focus:outline-2 focus:outline-offset-2 focus:outline-blue-700">
            公开以上 {budgets.length} 份预算
          </button>
        </form>
      )}
    </div>
  );
}
