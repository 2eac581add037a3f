import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { BudgetTable } from "@/components/disclosure/budget-table";
import { deriveTables } from "@/lib/disclosure/derive-tables";
import { amountUnitLabel, formatAmount } from "@/lib/disclosure/money";
import { generateNarrative } from "@/lib/disclosure/narrative";
import { TABLE_IDS } from "@/lib/disclosure/table-model";
import { loadPublicBudget } from "@/lib/public/budget-pages";

export const dynamic = "force-dynamic";

type Params = Promise<{ year: string; unit: string }>;

async function load(params: Params) {
  const { year, unit } = await params;
  if (!/^\d{4}$/.test(year) || !/^\d{3,12}$/.test(unit)) return null;
  return loadPublicBudget(Number(year), unit);
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const loaded = await load(params);
  return { title: loaded ? `${loaded.budget.unit.name}${loaded.budget.year}年单位预算` : "未找到预算" };
}

export default async function UnitBudgetPage({ params }: { params: Params }) {
  const loaded = await load(params);
  if (!loaded) notFound();
  const { budget, codeBook } = loaded;
  const tables = deriveTables(budget, codeBook);
  const narrative = generateNarrative(budget, tables);
  const heading = `${budget.unit.code}${budget.unit.name}    预算年度：${budget.year}`;
  return (
    <article>
      <nav aria-label="面包屑" className="no-print mb-4 text-sm text-slate-700">
        <Link href="/" className="text-blue-800 underline underline-offset-2">首页</Link>
        <span aria-hidden="true"> › </span>
        <span>{budget.region.name}</span>
        <span aria-hidden="true"> › </span>
        <span>{budget.department.name}</span>
      </nav>
      <header className="mb-6">
        <h1 className="text-2xl font-bold leading-snug">
          {budget.unit.name}
          <br className="sm:hidden" />
          <span className="sm:ml-2">{budget.year}年单位预算</span>
        </h1>
        <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr_auto_1fr]">
          <dt className="text-slate-700">单位编码</dt>
          <dd className="font-mono">{budget.unit.code}</dd>
          <dt className="text-slate-700">预算年度</dt>
          <dd>{budget.year}</dd>
          <dt className="text-slate-700">收入总计</dt>
          <dd className="tabular-nums" data-testid="grand-total">{formatAmount(narrative.figures.income.total, budget.amountUnit)}
            {amountUnitLabel(budget.amountUnit)}</dd>
          <dt className="text-slate-700">单位性质</dt>
          <dd>{budget.unit.nature}</dd>
        </dl>
      </header>
      <nav aria-label="目录" className="no-print mb-8 rounded border border-slate-300 bg-slate-50 p-4">
        <h2 className="mb-2 font-semibold">目录</h2>
        <ol className="grid gap-1 text-sm sm:grid-cols-2">
          {TABLE_IDS.map((id) => (
            <li key={id}>
              <a className="text-blue-800 underline underline-offset-2" href={`#${id}`}>
                表{tables[id].number} {tables[id].title}
              </a>
            </li>
          ))}
          <li>
            <a className="text-blue-800 underline underline-offset-2" href="#narrative">情况说明</a>
          </li>
        </ol>
      </nav>
      {TABLE_IDS.map((id) => (
        <BudgetTable key={id} table={tables[id]} unit={budget.amountUnit} unitHeading={heading} />
      ))}
      <section id="narrative" aria-labelledby="narrative-title" className="prose-sm max-w-none leading-7">
        <h2 id="narrative-title" className="mb-3 text-xl font-bold">
          {budget.unit.name}
          {budget.year}年单位预算信息公开情况说明
        </h2>
        <p className="mb-3">{narrative.intro}</p>
        <h3 className="mt-4 font-semibold">一、单位职责及机构设置情况</h3>
        <p className="mt-2 font-semibold">单位职责：</p>
        {budget.unit.duties.map((duty, i) => (
          <p key={i} className="mt-1">{duty}</p>
        ))}
        <p className="mt-3 font-semibold">机构设置：</p>
        {budget.unit.organisation ? <p className="mt-1">{budget.unit.organisation}</p> : null}
        <div className="mt-2 overflow-x-auto">
          <table className="w-full border-collapse text-sm">
            <caption className="py-1 text-left font-medium">单位机构设置情况</caption>
            <thead className="bg-slate-100">
              <tr>
                {["单位名称", "单位性质", "单位规格", "经费保障形式"].map((label) => (
                  <th key={label} scope="col" className="border border-slate-300 px-2 py-1 font-medium">{label}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row" className="border border-slate-300 px-2 py-1 text-left font-normal">{budget.unit.name}</th>
                <td className="border border-slate-300 px-2 py-1 text-center">{budget.unit.nature}</td>
                <td className="border border-slate-300 px-2 py-1 text-center">{budget.unit.grade}</td>
                <td className="border border-slate-300 px-2 py-1 text-center">{budget.unit.fundingForm}</td>
              </tr>
            </tbody>
          </table>
        </div>
        <h3 className="mt-4 font-semibold">二、单位预算安排的总体情况</h3>
        <p className="mt-2"><strong>1、收入说明：</strong>{narrative.income}</p>
        <p className="mt-2"><strong>2、支出说明：</strong>{narrative.expenditure}</p>
        <p className="mt-2"><strong>3、比上年增减情况：</strong>{narrative.change}</p>
        <h3 className="mt-4 font-semibold">三、机关运行经费安排情况</h3>
        <p className="mt-2">{narrative.operatingFunds}</p>
        <h3 className="mt-4 font-semibold">四、财政拨款“三公”经费预算情况及增减变化原因</h3>
        <p className="mt-2">{narrative.threePublic}</p>
      </section>
    </article>
  );
}
