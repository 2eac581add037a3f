import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { DOCUMENT_CSS } from "@/components/disclosure/document-css";
import { ExcelImport } from "@/components/workspace/excel-import";
import { AppError } from "@/lib/app-error";
import { getViewer } from "@/lib/auth/session";
import { BUDGET_STATUS_LABELS } from "@/lib/budgets/status-labels";
import { listAccountantUnits, loadWorkspaceBudget } from "@/lib/budgets/workspace";
import { workspaceBudgetPath } from "@/lib/budgets/workspace-paths";
import { confirmImportAction, previewImportAction, saveMappingAction } from "./actions";

export const metadata: Metadata = { title: "从 Excel 导入预算" };

type Params = Promise<{ unitCode: string; year: string }>;

export default async function ImportBudgetPage({ params }: { params: Params }) {
  const { unitCode, year: yearParam } = await params;
  if (!/^\d{4}$/.test(yearParam) || !/^[0-9A-Za-z]{1,40}$/.test(unitCode)) notFound();
  const year = Number(yearParam);
  const budgetPath = workspaceBudgetPath(unitCode, year);
  const viewer = await getViewer();
  if (viewer === null) redirect(`/login?next=${encodeURIComponent(`${budgetPath}/import`)}`);
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
      <h1 className="mb-1 text-2xl font-bold">从 Excel 导入{year}年预算</h1>
      <p className="mb-6 text-slate-800">
        {unit.unitCode} {unit.unitName}：上传预算管理一体化系统导出的工作簿（预算公开表，或每行一条的预算明细），先预览，确认后才保存为草稿。
      </p>
      {editable ? (
        <ExcelImport
          unitCode={unit.unitCode}
          year={year}
          documentCss={DOCUMENT_CSS}
          previewAction={previewImportAction}
          confirmAction={confirmImportAction}
          mappingAction={saveMappingAction}
        />
      ) : (
        <p className="rounded border-l-4 border-slate-500 bg-slate-50 px-4 py-3 text-slate-900">
          本预算为“{BUDGET_STATUS_LABELS[view.meta.status]}”状态，不能再导入。如需修改，请联系审核人员退回。
        </p>
      )}
    </div>
  );
}
