import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { AdminNav, linkClass } from "@/components/organisation/form-parts";
import { AppError } from "@/lib/app-error";
import { refusePage } from "@/lib/auth/refuse-page";
import { getViewer } from "@/lib/auth/session";
import { REGION_LEVEL_LABELS } from "@/lib/organisation/organisation-schemas";
import { loadRegionOrganisation, type RegionOrganisation } from "@/lib/organisation/queries";
import { DepartmentForm, RenameRegionForm, UnitActiveButton, UnitForm } from "../organisation-forms";

export const metadata: Metadata = { title: "地区的部门和单位" };
export const dynamic = "force-dynamic";

export default async function RegionOrganisationPage({ params }: PageProps<"/admin/regions/[code]">) {
  const { code } = await params;
  const viewer = await getViewer();
  if (viewer === null) redirect(`/login?next=/admin/regions/${encodeURIComponent(code)}`);
  let page: RegionOrganisation;
  try {
    page = await loadRegionOrganisation(viewer, code);
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    if (error instanceof AppError && error.code === "FORBIDDEN") return refusePage(viewer, `/admin/regions/${code}`);
    throw error;
  }
  const { region } = page;
  const unitCount = page.departments.reduce((sum, d) => sum + d.units.length, 0);
  return (
    <div>
      <AdminNav current="regions" />
      <p className="mb-2 text-sm">
        <Link href="/admin/regions" className={linkClass}>全部地区</Link>
        {region.parent !== null && <> › <Link href={`/admin/regions/${region.parent.code}`} className={linkClass}>{region.parent.name}</Link></>}
      </p>
      <h1 className="mb-1 text-2xl font-bold">{region.name}</h1>
      <p className="mb-6 text-sm text-slate-700">
        {REGION_LEVEL_LABELS[region.level]} · 行政区划代码 {region.code} · {page.departments.length} 个主管部门，{unitCount} 个预算单位
        {page.children.length > 0 && <>。下级地区：{page.children.map((c, i) => <span key={c.code}>{i > 0 && "、"}<Link href={`/admin/regions/${c.code}`} className={linkClass}>{c.name}</Link></span>)}</>}
      </p>
      <p className="mb-6 text-sm">
        <Link href={`/admin/regions/${region.code}/import-mappings`} className={linkClass}>
          Excel 表头对应关系
        </Link>
        （预算工作簿导入时本地区共用）
      </p>
      <section aria-labelledby="rename-heading" className="mb-8 max-w-xl">
        <h2 id="rename-heading" className="sr-only">修改地区名称</h2>
        <RenameRegionForm regionId={region.id} name={region.name} />
      </section>

      <section aria-labelledby="departments-heading" className="mb-10">
        <h2 id="departments-heading" className="mb-3 text-lg font-semibold">主管部门和预算单位</h2>
        {page.departments.length === 0 ? (
          <p className="rounded border border-slate-300 bg-slate-50 px-4 py-3">
            本地区还没有主管部门。请在下方新增，或<Link href="/admin/import/units" className={linkClass}>从文件批量导入</Link>。
          </p>
        ) : (
          <div className="space-y-6">
            {page.departments.map((department) => (
              <div key={department.id} className="rounded border border-slate-300">
                <div className="flex flex-wrap items-baseline justify-between gap-2 bg-slate-100 px-3 py-2">
                  <h3 className="font-semibold">
                    {department.code} {department.name}
                    {department.hasDepartmentReview && <span className="ml-2 text-sm font-normal text-slate-700">（主管部门初审）</span>}
                  </h3>
                  <Link href={`/admin/departments/${department.id}`} className={`${linkClass} text-sm`} aria-label={`修改部门 ${department.code} ${department.name}`}>
                    修改部门
                  </Link>
                </div>
                {department.units.length === 0 ? (
                  <p className="px-3 py-2 text-sm text-slate-700">尚无预算单位。</p>
                ) : (
                  <div role="region" aria-label={`${department.name}的预算单位`} tabIndex={0} className="overflow-x-auto focus:outline-2 focus:outline-blue-800">
                    <table className="w-full min-w-[40rem] table-fixed border-collapse text-sm">
                      <thead className="text-left">
                        <tr className="border-b border-slate-200">
                          <th scope="col" className="px-3 py-2 font-semibold" style={{ width: "36%" }}>单位</th>
                          <th scope="col" className="px-3 py-2 font-semibold" style={{ width: "11%" }}>单位性质</th>
                          <th scope="col" className="px-3 py-2 font-semibold" style={{ width: "11%" }}>单位规格</th>
                          <th scope="col" className="px-3 py-2 font-semibold" style={{ width: "14%" }}>经费保障形式</th>
                          <th scope="col" className="px-3 py-2 font-semibold" style={{ width: "11%" }}>状态</th>
                          <th scope="col" className="px-3 py-2 font-semibold">操作</th>
                        </tr>
                      </thead>
                      <tbody className="divide-y divide-slate-200">
                        {department.units.map((unit) => (
                          <tr key={unit.id} className={unit.isActive ? "" : "bg-slate-50 text-slate-600"}>
                            <th scope="row" className="px-3 py-2 text-left font-normal">
                              <span className="tabular-nums">{unit.code}</span> {unit.name}
                            </th>
                            <td className="px-3 py-2">{unit.nature || "—"}</td>
                            <td className="px-3 py-2">{unit.grade || "—"}</td>
                            <td className="px-3 py-2">{unit.fundingForm || "—"}</td>
                            <td className="px-3 py-2">{unit.isActive ? "启用" : "已停用"}{unit.budgetCount > 0 && <span className="block text-xs text-slate-600">{unit.budgetCount} 个预算版本</span>}</td>
                            <td className="px-3 py-2">
                              <div className="flex flex-wrap items-center gap-2">
                                <Link href={`/admin/units/${unit.id}`} className={linkClass} aria-label={`修改单位 ${unit.code} ${unit.name}`}>
                                  修改
                                </Link>
                                <UnitActiveButton unitId={unit.id} unitLabel={`${unit.code} ${unit.name}`} isActive={unit.isActive} />
                              </div>
                            </td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                )}
              </div>
            ))}
          </div>
        )}
      </section>

      <div className="grid gap-8 lg:grid-cols-2">
        <section aria-labelledby="create-department-heading" className="rounded border border-slate-300 p-4 sm:p-5">
          <h2 id="create-department-heading" className="mb-3 text-lg font-semibold">新增主管部门</h2>
          <DepartmentForm regionId={region.id} />
        </section>
        <section aria-labelledby="create-unit-heading" className="rounded border border-slate-300 p-4 sm:p-5">
          <h2 id="create-unit-heading" className="mb-3 text-lg font-semibold">新增预算单位</h2>
          <UnitForm departments={page.departments.map((d) => ({ value: String(d.id), label: `${d.code} ${d.name}` }))} />
        </section>
      </div>
    </div>
  );
}
