import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { BudgetHistory } from "@/components/audit/budget-history";
import { DisclosureDocument } from "@/components/disclosure/disclosure-document";
import { DOCUMENT_CSS } from "@/components/disclosure/document-css";
import { AppError } from "@/lib/app-error";
import { loadBudgetHistory } from "@/lib/audit/budget-history";
import { getViewer } from "@/lib/auth/session";
import { findingKey } from "@/lib/budgets/finding-key";
import { BUDGET_STATUS_LABELS } from "@/lib/budgets/status-labels";
import { listAccountantUnits, loadWorkspaceBudget, type WorkspaceBudgetView } from "@/lib/budgets/workspace";
import { groupBySection, hasBlockingErrors } from "@/lib/disclosure/check";
import { buildSnapshotContent } from "@/lib/publication/snapshot-content";
import { SubmitForm } from "./submit-form";

export const metadata: Metadata = { title: "预算" };

type Params = Promise<{ year: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const SEVERITY_LABELS = { error: "错误", warning: "提醒" } as const;

async function load(viewerYear: number, path: string): Promise<WorkspaceBudgetView> {
  const viewer = await getViewer();
  if (viewer === null) redirect(`/login?next=${encodeURIComponent(path)}`);
  const [unit] = await listAccountantUnits(viewer);
  if (unit === undefined) notFound();
  try {
    return await loadWorkspaceBudget(viewer, { unitCode: unit.unitCode, year: viewerYear });
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}

export default async function WorkspaceBudgetPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const { year: yearParam } = await params;
  if (!/^\d{4}$/.test(yearParam)) notFound();
  const year = Number(yearParam);
  const submitted = (await searchParams).submitted !== undefined;
  const { budget, codeBook, meta, findings } = await load(year, `/workspace/budgets/${year}`);
  const history = await loadBudgetHistory(await getViewer(), meta.id);
  const groups = groupBySection(findings);
  const editable = meta.status === "DRAFT" || meta.status === "RETURNED";
  const content = buildSnapshotContent(budget, codeBook, {
    version: meta.version,
    publishedAt: new Date().toISOString(),
    approvedAt: null,
    correctionNote: null,
  });

  return (
    <div className="mx-auto max-w-5xl">
      <p className="mb-4 text-sm">
        <Link href="/workspace" className="text-blue-800 underline underline-offset-2 hover:text-blue-950">
          返回工作台
        </Link>
      </p>
      <h1 className="mb-1 text-2xl font-bold">{year}年预算</h1>
      <p className="mb-6 text-slate-800">
        {budget.unit.code} {budget.unit.name} · 第{meta.version}版 · 状态：
        <span className="font-semibold" data-testid="budget-status">
          {BUDGET_STATUS_LABELS[meta.status]}
        </span>
      </p>
      {submitted && meta.status === "SUBMITTED" && (
        <p role="status" className="mb-6 rounded border-l-4 border-green-700 bg-green-50 px-4 py-3 text-green-900">
          预算已报送，等待审核。
        </p>
      )}

      <section aria-labelledby="findings-heading" className="mb-8">
        <h2 id="findings-heading" className="mb-3 text-lg font-semibold">
          一致性检查
        </h2>
        {findings.length === 0 ? (
          <p className="rounded border border-green-700 bg-green-50 px-4 py-3 text-green-900">未发现问题</p>
        ) : (
          <ul className="divide-y divide-slate-200 rounded border border-slate-300">
            {groups
              .filter((group) => group.findings.length > 0)
              .map((group) => (
                <li key={group.section} className="px-4 py-3">
                  <h3 className="mb-2 font-semibold">{group.label}</h3>
                  <ul className="space-y-1">
                    {group.findings.map((finding) => (
                      <li key={findingKey(finding)} className="flex gap-2">
                        <span
                          className={
                            finding.severity === "error"
                              ? "shrink-0 rounded bg-red-100 px-1.5 text-sm font-semibold text-red-900"
                              : "shrink-0 rounded bg-amber-100 px-1.5 text-sm font-semibold text-amber-900"
                          }
                        >
                          {SEVERITY_LABELS[finding.severity]}
                        </span>
                        <span>{finding.message}</span>
                      </li>
                    ))}
                  </ul>
                </li>
              ))}
          </ul>
        )}
      </section>

      {editable && (
        <section aria-labelledby="submit-heading" className="mb-8 rounded border border-slate-300 p-4 sm:p-5">
          <h2 id="submit-heading" className="mb-3 text-lg font-semibold">
            报送
          </h2>
          <SubmitForm
            unitCode={budget.unit.code}
            year={year}
            lockVersion={meta.lockVersion}
            blockedReason={hasBlockingErrors(findings) ? "预算还有错误，改正后才能报送。" : null}
            warnings={findings.filter((f) => f.severity === "warning").map((f) => ({ key: findingKey(f), message: f.message }))}
          />
        </section>
      )}

      <section aria-labelledby="preview-heading">
        <h2 id="preview-heading" className="mb-1 text-lg font-semibold">
          公开预览
        </h2>
        <p className="mb-4 text-sm text-slate-700">以下是本预算公开后的样式，九张表和情况说明与公开页面一致。</p>
        <style>{DOCUMENT_CSS}</style>
        <div className="overflow-x-auto rounded border border-slate-300 p-2 sm:p-4">
          <DisclosureDocument content={content} />
        </div>
      </section>

      {/* The budget's own history (lib/audit/budget-history.ts); kept separate from the entry sections above. */}
      <div className="mt-10 border-t border-slate-200 pt-6">
        <BudgetHistory entries={history} />
      </div>
    </div>
  );
}
