import { formatChinaDateTime } from "@/components/disclosure/china-time";
import type { UnitWorkflow } from "@/lib/review/unit-workflow";
import { SIGN_OFF_SHEET_MAX_LABEL } from "@/lib/workflow/sign-off-sheet-file";
import { ActionForm, type WorkflowAction } from "./action-form";

const FIELD =
  "block w-full rounded border border-slate-400 bg-white px-3 py-2 text-base text-slate-900 focus:border-blue-700 focus:outline-2 focus:outline-offset-1 focus:outline-blue-700";

export interface SignOffActions {
  recordSecrecyReview: WorkflowAction;
  signOff: WorkflowAction;
  recordPaperSignOff: WorkflowAction;
}

function When({ at }: { at: Date }) {
  return <time dateTime={at.toISOString()}>{formatChinaDateTime(at)}</time>;
}

/**
 * 公开前的审查与审签: the secrecy review (who and what, by someone other than the submitter when
 * the unit has another account), then the head's sign-off: with the head's own account, or the
 * signed paper 审签单 the accountant uploads. Shown to the unit's accountants and its head.
 */
export function SignOffSection({ workflow, actions }: { workflow: UnitWorkflow; actions: SignOffActions }) {
  const { budgetId, steps, status, secrecyReview, signOff } = workflow;
  return (
    <section aria-labelledby="sign-off-heading" className="rounded border border-slate-300 p-4" data-testid="sign-off-section">
      <h2 id="sign-off-heading" className="mb-1 text-lg font-semibold">
        公开前的审查与审签
      </h2>
      {workflow.approvedAt !== null && (
        <p className="mb-3 text-sm text-slate-700">财政部门于 {formatChinaDateTime(workflow.approvedAt)} 批复；请在批复后20日内完成保密审查、负责人审签并公开。</p>
      )}
      <div className="space-y-4">
        {secrecyReview !== null ? (
          <div>
            <p className="text-slate-800">
              <span className="font-medium">保密审查</span>：{secrecyReview.byName ?? "系统"}于 <When at={secrecyReview.at} /> 记录。
            </p>
            {secrecyReview.statement !== null && <p className="text-slate-800">审查说明：{secrecyReview.statement}</p>}
          </div>
        ) : steps.includes("RECORD_SECRECY_REVIEW") ? (
          <div>
            <h3 className="mb-1 font-medium">保密审查</h3>
            <p className="mb-2 text-slate-800">请核对将要公开的全部内容（九张表、项目名称、情况说明）不含涉密信息，并写明审查了什么。</p>
            <ActionForm action={actions.recordSecrecyReview} hidden={{ budgetId }} submitLabel="记录保密审查" pendingLabel="正在记录…" label="保密审查">
              <div>
                <label htmlFor="secrecy-statement" className="mb-1 block font-medium">
                  审查说明（最多200字）
                </label>
                <textarea id="secrecy-statement" name="statement" rows={2} required maxLength={200} className={FIELD} />
              </div>
            </ActionForm>
          </div>
        ) : workflow.isSecrecyReviewBarred ? (
          <p className="text-slate-800">
            <span className="font-medium">保密审查</span>：本预算由您报送，须由本单位的另一位填报人或单位负责人登录后审查并记录。
          </p>
        ) : null}

        {signOff !== null ? (
          <div>
            <p className="text-slate-800">
              <span className="font-medium">负责人审签</span>：{signOff.signerName}
              {signOff.sheet === null ? (
                <>
                  {" "}
                  用本人账号于 <When at={signOff.at} /> 审签。
                </>
              ) : (
                <>
                  {" "}
                  在纸质审签单上签字，{signOff.byName ?? "系统"}于 <When at={signOff.at} /> 上传。
                </>
              )}
            </p>
            {signOff.sheet !== null && (
              <p className="text-sm text-slate-800">
                审签单：
                <a href={signOff.sheet.path} className="font-medium text-blue-800 underline underline-offset-2 hover:text-blue-950">
                  {signOff.sheet.fileName}
                </a>
                （{Math.ceil(signOff.sheet.byteSize / 1024)} KB，不公开）
                <span className="block break-all text-slate-700">SHA-256：{signOff.sheet.sha256}</span>
              </p>
            )}
          </div>
        ) : steps.includes("SIGN_OFF") ? (
          <div>
            <h3 className="mb-1 font-medium">负责人审签</h3>
            <p className="mb-2 text-slate-800">请阅读下方将要公开的预算。审签后，单位填报人即可公开。</p>
            <ActionForm action={actions.signOff} hidden={{ budgetId }} submitLabel="审签" pendingLabel="正在审签…" label="负责人审签">
              <label className="flex items-start gap-2">
                <input type="checkbox" name="confirm" value="yes" required className="mt-1 h-4 w-4" />
                <span>我是本单位负责人，已审阅本预算的公开内容，同意向社会公开。</span>
              </label>
            </ActionForm>
          </div>
        ) : steps.includes("RECORD_PAPER_SIGN_OFF") ? (
          <div>
            <h3 className="mb-1 font-medium">负责人审签</h3>
            <p className="mb-2 text-slate-800">
              单位负责人用本人账号登录后在工作台审签。负责人在纸质审签单上签字的，请在此上传签字后的审签单（PDF、JPEG 或 PNG，最大{SIGN_OFF_SHEET_MAX_LABEL}）；审签单只供本单位和审核人查看，不公开。
            </p>
            <ActionForm action={actions.recordPaperSignOff} hidden={{ budgetId }} submitLabel="上传审签单" pendingLabel="正在上传…" label="上传纸质审签单">
              <div>
                <label htmlFor="paper-signer-name" className="mb-1 block font-medium">
                  签字负责人姓名
                </label>
                <input id="paper-signer-name" name="signerName" required maxLength={50} autoComplete="off" className={`${FIELD} max-w-xs`} />
              </div>
              <div>
                <label htmlFor="sign-off-sheet" className="mb-1 block font-medium">
                  签字后的审签单
                </label>
                <input
                  id="sign-off-sheet"
                  name="sheet"
                  type="file"
                  required
                  accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"
                  className="block w-full max-w-md text-base"
                />
              </div>
            </ActionForm>
          </div>
        ) : status === "APPROVED" ? (
          <p className="text-slate-700">负责人审签：保密审查记录后才能进行。</p>
        ) : null}
      </div>
    </section>
  );
}
