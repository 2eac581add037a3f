import Link from "next/link";
import { formatChinaDateTime } from "@/components/disclosure/china-time";
import type { UnitWorkflow } from "@/lib/review/unit-workflow";
import { ActionForm, type WorkflowAction } from "./action-form";
import { CommentList } from "./comment-list";
import { SignOffSection, type SignOffActions } from "./sign-off-section";

export interface UnitWorkflowActions extends SignOffActions {
  withdraw: WorkflowAction;
  publish: WorkflowAction;
  openCorrection: WorkflowAction;
  /** the unit's answer to a reviewer's comment on a returned budget */
  reply: WorkflowAction;
}

const FIELD =
  "block w-full rounded border border-slate-400 bg-white px-3 py-2 text-base text-slate-900 focus:border-blue-700 focus:outline-2 focus:outline-offset-1 focus:outline-blue-700";

/**
 * The unit's side of review and publication on its budget page: the reviewers' comments where
 * they point, 撤回, 保密审查, 负责人审签, 公开, the public link, 更正, and the history.
 */
export function UnitWorkflowPanel({ workflow, actions }: { workflow: UnitWorkflow; actions: UnitWorkflowActions }) {
  const { budgetId, steps, status } = workflow;
  const open = workflow.comments.filter((c) => c.resolvedAt === null && c.parentId === null);
  // Comments matter most while the budget is back with the unit; later they are a record.
  const showComments = workflow.comments.length > 0 && status === "RETURNED";
  const approvedStage = status === "APPROVED" || status === "SIGNED_OFF";
  return (
    <div className="mb-8 space-y-6" data-testid="unit-workflow">
      {showComments && (
        <section aria-labelledby="unit-comments-heading" className="rounded border border-amber-500 bg-amber-50/40 p-4">
          <h2 id="unit-comments-heading" className="mb-1 text-lg font-semibold">
            审核意见
          </h2>
          <p className="mb-3 text-sm text-slate-800">
            预算已退回，请按以下意见修改后重新报送。未解决 {open.length} 条。
          </p>
          <CommentList comments={workflow.comments} context={workflow.anchors} reply={{ action: actions.reply, budgetId }} />
        </section>
      )}

      {steps.includes("WITHDRAW") && (
        <section aria-labelledby="withdraw-heading" className="rounded border border-slate-300 p-4">
          <h2 id="withdraw-heading" className="mb-2 text-lg font-semibold">
            撤回
          </h2>
          <p className="mb-2 text-slate-800">审核开始前可以撤回预算，修改后重新报送。</p>
          <ActionForm action={actions.withdraw} hidden={{ budgetId }} submitLabel="撤回" pendingLabel="正在撤回…" tone="secondary" label="撤回" />
        </section>
      )}

      {(approvedStage || workflow.secrecyReview !== null) && <SignOffSection workflow={workflow} actions={actions} />}

      {steps.includes("PUBLISH") && (
        <section aria-labelledby="publish-heading" className="rounded border border-blue-800 p-4">
          <h2 id="publish-heading" className="mb-2 text-lg font-semibold">
            公开
          </h2>
          <p className="mb-2 text-slate-800">公开后，公众可以查看和下载本预算；公开的内容不能再修改，如有错误只能发布更正版本。</p>
          <ActionForm action={actions.publish} hidden={{ budgetId }} submitLabel="公开" pendingLabel="正在公开（生成页面和下载文件）…" label="公开">
            <label className="flex items-start gap-2">
              <input type="checkbox" name="confirm" value="yes" required className="mt-1 h-4 w-4" />
              <span>我确认：公开内容已经保密审查和负责人审签，可以向社会公开。</span>
            </label>
          </ActionForm>
        </section>
      )}

      {workflow.published !== null && (
        <section aria-labelledby="published-heading" className="rounded border border-green-700 bg-green-50 p-4">
          <h2 id="published-heading" className="mb-2 text-lg font-semibold">
            已公开
          </h2>
          <p className="text-slate-900">
            第{workflow.version}版于 {formatChinaDateTime(workflow.published.at)} 公开：
            <Link href={workflow.published.versionPath} className="font-medium text-blue-800 underline underline-offset-2 hover:text-blue-950">
              查看公开页面
            </Link>
          </p>
          {steps.includes("OPEN_CORRECTION") && (
            <div className="mt-4 border-t border-green-700/30 pt-4">
              <h3 className="mb-1 font-medium">更正</h3>
              <p className="mb-2 text-slate-800">已公开的内容如有错误，可以创建更正版本；原版本保持可查，公开页面会提示有更正。</p>
              <ActionForm action={actions.openCorrection} hidden={{ budgetId }} submitLabel="创建更正版本" pendingLabel="正在创建…" label="更正">
                <div>
                  <label htmlFor="correction-note" className="mb-1 block font-medium">
                    更正说明
                  </label>
                  <textarea id="correction-note" name="correctionNote" rows={3} required maxLength={2000} className={FIELD} />
                </div>
              </ActionForm>
            </div>
          )}
        </section>
      )}

      {workflow.correctionNote !== null && workflow.published === null && (
        <p className="rounded border-l-4 border-slate-500 bg-slate-50 px-4 py-3">
          <span className="font-medium">第{workflow.version}版为更正版本，更正说明：</span>
          {workflow.correctionNote}
        </p>
      )}

      {!showComments && workflow.comments.length > 0 && (
        <details className="rounded border border-slate-300 px-4 py-2">
          <summary className="cursor-pointer font-medium">审核意见记录（{workflow.comments.length} 条）</summary>
          <div className="mt-3">
            <CommentList comments={workflow.comments} context={workflow.anchors} />
          </div>
        </details>
      )}
    </div>
  );
}
