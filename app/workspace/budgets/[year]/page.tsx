import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getViewer } from "@/lib/auth/session";
import { listAccountantUnits } from "@/lib/budgets/workspace";
import { workspaceBudgetPath } from "@/lib/budgets/workspace-paths";

export const metadata: Metadata = { title: "选择单位" };

type Params = Promise<{ year: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/**
 * The URL before the unit became part of it: an accountant of one unit is sent to that unit's
 * budget (query kept); an accountant of several units (代理记账) picks the unit.
 */
export default async function WorkspaceBudgetUnitPicker({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const { year: yearParam } = await params;
  if (!/^\d{4}$/.test(yearParam)) notFound();
  const year = Number(yearParam);
  const viewer = await getViewer();
  if (viewer === null) redirect(`/login?next=${encodeURIComponent(`/workspace/budgets/${year}`)}`);
  const units = await listAccountantUnits(viewer);
  if (units.length === 0) notFound();
  const [only] = units;
  if (units.length === 1 && only !== undefined) {
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(await searchParams)) {
      for (const item of Array.isArray(value) ? value : value === undefined ? [] : [value]) query.append(key, item);
    }
    const search = query.toString();
    redirect(`${workspaceBudgetPath(only.unitCode, year)}${search === "" ? "" : `?${search}`}`);
  }
  return (
    <div className="mx-auto max-w-3xl">
      <p className="mb-4 text-sm">
        <Link href="/workspace" className="text-blue-800 underline underline-offset-2 hover:text-blue-950">返回工作台</Link>
      </p>
      <h1 className="mb-4 text-2xl font-bold">{year}年预算：选择单位</h1>
      <p className="mb-4 text-slate-800">您是多个单位的填报人，请选择要填报或查看的单位：</p>
      <ul className="divide-y divide-slate-200 rounded border border-slate-300">
        {units.map((unit) => (
          <li key={unit.unitCode} className="px-4 py-3">
            <Link href={workspaceBudgetPath(unit.unitCode, year)} className="font-medium text-blue-800 underline underline-offset-2 hover:text-blue-950">
              {unit.unitCode} {unit.unitName}
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
