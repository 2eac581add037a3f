import { ActionForm, type WorkflowAction } from "@/components/workflow/action-form";
import { COMMENT_SECTIONS } from "@/lib/review/anchors";
import type { AnchorRow } from "@/lib/review/queries";

const FIELD =
  "block w-full rounded border border-slate-400 bg-white px-3 py-2 text-base text-slate-900 focus:border-blue-700 focus:outline-2 focus:outline-offset-1 focus:outline-blue-700";

/** 提出审核意见 on one table: the whole table or one of its rows. */
export function TableCommentForm({
  action,
  budgetId,
  tableNumber,
  tableTitle,
  rows,
}: {
  action: WorkflowAction;
  budgetId: number;
  tableNumber: number;
  tableTitle: string;
  rows: readonly AnchorRow[];
}) {
  const id = `comment-t${tableNumber}`;
  return (
    <details className="no-print mb-6 rounded border border-slate-300 bg-slate-50 px-3 py-2 font-sans">
      <summary className="cursor-pointer font-medium text-blue-900">对表{tableNumber}提出审核意见</summary>
      <div className="mt-3">
        <ActionForm
          action={action}
          hidden={{ budgetId, anchorTable: tableNumber }}
          submitLabel="添加意见"
          pendingLabel="正在添加…"
          label={`表${tableNumber} ${tableTitle}的审核意见`}
        >
          <div>
            <label htmlFor={`${id}-row`} className="mb-1 block font-medium">
              针对
            </label>
            <select id={`${id}-row`} name="anchorRow" defaultValue="" className={FIELD}>
              <option value="">整张表</option>
              {rows.map((row) => (
                <option key={row.key} value={row.key}>
                  {row.label}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor={`${id}-body`} className="mb-1 block font-medium">
              审核意见
            </label>
            <textarea id={`${id}-body`} name="body" rows={3} required maxLength={2000} className={FIELD} />
          </div>
        </ActionForm>
      </div>
    </details>
  );
}

/** A comment on the whole budget or a part of the 情况说明. */
export function SectionCommentForm({ action, budgetId }: { action: WorkflowAction; budgetId: number }) {
  return (
    <ActionForm action={action} hidden={{ budgetId }} submitLabel="添加意见" pendingLabel="正在添加…" label="总体或情况说明的审核意见">
      <div>
        <label htmlFor="comment-section" className="mb-1 block font-medium">
          针对
        </label>
        <select id="comment-section" name="anchorSection" defaultValue="general" className={FIELD}>
          {Object.entries(COMMENT_SECTIONS).map(([key, label]) => (
            <option key={key} value={key}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="comment-section-body" className="mb-1 block font-medium">
          审核意见
        </label>
        <textarea id="comment-section-body" name="body" rows={3} required maxLength={2000} className={FIELD} />
      </div>
    </ActionForm>
  );
}
