import { ActionForm, type WorkflowAction } from "@/components/workflow/action-form";
import { PUBLICATION_DEADLINE_DAYS } from "@/lib/deadlines/publication-deadline";
import { chinaDate } from "@/lib/workflow/approve-budget";
import type { WorkflowStep } from "@/lib/workflow/state-machine";

/** "2026年12月8日" from "2026-12-08", plus `days` calendar days. */
function chinaDayText(isoDate: string, days = 0): string {
  const day = new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * 86_400_000);
  return `${day.getUTCFullYear()}年${day.getUTCMonth() + 1}月${day.getUTCDate()}日`;
}

export interface DecisionActions {
  start: WorkflowAction;
  returnBudget: WorkflowAction;
  approve: WorkflowAction;
}

/** The decisions the state machine allows this viewer now: 开始审核 / 转财政审核, 退回, 批复. */
export function DecisionPanel({
  budgetId,
  status,
  steps,
  openComments,
  actions,
}: {
  budgetId: number;
  status: string;
  steps: readonly WorkflowStep[];
  openComments: number;
  actions: DecisionActions;
}) {
  const canStart = steps.includes("START_DEPARTMENT_REVIEW") || steps.includes("START_FINANCE_REVIEW");
  const canReturn = steps.includes("RETURN");
  const canApprove = steps.includes("APPROVE");
  if (!canStart && !canReturn && !canApprove) return null;
  const forward = status === "DEPARTMENT_REVIEW";
  const today = chinaDate(new Date());
  return (
    <section aria-labelledby="decision-heading" className="mb-8 rounded border border-blue-800 p-4 sm:p-5">
      <h2 id="decision-heading" className="mb-3 text-lg font-semibold">
        审核决定
      </h2>
      <div className="grid gap-6 md:grid-cols-2">
        {canStart && (
          <div>
            <p className="mb-2 text-slate-800">
              {forward ? "主管部门审核完毕，提交财政部门审核。" : "开始审核后，单位不能再撤回，审核意见和退回、批复由您办理。"}
            </p>
            <ActionForm
              action={actions.start}
              hidden={{ budgetId }}
              submitLabel={forward ? "转财政审核" : "开始审核"}
              pendingLabel="正在办理…"
              label={forward ? "转财政审核" : "开始审核"}
            />
          </div>
        )}
        {canApprove && (
          <div>
            <p className="mb-2 text-slate-800">批复后，单位应在{PUBLICATION_DEADLINE_DAYS}日内完成保密审查、负责人审签并公开。</p>
            <ActionForm action={actions.approve} hidden={{ budgetId, approvedOn: today }} submitLabel="批复" pendingLabel="正在批复…" label="批复">
              <label className="flex items-start gap-2">
                <input type="checkbox" name="confirm" value="yes" required className="mt-1 h-4 w-4" />
                <span>
                  我确认批复，批复日期为 <strong>{chinaDayText(today)}</strong>（北京时间）：{PUBLICATION_DEADLINE_DAYS}日公开期限从这一天起算，单位须在{" "}
                  <strong>{chinaDayText(today, PUBLICATION_DEADLINE_DAYS)}</strong> 前（含当日）公开。
                </span>
              </label>
            </ActionForm>
          </div>
        )}
        {canReturn && (
          <div className={canApprove ? "" : "md:col-span-2"}>
            <p id="return-help" className="mb-2 text-slate-800">
              退回需要至少一条审核意见：可以在各表下方针对整表或某一行添加，也可以在这里填写退回意见。当前未解决的意见：{openComments} 条。
            </p>
            <ActionForm action={actions.returnBudget} hidden={{ budgetId }} submitLabel="退回" pendingLabel="正在退回…" tone="danger" label="退回">
              <div>
                <label htmlFor="return-message" className="mb-1 block font-medium">
                  退回意见
                </label>
                <textarea
                  id="return-message"
                  name="message"
                  rows={3}
                  maxLength={2000}
                  aria-describedby="return-help"
                  className="block w-full rounded border border-slate-400 px-3 py-2 text-base focus:border-blue-700 focus:outline-2 focus:outline-offset-1 focus:outline-blue-700"
                />
              </div>
            </ActionForm>
          </div>
        )}
      </div>
    </section>
  );
}
