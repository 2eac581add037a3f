"use client";

import { useActionState, useEffect, useRef, type ReactNode } from "react";
import type { ActionResult } from "@/lib/action";

export type WorkflowActionState = ActionResult<{ message: string }> | null;
export type WorkflowAction = (previous: WorkflowActionState, formData: FormData) => Promise<WorkflowActionState>;

const BUTTON = {
  primary: "bg-blue-800 text-white hover:bg-blue-900 focus:outline-blue-800",
  danger: "bg-red-800 text-white hover:bg-red-900 focus:outline-red-800",
  secondary: "border border-slate-500 bg-white text-slate-900 hover:bg-slate-100 focus:outline-blue-800",
} as const;

/**
 * A form posting to a workflow server action (works without JavaScript), announcing the result:
 * the success sentence as a status, a refusal as an alert with every field's message.
 */
export function ActionForm({
  action,
  hidden,
  submitLabel,
  pendingLabel,
  tone = "primary",
  label,
  children,
}: {
  action: WorkflowAction;
  hidden: Record<string, string | number>;
  submitLabel: string;
  pendingLabel: string;
  tone?: keyof typeof BUTTON;
  /** the form's accessible name */
  label: string;
  children?: ReactNode;
}) {
  const [state, formAction, isPending] = useActionState<WorkflowActionState, FormData>(action, null);
  const alertRef = useRef<HTMLDivElement>(null);
  const failure = state !== null && !state.ok ? state : null;
  useEffect(() => {
    if (failure !== null) alertRef.current?.focus();
  }, [failure]);
  const fieldMessages = failure === null ? [] : Object.values(failure.fieldErrors).flat().filter((m) => m !== failure.message);

  return (
    <form action={formAction} aria-label={label} noValidate className="space-y-3">
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children}
      {failure !== null && (
        <div ref={alertRef} tabIndex={-1} role="alert" className="rounded border-l-4 border-red-700 bg-red-50 px-3 py-2 text-red-900">
          <p>{failure.message}</p>
          {fieldMessages.length > 0 && (
            <ul className="mt-1 list-disc pl-5">
              {fieldMessages.map((message) => (
                <li key={message}>{message}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      {state !== null && state.ok && (
        <p role="status" className="rounded border-l-4 border-green-700 bg-green-50 px-3 py-2 text-green-900">
          {state.data.message}
        </p>
      )}
      <button
        type="submit"
        disabled={isPending}
        className={`rounded px-4 py-2 font-semibold focus:outline-2 focus:outline-offset-2 disabled:cursor-not-allowed disabled:opacity-60 ${BUTTON[tone]}`}
      >
        {isPending ? pendingLabel : submitLabel}
      </button>
    </form>
  );
}
