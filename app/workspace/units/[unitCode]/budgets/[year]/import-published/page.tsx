import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { PriorYearImport } from "@/components/workspace/prior-year-import";
import { AppError } from "@/lib/app-error";
import { getViewer } from "@/lib/auth/session";
import { BUDGET_STATUS_LABELS } from "@/lib/budgets/status-labels";
import { listAccountantUnits, loadWorkspaceBudget } from "@/lib/budgets/workspace";
import { workspaceBudgetPath } from "@/lib/budgets/workspace-paths";
import { MAX_PRIOR_YEAR_BYTES, MAX_PRIOR_YEAR_FILES } from "@/lib/prior-year-import/read-prior-year-document";
import { confirmPriorYearAction, previewPriorYearAction } from "./actions";

export const metadata: Metadata = { title: "导入上年已公开文件" };

type Params = Promise<{ unitCode: string; year: string }>;

export default async function ImportPublishedPriorYearPage({ params }: { params: Params }) {
  const { unitCode, year: yearParam } = await params;
  if (!/^\d{4}$/.test(yearParam) || !/^[0-9A-Za-z]{1,40}$/.test(unitCode)) notFound();
  const year = Number(yearParam);
  const budgetPath = workspaceBudgetPath(unitCode, year);
  const viewer = await getViewer();
  if (viewer === null) redirect(`/login?next=${encodeURIComponent(`${budgetPath}/import-published`)}`);
  const unit = (await listAccountantUnits(viewer)).find((candidate) => candidate.unitCode === unitCode);
  if (unit === undefined) notFound();
  let view;
  try {
    view = await loadWorkspaceBudget(viewer, { unitCode: unit.unitCode, year });
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
  const editable = view.meta.status === "DRAFT" || view.meta.status === "RETURNED";
  return (
    <div>
      <p className="mb-4 text-sm">
        <Link href={budgetPath} className="text-blue-800 underline underline-offset-2 hover:text-blue-950">
          返回{year}年预算
        </Link>
      </p>
      <h1 className="mb-1 text-2xl font-bold">导入上年已公开文件</h1>
      <p className="mb-6 text-slate-800">
        {unit.unitCode} {unit.unitName}：上传本单位已公开的{year - 1}年预算文件，读出的上年数填入{year}年草稿的“比上年”对比，职责、机构设置和名词解释可作为起始文本。先预览，确认后才保存。
      </p>
      {editable ? (
        <PriorYearImport
          unitCode={unit.unitCode}
          year={year}
          maxBytes={MAX_PRIOR_YEAR_BYTES}
          maxFiles={MAX_PRIOR_YEAR_FILES}
          previewAction={previewPriorYearAction}
          confirmAction={confirmPriorYearAction}
        />
      ) : (
        <p className="rounded border-l-4 border-slate-500 bg-slate-50 px-4 py-3 text-slate-900">
          本预算为“{BUDGET_STATUS_LABELS[view.meta.status]}”状态，不能再导入。如需修改，请联系审核人员退回。
        </p>
      )}
    </div>
  );
}
