import Link from "next/link";
import { listPublicBudgets } from "@/lib/public/budget-pages";

export const dynamic = "force-dynamic";

export default async function HomePage() {
  const budgets = await listPublicBudgets();
  const byRegion = new Map<string, typeof budgets>();
  for (const b of budgets) byRegion.set(b.regionName, [...(byRegion.get(b.regionName) ?? []), b]);
  return (
    <div>
      <h1 className="mb-2 text-2xl font-bold">单位预算公开</h1>
      <p className="mb-6 text-slate-700">按地区、单位和年度查阅经财政部门批复的单位预算。每份预算包含九张公开表，表内数字由同一份数据生成，彼此一致。</p>
      {budgets.length === 0 ? (
        <p className="rounded border border-slate-300 bg-slate-50 p-4">暂无已批复的单位预算。</p>
      ) : (
        [...byRegion].map(([region, items]) => (
          <section key={region} className="mb-8" aria-labelledby={`region-${region}`}>
            <h2 id={`region-${region}`} className="mb-3 text-lg font-semibold">
              {region}
            </h2>
            <div className="overflow-x-auto">
              <table className="w-full border-collapse text-sm">
                <caption className="sr-only">{region}的单位预算</caption>
                <thead className="bg-slate-100">
                  <tr>
                    <th scope="col" className="border border-slate-300 px-3 py-2 text-left">单位编码</th>
                    <th scope="col" className="border border-slate-300 px-3 py-2 text-left">单位名称</th>
                    <th scope="col" className="border border-slate-300 px-3 py-2 text-left">主管部门</th>
                    <th scope="col" className="border border-slate-300 px-3 py-2 text-left">预算年度</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((b) => (
                    <tr key={`${b.unitCode}-${b.year}`}>
                      <td className="border border-slate-300 px-3 py-2 font-mono">{b.unitCode}</td>
                      <th scope="row" className="border border-slate-300 px-3 py-2 text-left font-normal">
                        <Link className="text-blue-800 underline underline-offset-2 hover:text-blue-950" href={`/budgets/${b.year}/${b.unitCode}`}>
                          {b.unitName}
                        </Link>
                      </th>
                      <td className="border border-slate-300 px-3 py-2">{b.departmentName}</td>
                      <td className="border border-slate-300 px-3 py-2">{b.year}年</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        ))
      )}
    </div>
  );
}
