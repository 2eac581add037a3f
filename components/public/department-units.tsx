import type { RegionPage } from "@/lib/public/queries";
import { versionLabel } from "./published-budget-list";

const cell = "border-b border-slate-200 px-3 py-2 align-top";

/** A department of a region page: its units, each with links to its published budgets by year. */
export function DepartmentUnits({ department }: { department: RegionPage["departments"][number] }) {
  const headingId = `department-${department.code}`;
  return (
    <section aria-labelledby={headingId} className="mb-8">
      <div className="mb-2 flex flex-wrap items-baseline gap-x-3">
        <h2 id={headingId} className="text-lg font-semibold">
          {department.name}
        </h2>
        <p className="font-mono text-xs text-slate-700">部门编码 {department.code}</p>
      </div>
      <table className="w-full border-collapse text-sm">
        <caption className="sr-only">{department.name}所属单位已公开的预算</caption>
        <thead>
          <tr className="bg-slate-100 text-left">
            <th scope="col" className={`${cell} w-1/2 font-medium`}>
              单位
            </th>
            <th scope="col" className={`${cell} font-medium`}>
              已公开的预算
            </th>
          </tr>
        </thead>
        <tbody>
          {department.budgets.length > 0 && (
            <tr className="bg-slate-50">
              <th scope="row" className={`${cell} text-left font-normal`}>
                部门预算
                <span className="mt-0.5 block text-xs text-slate-700">所属单位汇总</span>
              </th>
              <td className={cell}>
                <ul className="flex flex-wrap gap-x-4 gap-y-1">
                  {department.budgets.map((b) => (
                    <li key={b.year}>
                      <a
                        href={`/budgets/${b.year}/departments/${b.departmentCode}`}
                        className="text-blue-800 underline underline-offset-2 hover:text-blue-950"
                      >
                        <span className="sr-only">{department.name}</span>
                        {b.year}年部门预算
                      </a>
                      {b.version > 1 && <span className="ml-1 whitespace-nowrap text-xs text-slate-700">{versionLabel(b.version)}</span>}
                    </li>
                  ))}
                </ul>
              </td>
            </tr>
          )}
          {department.units.map((unit) => (
            <tr key={unit.code}>
              <th scope="row" className={`${cell} text-left font-normal`}>
                {unit.name}
                <span className="mt-0.5 block font-mono text-xs text-slate-700">单位编码 {unit.code}</span>
              </th>
              <td className={cell}>
                <ul className="flex flex-wrap gap-x-4 gap-y-1">
                  {unit.budgets.map((b) => (
                    <li key={b.year}>
                      <a href={`/budgets/${b.year}/${b.unitCode}`} className="text-blue-800 underline underline-offset-2 hover:text-blue-950">
                        <span className="sr-only">{unit.name}</span>
                        {b.year}年度预算
                      </a>
                      {b.version > 1 && <span className="ml-1 whitespace-nowrap text-xs text-slate-700">{versionLabel(b.version)}</span>}
                    </li>
                  ))}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
