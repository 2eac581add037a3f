import { formatChinaDate } from "@/components/disclosure/china-time";
import type { RegionListing } from "@/lib/public/queries";

/** 第1版; a later version is a correction (更正) of a published budget. */
export function versionLabel(version: number): string {
  return version > 1 ? `第${version}版（更正）` : `第${version}版`;
}

const cell = "border-b border-slate-200 px-3 py-2 align-top";

/**
 * One region's published budgets on the home page, a table per year. On a phone the department
 * moves under the unit's name: three columns of long Chinese names would squeeze one of them to
 * a character per line.
 */
export function PublishedBudgetList({ listing }: { listing: RegionListing }) {
  const { region, ancestors, years } = listing;
  const headingId = `region-${region.code}`;
  return (
    <section aria-labelledby={headingId} className="mb-10">
      <div className="mb-3 flex flex-wrap items-baseline gap-x-3 border-b-2 border-slate-900 pb-1">
        <h2 id={headingId} className="text-xl font-semibold">
          <a href={`/regions/${region.code}`} className="text-slate-900 underline decoration-slate-400 underline-offset-4 hover:decoration-slate-900">
            {region.name}
          </a>
        </h2>
        {ancestors.length > 0 && <p className="text-sm text-slate-700">{ancestors.map((a) => a.name).join(" · ")}</p>}
      </div>
      {years.map(({ year, budgets, departments }) => (
        <div key={year} className="mb-6">
          <h3 className="mb-2 text-base font-semibold text-slate-800">{year}年度</h3>
          <table className="w-full border-collapse text-sm">
            <caption className="sr-only">
              {region.name}
              {year}年度已公开的单位预算
            </caption>
            <thead>
              <tr className="bg-slate-100 text-left">
                <th scope="col" className={`${cell} w-1/2 font-medium`}>
                  单位
                </th>
                <th scope="col" className={`${cell} hidden font-medium sm:table-cell`}>
                  主管部门
                </th>
                <th scope="col" className={`${cell} w-28 font-medium`}>
                  公开日期
                </th>
              </tr>
            </thead>
            <tbody>
              {inDepartmentOrder(budgets, departments).map((row) =>
                row.kind === "department" ? (
                  <tr key={`department-${row.item.departmentCode}`} className="bg-slate-50">
                    <th scope="row" className={`${cell} text-left font-normal`}>
                      <a
                        href={`/budgets/${row.item.year}/departments/${row.item.departmentCode}`}
                        className="font-medium text-blue-800 underline underline-offset-2 hover:text-blue-950"
                      >
                        {row.item.departmentName}部门预算
                      </a>
                      <span className="mt-0.5 block font-mono text-xs text-slate-700">部门编码 {row.item.departmentCode}</span>
                      <span className="mt-0.5 block text-xs text-slate-700">部门预算：所属单位汇总</span>
                    </th>
                    <td className={`${cell} hidden sm:table-cell`}>{row.item.departmentName}</td>
                    <td className={`${cell} whitespace-nowrap tabular-nums`}>
                      {formatChinaDate(row.item.publishedAt)}
                      <span className="block text-xs text-slate-700">{versionLabel(row.item.version)}</span>
                    </td>
                  </tr>
                ) : (
                  <UnitRow key={row.item.unitCode} b={row.item} />
                ),
              )}
            </tbody>
          </table>
        </div>
      ))}
    </section>
  );
}

type ListRow =
  | { kind: "department"; item: RegionListing["years"][number]["departments"][number] }
  | { kind: "unit"; item: RegionListing["years"][number]["budgets"][number] };

/** Each department's 部门预算 first, then its units (both lists come in code order). */
function inDepartmentOrder(budgets: RegionListing["years"][number]["budgets"], departments: RegionListing["years"][number]["departments"]): ListRow[] {
  const rows: ListRow[] = [];
  const placed = new Set<string>();
  for (const b of budgets) {
    for (const d of departments) {
      if (!placed.has(d.departmentCode) && d.departmentCode <= b.department.code) {
        rows.push({ kind: "department", item: d });
        placed.add(d.departmentCode);
      }
    }
    rows.push({ kind: "unit", item: b });
  }
  for (const d of departments) if (!placed.has(d.departmentCode)) rows.push({ kind: "department", item: d });
  return rows;
}

function UnitRow({ b }: { b: RegionListing["years"][number]["budgets"][number] }) {
  return (
                <tr key={b.unitCode}>
                  <th scope="row" className={`${cell} text-left font-normal`}>
                    <a href={`/budgets/${b.year}/${b.unitCode}`} className="text-blue-800 underline underline-offset-2 hover:text-blue-950">
                      {b.unitName}
                    </a>
                    <span className="mt-0.5 block font-mono text-xs text-slate-700">单位编码 {b.unitCode}</span>
                    <span className="mt-0.5 block text-xs text-slate-700 sm:hidden">主管部门：{b.department.name}</span>
                  </th>
                  <td className={`${cell} hidden sm:table-cell`}>{b.department.name}</td>
                  <td className={`${cell} whitespace-nowrap tabular-nums`}>
                    {formatChinaDate(b.publishedAt)}
                    <span className="block text-xs text-slate-700">{versionLabel(b.version)}</span>
                  </td>
                </tr>
  );
}
