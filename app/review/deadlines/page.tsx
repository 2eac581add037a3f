import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { DeadlineTable } from "@/components/deadlines/deadline-table";
import { AppError } from "@/lib/app-error";
import { refusePage } from "@/lib/auth/refuse-page";
import { getViewer } from "@/lib/auth/session";
import { getDeadlineDashboard } from "@/lib/deadlines/dashboard";
import { deadlineQuery, parseDeadlineFilters } from "@/lib/deadlines/deadline-filters";
import { chinaDate, DEADLINE_RULE_TEXT, DEADLINE_STATUS_LABELS, DEADLINE_STATUS_ORDER } from "@/lib/deadlines/publication-deadline";
import type { DeadlineDashboard } from "@/lib/deadlines/queries";

export const metadata: Metadata = { title: "预算公开时限" };
export const dynamic = "force-dynamic";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const selectClass =
  "block w-full rounded border border-slate-400 bg-white px-2 py-1.5 text-base focus:border-blue-700 focus:outline-2 focus:outline-offset-1 focus:outline-blue-700";

async function load(searchParams: SearchParams): Promise<DeadlineDashboard> {
  const viewer = await getViewer();
  if (viewer === null) redirect("/login?next=/review/deadlines");
  try {
    return await getDeadlineDashboard(viewer, parseDeadlineFilters(await searchParams));
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    if (error instanceof AppError && error.code === "FORBIDDEN") return refusePage(viewer, "/review/deadlines");
    throw error;
  }
}

export default async function DeadlinesPage({ searchParams }: { searchParams: SearchParams }) {
  const dashboard = await load(searchParams);
  const { region, year, filters } = dashboard;
  const base = { regionCode: region.code, year, departmentCode: filters.departmentCode };
  const exportQuery = deadlineQuery({ ...base, status: filters.status });
  const total = DEADLINE_STATUS_ORDER.reduce((sum, status) => sum + dashboard.summary[status], 0);
  const caption = `${region.name}${year}年度各单位预算公开情况`;

  return (
    <div>
      <p className="mb-4 text-sm">
        <Link href="/workspace" className="text-blue-800 underline underline-offset-2 hover:text-blue-950">
          返回工作台
        </Link>
      </p>
      <h1 className="mb-1 text-2xl font-bold">预算公开时限</h1>
      <p className="mb-3 text-slate-800">
        {region.name}（{region.code}）· {year}年度 · 统计日期 {chinaDate(dashboard.generatedAt)}（北京时间）
      </p>
      <p className="mb-6 rounded border-l-4 border-blue-800 bg-blue-50 px-4 py-3 text-sm text-slate-900">{DEADLINE_RULE_TEXT}</p>

      <form method="get" action="/review/deadlines" className="mb-6 grid grid-cols-1 gap-3 rounded border border-slate-300 p-4 sm:grid-cols-2 lg:grid-cols-5 lg:items-end">
        {dashboard.regions.length > 1 ? (
          <div>
            <label htmlFor="region" className="mb-1 block text-sm font-medium">地区</label>
            <select id="region" name="region" defaultValue={region.code} className={selectClass}>
              {dashboard.regions.map((r) => (
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
            {dashboard.years.map((y) => (
              <option key={y} value={y}>{y}年</option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="department" className="mb-1 block text-sm font-medium">主管部门</label>
          <select id="department" name="department" defaultValue={filters.departmentCode ?? ""} className={selectClass}>
            <option value="">全部部门</option>
            {dashboard.departments.map((d) => (
              <option key={d.code} value={d.code}>{d.code} {d.name}</option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="status" className="mb-1 block text-sm font-medium">公开情况</label>
          <select id="status" name="status" defaultValue={filters.status ?? ""} className={selectClass}>
            <option value="">全部</option>
            {DEADLINE_STATUS_ORDER.map((status) => (
              <option key={status} value={status}>{DEADLINE_STATUS_LABELS[status]}</option>
            ))}
          </select>
        </div>
        <div>
          <button type="submit" className="w-full rounded bg-blue-800 px-4 py-2 font-medium text-white hover:bg-blue-900 focus:outline-2 focus:outline-offset-2 focus:outline-blue-800">
            筛选
          </button>
        </div>
      </form>

      <section aria-labelledby="summary-heading" className="mb-6">
        <h2 id="summary-heading" className="mb-3 text-lg font-semibold">
          汇总（共 {total} 个单位）
        </h2>
        <ul className="grid grid-cols-2 gap-2 sm:grid-cols-3 lg:grid-cols-6">
          {DEADLINE_STATUS_ORDER.map((status) => {
            const isCurrent = filters.status === status;
            return (
              <li key={status}>
                <Link
                  href={`/review/deadlines?${deadlineQuery({ ...base, status: isCurrent ? null : status })}`}
                  aria-current={isCurrent ? "true" : undefined}
                  className={`block rounded border px-3 py-2 hover:border-blue-800 ${isCurrent ? "border-slate-900 bg-slate-100" : "border-slate-300"}`}
                >
                  <span className="block text-sm text-slate-700">{DEADLINE_STATUS_LABELS[status]}</span>
                  <span className="block text-2xl font-bold tabular-nums" data-testid={`summary-${status}`}>
                    {dashboard.summary[status]}
                  </span>
                </Link>
              </li>
            );
          })}
        </ul>
      </section>

      <section aria-labelledby="units-heading">
        <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="units-heading" className="text-lg font-semibold">
            各单位情况{filters.status !== null ? `（${DEADLINE_STATUS_LABELS[filters.status]}）` : ""}
          </h2>
          <p className="flex gap-3 text-sm">
            <a href={`/review/deadlines/export?format=csv&${exportQuery}`} className="text-blue-800 underline underline-offset-2 hover:text-blue-950">
              导出 CSV
            </a>
            <a href={`/review/deadlines/export?format=xlsx&${exportQuery}`} className="text-blue-800 underline underline-offset-2 hover:text-blue-950">
              导出 Excel
            </a>
          </p>
        </div>
        <DeadlineTable rows={dashboard.rows} caption={caption} />
      </section>
    </div>
  );
}
