import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { AdminNav, linkClass } from "@/components/organisation/form-parts";
import { AppError } from "@/lib/app-error";
import { refusePage } from "@/lib/auth/refuse-page";
import { getViewer } from "@/lib/auth/session";
import { loadDepartmentForEdit, type DepartmentForEdit } from "@/lib/organisation/queries";
import { DepartmentForm } from "../../regions/organisation-forms";

export const metadata: Metadata = { title: "修改主管部门" };
export const dynamic = "force-dynamic";

export default async function EditDepartmentPage({ params }: PageProps<"/admin/departments/[departmentId]">) {
  const { departmentId } = await params;
  const viewer = await getViewer();
  if (viewer === null) redirect(`/login?next=/admin/departments/${encodeURIComponent(departmentId)}`);
  const id = Number(departmentId);
  if (!Number.isSafeInteger(id) || id <= 0) notFound();
  let department: DepartmentForEdit;
  try {
    department = await loadDepartmentForEdit(viewer, id);
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    if (error instanceof AppError && error.code === "FORBIDDEN") return refusePage(viewer, `/admin/departments/${departmentId}`);
    throw error;
  }
  return (
    <div className="max-w-xl">
      <AdminNav current="regions" />
      <p className="mb-2 text-sm">
        <Link href={`/admin/regions/${department.region.code}`} className={linkClass}>{department.region.name}的部门和单位</Link>
      </p>
      <h1 className="mb-1 text-2xl font-bold">
        {department.code} {department.name}
      </h1>
      <p className="mb-4 text-sm text-slate-700">部门编码不能修改（单位编码以它开头）。</p>
      <DepartmentForm department={department} />
    </div>
  );
}
