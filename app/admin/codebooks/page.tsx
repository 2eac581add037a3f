import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { formatChinaDateTime } from "@/components/disclosure/china-time";
import { refusePage } from "@/lib/auth/refuse-page";
import { getRequestActor } from "@/lib/auth/request-actor";
import { codeBooks } from "@/lib/codebooks/code-book-admin";
import { CodeBookImport } from "./code-book-import";

export const metadata: Metadata = { title: "科目表管理" };
export const dynamic = "force-dynamic";

export default async function CodeBooksPage() {
  const actor = await getRequestActor();
  if (actor.viewer === null) redirect("/login?next=/admin/codebooks");
  const revisions = await codeBooks.revisions(actor);
  // Code books are the system administrator's (三员分立, ADR 0022): anyone else gets 403.
  if (revisions === null) return refusePage(actor.viewer, "/admin/codebooks");
  const newestYear = revisions[0]?.year ?? new Date().getFullYear();
  return (
    <div className="mx-auto max-w-4xl">
      <p className="mb-4 text-sm">
        <Link href="/workspace" className="text-blue-800 underline underline-offset-2 hover:text-blue-950">
          返回工作台
        </Link>
      </p>
      <h1 className="mb-1 text-2xl font-bold">科目表管理</h1>
      <p className="mb-6 text-slate-700">
        导入财政部门下发的年度政府收支分类科目（支出功能分类：类、款、项；支出经济分类：类、款）。导入前先预览与上一版的差异。
        年度中修订科目时再次导入，即成为新的版本；已录入的预算仍使用其录入时的版本。
      </p>

      <section aria-labelledby="import-heading" className="mb-10">
        <h2 id="import-heading" className="mb-3 text-lg font-semibold">
          导入科目表
        </h2>
        <CodeBookImport defaultYear={newestYear + 1} />
      </section>

      <section aria-labelledby="revisions-heading">
        <h2 id="revisions-heading" className="mb-3 text-lg font-semibold">
          已导入的科目表
        </h2>
        {revisions.length === 0 ? (
          <p className="rounded border border-slate-300 bg-slate-50 p-4">尚未导入任何科目表。</p>
        ) : (
          <div role="region" aria-label="已导入的科目表" tabIndex={0} className="overflow-x-auto rounded border border-slate-300 focus:outline-2 focus:outline-blue-800">
            <table className="w-full min-w-[40rem] border-collapse text-sm">
              <thead className="bg-slate-100 text-left">
                <tr>
                  <th scope="col" className="px-3 py-2 font-semibold">版本</th>
                  <th scope="col" className="px-3 py-2 font-semibold">生效日期</th>
                  <th scope="col" className="px-3 py-2 text-right font-semibold">功能分类</th>
                  <th scope="col" className="px-3 py-2 text-right font-semibold">经济分类</th>
                  <th scope="col" className="px-3 py-2 text-right font-semibold">使用的预算</th>
                  <th scope="col" className="px-3 py-2 font-semibold">来源</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-200">
                {revisions.map((r) => (
                  <tr key={r.id}>
                    <td className="px-3 py-2 font-medium">
                      {r.year}年第 {r.revision} 版
                    </td>
                    <td className="px-3 py-2">{r.effectiveOn}</td>
                    <td className="px-3 py-2 text-right">{r.functionalCount}</td>
                    <td className="px-3 py-2 text-right">{r.economicCount}</td>
                    <td className="px-3 py-2 text-right">{r.budgetCount}</td>
                    <td className="px-3 py-2 text-slate-700">
                      {[r.sourceFileName, r.note].filter((text) => text !== "").join(" · ")}
                      <span className="block text-xs">导入于 {formatChinaDateTime(r.createdAt)}</span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
