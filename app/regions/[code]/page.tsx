import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DepartmentUnits } from "@/components/public/department-units";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { loadRegionPage } from "@/lib/public/queries";

export const dynamic = "force-dynamic";

type Params = Promise<{ code: string }>;

/** Region codes are 行政区划代码 (six digits); the pattern is looser so that test regions work too. */
const REGION_CODE = /^[0-9A-Za-z]{1,12}$/;

async function load(params: Params) {
  const { code } = await params;
  return REGION_CODE.test(code) ? loadRegionPage(code) : null;
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const page = await load(params);
  return { title: page ? `${page.region.name}单位预算` : "未找到页面" };
}

export default async function RegionPage({ params }: { params: Params }) {
  const page = await load(params);
  if (page === null) notFound();
  const { region, ancestors, children, departments } = page;
  return (
    <div>
      <Breadcrumbs
        items={[
          { label: "首页", href: "/" },
          ...ancestors.map((a) => ({ label: a.name, href: `/regions/${a.code}` })),
          { label: region.name },
        ]}
      />
      <h1 className="mb-2 text-2xl font-bold">{region.name}单位预算公开</h1>
      <p className="mb-6 text-sm text-slate-700">
        行政区划代码 <span className="font-mono">{region.code}</span>
      </p>
      {children.length > 0 && (
        <section aria-labelledby="sub-regions" className="mb-8">
          <h2 id="sub-regions" className="mb-2 text-lg font-semibold">
            下级地区
          </h2>
          <ul className="flex flex-wrap gap-x-6 gap-y-2">
            {children.map((child) => (
              <li key={child.code}>
                <Link href={`/regions/${child.code}`} className="text-blue-800 underline underline-offset-2 hover:text-blue-950">
                  {child.name}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}
      {departments.length === 0 ? (
        <p className="rounded border border-slate-300 bg-slate-50 p-4">{region.name}本级暂无已公开的单位预算。</p>
      ) : (
        departments.map((department) => <DepartmentUnits key={department.code} department={department} />)
      )}
    </div>
  );
}
