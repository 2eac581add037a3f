import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { BudgetHistory } from "@/components/audit/budget-history";
import { formatChinaDateTime } from "@/components/disclosure/china-time";
import { DisclosureDocument } from "@/components/disclosure/disclosure-document";
import { DOCUMENT_CSS } from "@/components/disclosure/document-css";
import { SectionCommentForm, TableCommentForm } from "@/components/review/comment-form";
import { DecisionPanel } from "@/components/review/decision-panel";
import { PriorYearComparisonView } from "@/components/review/prior-year-comparison";
import { ReviewedFindings } from "@/components/review/reviewed-findings";
import { PublishedChangesView } from "@/components/review/published-changes-view";
import { SubmissionChangesView } from "@/components/review/submission-changes-view";
import { CommentList } from "@/components/workflow/comment-list";
import { AppError } from "@/lib/app-error";
import { getViewer } from "@/lib/auth/session";
import { BUDGET_STATUS_LABELS } from "@/lib/budgets/status-labels";
import type { AnchorContext } from "@/lib/review/anchors";
import type { ReviewScreen } from "@/lib/review/queries";
import { loadReviewPage } from "@/lib/review/screens";
import { addReviewCommentAction, approveBudgetAction, resolveReviewCommentAction, returnBudgetAction, startReviewAction } from "./actions";

export const metadata: Metadata = { title: "预算审核" };

type Params = Promise<{ budgetId: string }>;

async function load(budgetIdParam: string): Promise<ReviewScreen> {
  if (!/^[1-9]\d{0,9}$/.test(budgetIdParam)) notFound();
  const viewer = await getViewer();
  if (viewer === null) redirect(`/login?next=${encodeURIComponent(`/review/budgets/${budgetIdParam}`)}`);
  try {
    return await loadReviewPage(viewer, Number(budgetIdParam));
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}

export default async function ReviewBudgetPage({ params }: { params: Params }) {
  const { budgetId } = await params;
  const screen = await load(budgetId);
  const { header, meta, content, comments } = screen;
  const context: AnchorContext = { tables: content.tables, rows: screen.anchorRows };
  const open = comments.filter((c) => c.resolvedAt === null && c.parentId === null);
  const resolve = screen.canResolve ? { action: resolveReviewCommentAction, budgetId: header.id } : undefined;

  return (
    <div className="mx-auto max-w-5xl">
      <p className="mb-4 text-sm">
        <Link href="/review" className="text-blue-800 underline underline-offset-2 hover:text-blue-950">
          返回审核队列
        </Link>
      </p>
      <h1 className="mb-1 text-2xl font-bold">
        {header.unitName} {header.year}年预算
      </h1>
      <p className="mb-6 text-slate-800">
        {header.unitCode} · {header.departmentName} · {header.regionName} · 第{header.version}版 · 状态：
        <span className="font-semibold" data-testid="budget-status">
          {BUDGET_STATUS_LABELS[header.status]}
        </span>
        {meta.submittedAt !== null && <> · 报送于 {formatChinaDateTime(meta.submittedAt)}</>}
      </p>

      <DecisionPanel
        budgetId={header.id}
        status={header.status}
        steps={screen.steps}
        openComments={open.length}
        actions={{ start: startReviewAction, returnBudget: returnBudgetAction, approve: approveBudgetAction }}
      />
      {screen.signOffSheet !== null && (
        <p className="mb-6 rounded border-l-4 border-slate-500 bg-slate-50 px-4 py-3" data-testid="sign-off-sheet">
          负责人签字的纸质审签单：
          <a href={screen.signOffSheet.path} className="font-medium text-blue-800 underline underline-offset-2 hover:text-blue-950">
            {screen.signOffSheet.fileName}
          </a>
          （{Math.ceil(screen.signOffSheet.byteSize / 1024)} KB，不公开）
          <span className="block text-sm break-all text-slate-700">SHA-256：{screen.signOffSheet.sha256}</span>
        </p>
      )}
      {screen.publishedChanges !== null && <PublishedChangesView published={screen.publishedChanges} />}
      <SubmissionChangesView changes={screen.changes} isCorrection={screen.publishedChanges !== null} />
      <ReviewedFindings findings={screen.findings} />
      <PriorYearComparisonView comparison={screen.comparison} />

      <section aria-labelledby="comments-heading" className="mb-8">
        <h2 id="comments-heading" className="mb-3 text-lg font-semibold">
          审核意见
        </h2>
        {comments.length === 0 ? (
          <p className="text-slate-700">还没有审核意见。</p>
        ) : (
          <>
            <p className="mb-2 text-sm text-slate-700">共 {comments.filter((c) => c.parentId === null).length} 条意见，未解决 {open.length} 条。</p>
            <CommentList comments={comments} context={context} resolve={resolve} />
          </>
        )}
        {screen.canComment && (
          <details className="mt-4 rounded border border-slate-300 bg-slate-50 px-3 py-2">
            <summary className="cursor-pointer font-medium text-blue-900">提出总体意见或针对情况说明的意见</summary>
            <div className="mt-3">
              <SectionCommentForm action={addReviewCommentAction} budgetId={header.id} />
            </div>
          </details>
        )}
      </section>

      <div className="mb-8">
        <BudgetHistory entries={screen.history} />
      </div>

      <section aria-labelledby="document-heading">
        <h2 id="document-heading" className="mb-1 text-lg font-semibold">
          公开文本
        </h2>
        <p className="mb-4 text-sm text-slate-700">九张表和情况说明与公开后的页面一致；每张表下方可以针对整表或某一行提出审核意见。</p>
        <style>{DOCUMENT_CSS}</style>
        <div className="overflow-x-auto rounded border border-slate-300 p-2 sm:p-4">
          <DisclosureDocument
            content={content}
            afterTable={(id) => {
              const number = content.tables[id].number;
              const here = comments.filter((c) => c.anchorTable === number);
              return (
                <>
                  {here.length > 0 && (
                    <div className="no-print mb-3 font-sans" aria-label={`表${number}的审核意见`} role="group">
                      <CommentList comments={here} context={context} showAnchor={false} />
                    </div>
                  )}
                  {screen.canComment && (
                    <TableCommentForm
                      action={addReviewCommentAction}
                      budgetId={header.id}
                      tableNumber={number}
                      tableTitle={content.tables[id].title}
                      rows={screen.anchorRows[id]}
                    />
                  )}
                </>
              );
            }}
          />
        </div>
      </section>
    </div>
  );
}
