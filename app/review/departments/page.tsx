import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getViewer } from "@/lib/auth/session";
import { listReviewedDepartments } from "@/lib/department/department-pages";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "部门预算" };

/** The departments whose 部门预算 the signed-in department reviewer publishes. */
export default async function DepartmentsPage() {
  const viewer = await getViewer();
  if (viewer === null) redirect(`/login?next=${encodeURIComponent("/review/departments")}`);
  const departments = await listReviewedDepartments(viewer);
  return (
    <div className="mx-auto max-w-5xl">
      <h1 className="mb-4 text-2xl font-bold">部门预算</h1>
      {departments.length === 0 ? (
        <p className="rounded border border-slate-300 bg-slate-50 p-4">您不是任何主管部门的审核人。</p>
      ) : (
        <ul className="space-y-2">
          {departments.map((d) => (
            <li key={d.departmentId}>
              <Link href={`/review/departments/${d.departmentId}`} className="text-blue-800 underline underline-offset-2 hover:text-blue-950">
                {d.name}
              </Link>
              <span className="ml-2 font-mono text-xs text-slate-700">部门编码 {d.code}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
