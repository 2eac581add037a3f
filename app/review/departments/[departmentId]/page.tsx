import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { DisclosureDocument } from "@/components/disclosure/disclosure-document";
import { DOCUMENT_CSS } from "@/components/disclosure/document-css";
import { AppError } from "@/lib/app-error";
import { getViewer } from "@/lib/auth/session";
import { BUDGET_STATUS_LABELS } from "@/lib/budgets/status-labels";
import { previewDepartment } from "@/lib/department/department-pages";
import type { DepartmentPreview } from "@/lib/department/preview-department-budget";
import { PublishForm } from "./publish-form";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "部门预算" };

type Params = Promise<{ departmentId: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const cell = "border-b border-slate-200 px-3 py-2 align-top";
const link = "text-blue-800 underline underline-offset-2 hover:text-blue-950";

async function load(departmentId: number, year: number | undefined, path: string): Promise<DepartmentPreview> {
  const viewer = await getViewer();
  if (viewer === null) redirect(`/login?next=${encodeURIComponent(path)}`);
  try {
    return await previewDepartment(viewer, { departmentId, ...(year === undefined ? {} : { year }) });
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}

/** 部门预算: the department's units, where their budgets stand, the derived department document and 公开部门预算. */
export default async function DepartmentBudgetPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const { departmentId: idParam } = await params;
  if (!/^\d{1,9}$/.test(idParam)) notFound();
  const query = await searchParams;
  const year = typeof query.year === "string" && /^\d{4}$/.test(query.year) ? Number(query.year) : undefined;
  const publishedVersion = typeof query.published === "string" && /^\d{1,6}$/.test(query.published) ? Number(query.published) : null;
  const path = `/review/departments/${idParam}${year === undefined ? "" : `?year=${year}`}`;
  const preview = await load(Number(idParam), year, path);
  const { state, content } = preview;
  const nextVersion = (state.published?.version ?? 0) + 1;

  return (
    <div className="mx-auto max-w-5xl">
      <h1 className="mb-1 text-2xl font-bold">
        {state.name}
        {state.year}年部门预算
      </h1>
      <p className="mb-4 text-slate-800">
        部门编码 <span className="font-mono">{state.code}</span> · {state.region.name} · 部门预算为所属单位已批复预算之和
      </p>
      {preview.years.length > 1 && (
        <nav aria-label="年度" className="mb-6 flex flex-wrap gap-3 text-sm">
          {preview.years.map((y) =>
            y === state.year ? (
              <span key={y} aria-current="page" className="font-semibold">
                {y}年度
              </span>
            ) : (
              <Link key={y} href={`/review/departments/${state.departmentId}?year=${y}`} className={link}>
                {y}年度
              </Link>
            ),
          )}
        </nav>
      )}

      {publishedVersion !== null && state.published?.version === publishedVersion && preview.publicPath !== null && (
        <p role="status" className="mb-6 rounded border-l-4 border-green-700 bg-green-50 px-4 py-3 text-green-900">
          部门预算第{publishedVersion}版已公开：
          <a href={preview.publicPath} className={link}>
            查看公开页面
          </a>
        </p>
      )}

      <section aria-labelledby="units-heading" className="mb-8">
        <h2 id="units-heading" className="mb-3 text-lg font-semibold">
          所属单位（{state.units.length}个）
        </h2>
        <div className="overflow-x-auto">
          <table className="w-full border-collapse text-sm">
            <caption className="sr-only">所属单位{state.year}年预算状态及汇总版本</caption>
            <thead>
              <tr className="bg-slate-100 text-left">
                <th scope="col" className={`${cell} font-medium`}>
                  单位
                </th>
                <th scope="col" className={`${cell} font-medium`}>
                  最新版本状态
                </th>
                <th scope="col" className={`${cell} font-medium`}>
                  纳入汇总
                </th>
              </tr>
            </thead>
            <tbody>
              {state.units.map((unit) => (
                <tr key={unit.unitId}>
                  <th scope="row" className={`${cell} text-left font-normal`}>
                    {unit.name}
                    <span className="mt-0.5 block font-mono text-xs text-slate-700">单位编码 {unit.code}</span>
                  </th>
                  <td className={cell}>
                    {unit.newest === null ? "尚未填报" : `第${unit.newest.version}版 · ${BUDGET_STATUS_LABELS[unit.newest.status]}`}
                  </td>
                  <td className={cell}>
                    {unit.approved === null ? (
                      <span className="font-semibold text-red-800">未纳入（尚未批复）</span>
                    ) : (
                      `第${unit.approved.version}版（${BUDGET_STATUS_LABELS[unit.approved.status]}）`
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="publish-heading" className="mb-8 rounded border border-slate-300 p-4 sm:p-5">
        <h2 id="publish-heading" className="mb-3 text-lg font-semibold">
          公开
        </h2>
        {state.published !== null && preview.publicPath !== null && (
          <p className="mb-3">
            已公开第{state.published.version}版。
            <a href={preview.publicPath} className={link}>
              查看公开页面
            </a>
          </p>
        )}
        {preview.notReadyReason !== null ? (
          <p className="rounded border-l-4 border-amber-600 bg-amber-50 px-4 py-3 text-amber-950">{preview.notReadyReason}</p>
        ) : preview.isUpToDate ? (
          <p>所属单位的已批复预算自上次公开后没有变化，无需重新公开。</p>
        ) : !preview.canPublish ? (
          <p>部门预算由本部门（主管部门）审核人公开。</p>
        ) : (
          <PublishForm departmentId={state.departmentId} year={state.year} version={nextVersion} needsCorrectionNote={state.published !== null} />
        )}
      </section>

      {content !== null && (
        <section aria-labelledby="preview-heading">
          <h2 id="preview-heading" className="mb-1 text-lg font-semibold">
            公开预览
          </h2>
          <p className="mb-4 text-sm text-slate-700">以下是部门预算公开后的样式：九张表和情况说明由所属单位已批复的预算汇总生成。</p>
          <style>{DOCUMENT_CSS}</style>
          <div className="overflow-x-auto rounded border border-slate-300 p-2 sm:p-4">
            <DisclosureDocument content={content} />
          </div>
        </section>
      )}
    </div>
  );
}
