import type { Metadata } from "next";
import { PublishedBudgetList } from "@/components/public/published-budget-list";
import { YearFilter } from "@/components/public/year-filter";
import { listPublishedBudgets } from "@/lib/public/queries";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: { absolute: "单位预算公开 · 预算公开平台" } };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** `?year=2024`; anything else (absent, repeated, malformed) means every year. */
function parseYear(value: string | string[] | undefined): number | null {
  return typeof value === "string" && /^\d{4}$/.test(value) ? Number(value) : null;
}

export default async function HomePage({ searchParams }: { searchParams: SearchParams }) {
  const year = parseYear((await searchParams).year);
  const index = await listPublishedBudgets(year === null ? {} : { year });
  return (
    <div>
      <h1 className="mb-2 text-2xl font-bold">单位预算公开</h1>
      <p className="mb-6 max-w-3xl text-slate-700">
        按地区和年度查阅已公开的单位预算。每份预算包含九张公开表、情况说明和项目绩效目标，表内数字由同一份数据生成，彼此一致；更正后的预算以最新版本列示，原版本仍可查阅。
      </p>
      {index.years.length > 0 && <YearFilter years={index.years} selected={year} />}
      {index.regions.length === 0 ? (
        <p className="rounded border border-slate-300 bg-slate-50 p-4">
          {year === null ? "暂无已公开的单位预算。" : `${year}年度暂无已公开的单位预算。`}
        </p>
      ) : (
        index.regions.map((listing) => <PublishedBudgetList key={listing.region.code} listing={listing} />)
      )}
    </div>
  );
}
