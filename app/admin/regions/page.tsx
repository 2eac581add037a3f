import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { AdminNav, linkClass } from "@/components/organisation/form-parts";
import { AppError } from "@/lib/app-error";
import { refusePage } from "@/lib/auth/refuse-page";
import { getViewer } from "@/lib/auth/session";
import { isGlobalAdministrator } from "@/lib/organisation/organisation-access";
import { REGION_LEVEL_LABELS } from "@/lib/organisation/organisation-schemas";
import { loadAdministeredRegions, type RegionNode } from "@/lib/organisation/queries";
import { CreateRegionForm } from "./organisation-forms";

export const metadata: Metadata = { title: "地区、部门和单位" };
export const dynamic = "force-dynamic";

export default async function RegionsPage() {
  const viewer = await getViewer();
  if (viewer === null) redirect("/login?next=/admin/regions");
  let regions: RegionNode[];
  try {
    regions = await loadAdministeredRegions(viewer);
  } catch (error) {
    if (error instanceof AppError && error.code === "FORBIDDEN") return refusePage(viewer, "/admin/regions");
    throw error;
  }
  const canCreateTopLevel = isGlobalAdministrator(viewer);
  return (
    <div>
      <AdminNav current="regions" />
      <h1 className="mb-1 text-2xl font-bold">地区、部门和单位</h1>
      <p className="mb-6 text-sm text-slate-700">
        {canCreateTopLevel ? "您是全局系统管理员，可管理全部地区。" : "您可管理本地区及其下级地区的主管部门和预算单位。"}
        选择一个地区，维护其主管部门和预算单位；大量单位请用
        <Link href="/admin/import/units" className={linkClass}>批量导入单位</Link>。所有修改均记入审计日志。
      </p>
      <section aria-labelledby="regions-heading" className="mb-10">
        <h2 id="regions-heading" className="mb-3 text-lg font-semibold">地区</h2>
        {regions.length === 0 ? (
          <p className="rounded border border-slate-300 bg-slate-50 px-4 py-3">还没有地区。请先新增地区（例如单独上线的县，不选上级）。</p>
        ) : (
          <div role="region" aria-label="地区列表" tabIndex={0} className="overflow-x-auto rounded border border-slate-300 focus:outline-2 focus:outline-blue-800">
            <table className="w-full min-w-[32rem] border-collapse text-sm">
              <thead className="bg-slate-100 text-left">
                <tr>
                  <th scope="col" className="px-3 py-2 font-semibold">地区</th>
                  <th scope="col" className="px-3 py-2 font-semibold">行政区划代码</th>
                  <th scope="col" className="px-3 py-2 font-semibold">级别</th>
                  <th scope="col" className="px-3 py-2 text-right font-semibold">主管部门</th>
                  <th scope="col" className="px-3 py-2 text-right font-semibold">预算单位</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-200">
                {regions.map((region) => (
                  <tr key={region.id}>
                    <th scope="row" className="px-3 py-2 text-left font-normal">
                      <span style={{ paddingLeft: `${region.depth * 1.25}rem` }} className="inline-block">
                        {region.depth > 0 && <span aria-hidden="true" className="mr-1 text-slate-500">└</span>}
                        <Link href={`/admin/regions/${region.code}`} className={linkClass}>
                          {region.name}
                        </Link>
                      </span>
                    </th>
                    <td className="px-3 py-2 tabular-nums">{region.code}</td>
                    <td className="px-3 py-2">{REGION_LEVEL_LABELS[region.level]}</td>
                    <td className="px-3 py-2 text-right tabular-nums">{region.departmentCount}</td>
                    <td className="px-3 py-2 text-right tabular-nums">{region.unitCount}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section aria-labelledby="create-region-heading" className="max-w-xl rounded border border-slate-300 p-4 sm:p-5">
        <h2 id="create-region-heading" className="mb-3 text-lg font-semibold">新增地区</h2>
        <CreateRegionForm
          canCreateTopLevel={canCreateTopLevel}
          parents={regions.filter((r) => r.level !== "TOWNSHIP").map((r) => ({ value: String(r.id), label: `${r.name}（${r.code}，${REGION_LEVEL_LABELS[r.level]}）` }))}
        />
      </section>
    </div>
  );
}
