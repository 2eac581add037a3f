import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { BudgetHistory } from "@/components/audit/budget-history";
import { DisclosureDocument } from "@/components/disclosure/disclosure-document";
import { DOCUMENT_CSS } from "@/components/disclosure/document-css";
import { SignOffSection } from "@/components/workflow/sign-off-section";
import { AppError } from "@/lib/app-error";
import { loadBudgetHistory } from "@/lib/audit/budget-history";
import { getViewer } from "@/lib/auth/session";
import { BUDGET_STATUS_LABELS } from "@/lib/budgets/status-labels";
import { loadHeadSignOffPage } from "@/lib/review/screens";
import { recordPaperSignOffAction, recordSecrecyReviewAction, signOffBudgetAction } from "@/app/workspace/budgets/[year]/workflow-actions";

export const metadata: Metadata = { title: "负责人审签" };

type Params = Promise<{ budgetId: string }>;

/** The unit head's page: the budget as it will be published, the secrecy review and the sign-off. */
export default async function HeadSignOffPage({ params }: { params: Params }) {
  const { budgetId } = await params;
  if (!/^[1-9]\d{0,9}$/.test(budgetId)) notFound();
  const viewer = await getViewer();
  if (viewer === null) redirect(`/login?next=${encodeURIComponent(`/workspace/sign-off/${budgetId}`)}`);
  const page = await loadHeadSignOffPage(viewer, Number(budgetId)).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const history = await loadBudgetHistory(viewer, Number(budgetId));
  const { workflow, content } = page;
  return (
    <div className="mx-auto max-w-5xl">
      <p className="mb-4 text-sm">
        <Link href="/workspace" className="text-blue-800 underline underline-offset-2 hover:text-blue-950">
          返回工作台
        </Link>
      </p>
      <h1 className="mb-1 text-2xl font-bold">
        {page.unitName} {workflow.year}年预算 · 负责人审签
      </h1>
      <p className="mb-6 text-slate-800">
        {page.unitCode} · 第{workflow.version}版 · 状态：
        <span className="font-semibold" data-testid="budget-status">
          {BUDGET_STATUS_LABELS[workflow.status]}
        </span>
      </p>
      {workflow.status === "APPROVED" || workflow.status === "SIGNED_OFF" || workflow.secrecyReview !== null ? (
        <div className="mb-8">
          <SignOffSection
            workflow={workflow}
            actions={{ recordSecrecyReview: recordSecrecyReviewAction, signOff: signOffBudgetAction, recordPaperSignOff: recordPaperSignOffAction }}
          />
        </div>
      ) : (
        <p className="mb-8 rounded border-l-4 border-slate-500 bg-slate-50 px-4 py-3">本预算尚未批复；财政部门批复后，经保密审查，由您审签。</p>
      )}
      <section aria-labelledby="document-heading" className="mb-8">
        <h2 id="document-heading" className="mb-1 text-lg font-semibold">
          将要公开的内容
        </h2>
        <p className="mb-4 text-sm text-slate-700">九张表和情况说明与公开后的页面一致。</p>
        <style>{DOCUMENT_CSS}</style>
        <div className="overflow-x-auto rounded border border-slate-300 p-2 sm:p-4">
          <DisclosureDocument content={content} />
        </div>
      </section>
      <div className="border-t border-slate-200 pt-6">
        <BudgetHistory entries={history} />
      </div>
    </div>
  );
}
