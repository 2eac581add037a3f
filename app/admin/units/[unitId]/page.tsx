import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { AdminNav, linkClass } from "@/components/organisation/form-parts";
import { AppError } from "@/lib/app-error";
import { refusePage } from "@/lib/auth/refuse-page";
import { getViewer } from "@/lib/auth/session";
import { loadUnitForEdit, type UnitForEdit } from "@/lib/organisation/queries";
import { UnitActiveButton, UnitForm } from "../../regions/organisation-forms";

export const metadata: Metadata = { title: "修改预算单位" };
export const dynamic = "force-dynamic";

export default async function EditUnitPage({ params }: PageProps<"/admin/units/[unitId]">) {
  const { unitId } = await params;
  const viewer = await getViewer();
  if (viewer === null) redirect(`/login?next=/admin/units/${encodeURIComponent(unitId)}`);
  const id = Number(unitId);
  if (!Number.isSafeInteger(id) || id <= 0) notFound();
  let unit: UnitForEdit;
  try {
    unit = await loadUnitForEdit(viewer, id);
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    if (error instanceof AppError && error.code === "FORBIDDEN") return refusePage(viewer, `/admin/units/${unitId}`);
    throw error;
  }
  return (
    <div className="max-w-3xl">
      <AdminNav current="regions" />
      <p className="mb-2 text-sm">
        <Link href={`/admin/regions/${unit.region.code}`} className={linkClass}>{unit.region.name}的部门和单位</Link>
      </p>
      <h1 className="mb-1 text-2xl font-bold">
        {unit.code} {unit.name}
      </h1>
      <div className="mb-6 flex flex-wrap items-center gap-3 text-sm text-slate-700">
        <span>状态：{unit.isActive ? "启用" : "已停用（不能创建新预算，已公开的文件仍然公开）"}</span>
        <UnitActiveButton unitId={unit.id} unitLabel={`${unit.code} ${unit.name}`} isActive={unit.isActive} />
      </div>
      <p className="mb-4 text-sm text-slate-700">单位编码不能修改。修改只影响今后新建的预算；已报送、批复和公开的预算保留其填报时的单位信息。</p>
      <UnitForm departments={unit.departments.map((d) => ({ value: String(d.id), label: `${d.code} ${d.name}` }))} unit={unit} />
    </div>
  );
}
