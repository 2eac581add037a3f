import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { BudgetHistory } from "@/components/audit/budget-history";
import { DOCUMENT_CSS } from "@/components/disclosure/document-css";
import { BudgetEditor } from "@/components/workspace/budget-editor";
import { AppError } from "@/lib/app-error";
import { loadBudgetHistory } from "@/lib/audit/budget-history";
import { getViewer } from "@/lib/auth/session";
import { draftInputFromBudget } from "@/lib/budgets/budget-draft-input";
import { BUDGET_STATUS_LABELS } from "@/lib/budgets/status-labels";
import { workspaceBudgetPath } from "@/lib/budgets/workspace-paths";
import { listAccountantUnits, loadWorkspaceBudget, priorYearLinesFor, recentBudgetChanges, type WorkspaceBudgetView } from "@/lib/budgets/workspace";
import { saveDraftAction, submitBudgetAction } from "@/app/workspace/budgets/[year]/actions";
// Review and publication (the unit's side): kept apart from the editor above.
import { UnitWorkflowPanel } from "@/components/workflow/unit-workflow-panel";
import { loadUnitWorkflowPanel } from "@/lib/review/screens";
import {
  openCorrectionAction,
  publishBudgetAction,
  recordSecrecyReviewAction,
  recordPaperSignOffAction,
  signOffBudgetAction,
  withdrawBudgetAction,
} from "@/app/workspace/budgets/[year]/workflow-actions";
import { addReviewCommentAction } from "@/app/review/budgets/[budgetId]/actions";

export const metadata: Metadata = { title: "预算" };

type Params = Promise<{ unitCode: string; year: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/**
 * The unit is part of the URL (an accountant may keep the books of several units, 代理记账); the
 * page opens only for a unit the viewer is the accountant of, and every use case below checks
 * it again.
 */
async function load(unitCode: string, viewerYear: number, path: string) {
  const viewer = await getViewer();
  if (viewer === null) redirect(`/login?next=${encodeURIComponent(path)}`);
  const unit = (await listAccountantUnits(viewer)).find((candidate) => candidate.unitCode === unitCode);
  if (unit === undefined) notFound();
  const key = { unitCode: unit.unitCode, year: viewerYear };
  try {
    const [view, prior, changes]: [WorkspaceBudgetView, Awaited<ReturnType<typeof priorYearLinesFor>>, Awaited<ReturnType<typeof recentBudgetChanges>>] =
      await Promise.all([loadWorkspaceBudget(viewer, key), priorYearLinesFor(viewer, key), recentBudgetChanges(viewer, key)]);
    return { viewer, view, prior, changes };
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}

export default async function WorkspaceBudgetPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const { unitCode, year: yearParam } = await params;
  if (!/^\d{4}$/.test(yearParam) || !/^[0-9A-Za-z]{1,40}$/.test(unitCode)) notFound();
  const year = Number(yearParam);
  const query = await searchParams;
  const submitted = query.submitted !== undefined;
  const imported = typeof query.imported === "string" && /^\d+$/.test(query.imported) ? Number(query.imported) : null;
  const priorImported = typeof query.priorImported === "string" && /^\d+$/.test(query.priorImported) ? Number(query.priorImported) : null;
  const { viewer, view, prior, changes } = await load(unitCode, year, `/workspace/units/${unitCode}/budgets/${year}`);
  const { budget, codeBook, meta } = view;
  const editable = meta.status === "DRAFT" || meta.status === "RETURNED";
  const [workflow, history] = await Promise.all([loadUnitWorkflowPanel(viewer, meta.id), loadBudgetHistory(viewer, meta.id)]);

  return (
    <div>
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
      {editable && (
        <p className="mb-6">
          <Link href={`${workspaceBudgetPath(unitCode, year)}/import`} className="font-semibold text-blue-800 underline underline-offset-2 hover:text-blue-950">
            从 Excel 导入（预算管理一体化系统导出的工作簿）
          </Link>
          <span className="mx-2 text-slate-500" aria-hidden="true">
            ·
          </span>
          <Link href={`${workspaceBudgetPath(unitCode, year)}/import-published`} className="font-semibold text-blue-800 underline underline-offset-2 hover:text-blue-950">
            导入上年已公开文件（{year - 1}年预算公开 PDF 或 Word）
          </Link>
        </p>
      )}
      {priorImported !== null && (
        <p role="status" className="mb-6 rounded border-l-4 border-green-700 bg-green-50 px-4 py-3 text-green-900">
          已从上年已公开文件导入上年数（修改了 {priorImported} 项，见修改记录）。请核对下方“上年数”和说明文字。
        </p>
      )}
      {imported !== null && (
        <p role="status" className="mb-6 rounded border-l-4 border-green-700 bg-green-50 px-4 py-3 text-green-900">
          已从 Excel 导入并保存为草稿（修改了 {imported} 项，见修改记录）。请核对下方表单和检查结果。
        </p>
      )}
      {submitted && meta.status === "SUBMITTED" && (
        <p role="status" className="mb-6 rounded border-l-4 border-green-700 bg-green-50 px-4 py-3 text-green-900">
          预算已报送，等待审核。
        </p>
      )}
      {!editable && (
        <p className="mb-6 rounded border-l-4 border-slate-500 bg-slate-50 px-4 py-3 text-slate-900">
          本预算为“{BUDGET_STATUS_LABELS[meta.status]}”状态，只能查看，不能修改。
        </p>
      )}
      <UnitWorkflowPanel
        workflow={workflow}
        actions={{
          withdraw: withdrawBudgetAction,
          recordSecrecyReview: recordSecrecyReviewAction,
          signOff: signOffBudgetAction,
          recordPaperSignOff: recordPaperSignOffAction,
          publish: publishBudgetAction,
          openCorrection: openCorrectionAction,
          reply: addReviewCommentAction,
        }}
      />
      <BudgetEditor
        // A correction is a new version: a fresh editor, not the previous version's state and lockVersion.
        key={meta.id}
        identity={{ unit: { code: budget.unit.code, name: budget.unit.name }, department: budget.department, region: budget.region, year: budget.year }}
        initialDraft={draftInputFromBudget(budget)}
        codeBook={codeBook}
        lockVersion={meta.lockVersion}
        editable={editable}
        prior={prior}
        changes={changes}
        userId={viewer.userId}
        saveAction={saveDraftAction}
        submitAction={submitBudgetAction}
        documentCss={DOCUMENT_CSS}
      />

      {/* The budget's own history (lib/audit/budget-history.ts); kept separate from the entry sections above. */}
      <div className="mt-10 border-t border-slate-200 pt-6">
        <BudgetHistory entries={history} />
      </div>
    </div>
  );
}
