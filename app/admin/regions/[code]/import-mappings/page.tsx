import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { AdminNav, linkClass } from "@/components/organisation/form-parts";
import { AppError } from "@/lib/app-error";
import { refusePage } from "@/lib/auth/refuse-page";
import { getViewer } from "@/lib/auth/session";
import { regionHeaderMappings } from "@/lib/header-mappings/admin";
import type { RegionHeaderMappings } from "@/lib/header-mappings/region-header-mappings";
import { AddMappingForm, DeleteMappingButton } from "./mapping-forms";

export const metadata: Metadata = { title: "Excel 表头对应关系" };
export const dynamic = "force-dynamic";

const DATE = new Intl.DateTimeFormat("zh-CN", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit" });

export default async function ImportMappingsPage({ params }: PageProps<"/admin/regions/[code]/import-mappings">) {
  const { code } = await params;
  const viewer = await getViewer();
  if (viewer === null) redirect(`/login?next=/admin/regions/${encodeURIComponent(code)}/import-mappings`);
  let page: RegionHeaderMappings;
  try {
    page = await regionHeaderMappings.load(viewer, code);
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    if (error instanceof AppError && error.code === "FORBIDDEN") return refusePage(viewer, `/admin/regions/${code}/import-mappings`);
    throw error;
  }
  const { region } = page;
  return (
    <div>
      <AdminNav current="regions" />
      <p className="mb-2 text-sm">
        <Link href={`/admin/regions/${region.code}`} className={linkClass}>
          {region.name}
        </Link>
      </p>
      <h1 className="mb-1 text-2xl font-bold">{region.name}：Excel 表头对应关系</h1>
      <p className="mb-6 max-w-3xl text-slate-800">
        预算管理一体化系统导出的工作簿中，系统不认识的表头按这里的对应关系读取。本地区所有单位导入时共用；单位会计在导入时指定的对应关系也列在这里。
      </p>
      <section aria-labelledby="mappings-heading" className="mb-10">
        <h2 id="mappings-heading" className="mb-3 text-lg font-semibold">
          已有的对应关系（{page.mappings.length} 条）
        </h2>
        {page.mappings.length === 0 ? (
          <p className="rounded border border-slate-300 bg-slate-50 px-4 py-3">本地区还没有对应关系：导入的工作簿只按系统内置的表头读取。</p>
        ) : (
          <div role="region" aria-label="表头对应关系列表" tabIndex={0} className="overflow-x-auto focus:outline-2 focus:outline-blue-800">
            <table className="w-full min-w-[36rem] border-collapse text-sm">
              <thead className="text-left">
                <tr className="border-b-2 border-slate-300">
                  <th scope="col" className="px-3 py-2 font-semibold">工作表</th>
                  <th scope="col" className="px-3 py-2 font-semibold">表头</th>
                  <th scope="col" className="px-3 py-2 font-semibold">对应内容</th>
                  <th scope="col" className="px-3 py-2 font-semibold">更新日期</th>
                  <th scope="col" className="px-3 py-2 font-semibold">操作</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-200">
                {page.mappings.map((m) => (
                  <tr key={m.id}>
                    <td className="px-3 py-2">{m.sheetLabel}</td>
                    <td className="px-3 py-2 font-medium">{m.header}</td>
                    <td className="px-3 py-2">{m.fieldLabel}</td>
                    <td className="px-3 py-2 tabular-nums">{DATE.format(new Date(m.updatedAt))}</td>
                    <td className="px-3 py-2">
                      <DeleteMappingButton regionCode={region.code} mappingId={m.id} header={m.header} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section aria-labelledby="add-mapping-heading">
        <h2 id="add-mapping-heading" className="mb-3 text-lg font-semibold">
          新增对应关系
        </h2>
        <AddMappingForm regionCode={region.code} choices={page.choices} />
      </section>
    </div>
  );
}
