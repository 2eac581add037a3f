"use client";

import { useActionState } from "react";
import { ErrorSummary } from "@/components/ui/error-summary";
import { changePasswordAction, type ChangePasswordState } from "./actions";

const inputClass =
  "block w-full rounded border border-slate-400 px-3 py-2 text-base text-slate-900 focus:border-blue-700 focus:outline-2 focus:outline-offset-1 focus:outline-blue-700 aria-[invalid=true]:border-red-700";

interface FieldProps {
  name: "currentPassword" | "newPassword" | "confirmPassword";
  label: string;
  autoComplete: "current-password" | "new-password";
  errors: string[];
  hint?: string;
}

function PasswordField({ name, label, autoComplete, errors, hint }: FieldProps) {
  const describedBy = [errors.length > 0 ? `${name}-error` : null, hint === undefined ? null : `${name}-hint`].filter((id) => id !== null).join(" ");
  return (
    <div>
      <label htmlFor={name} className="mb-1 block font-medium">
        {label}
      </label>
      <input
        id={name}
        name={name}
        type="password"
        autoComplete={autoComplete}
        required
        aria-invalid={errors.length > 0}
        aria-describedby={describedBy === "" ? undefined : describedBy}
        className={inputClass}
      />
      {errors.length > 0 && (
        <p id={`${name}-error`} className="mt-1 text-sm text-red-800">
          {errors.join(" ")}
        </p>
      )}
      {hint !== undefined && (
        <p id={`${name}-hint`} className="mt-1 text-sm text-slate-700">
          {hint}
        </p>
      )}
    </div>
  );
}

/** A plain form posting to a server action: works without JavaScript; passwords are never echoed back. */
export function ChangePasswordForm({ isForced, ruleText }: { isForced: boolean; ruleText: string }) {
  const [state, formAction, isPending] = useActionState<ChangePasswordState, FormData>(changePasswordAction, null);
  const failure = state !== null && !state.ok ? state : null;
  const errorsOf = (name: string) => failure?.fieldErrors[name] ?? [];

  return (
    <form action={formAction} noValidate className="space-y-5">
      {failure !== null && <ErrorSummary title="密码未修改" message={failure.message} id="password-change-error" result={failure} />}
      {state?.ok === true && (
        <p role="status" className="rounded border-l-4 border-green-700 bg-green-50 px-4 py-3 text-green-900">
          {state.data.message}
        </p>
      )}
      <PasswordField name="currentPassword" label={isForced ? "初始密码" : "当前密码"} autoComplete="current-password" errors={errorsOf("currentPassword")} />
      <PasswordField name="newPassword" label="新密码" autoComplete="new-password" errors={errorsOf("newPassword")} hint={ruleText} />
      <PasswordField name="confirmPassword" label="再次输入新密码" autoComplete="new-password" errors={errorsOf("confirmPassword")} />
      <button
        type="submit"
        disabled={isPending}
        className="w-full rounded bg-blue-800 px-4 py-2.5 text-base font-semibold text-white hover:bg-blue-900 focus:outline-2 focus:outline-offset-2 focus:outline-blue-800 disabled:cursor-wait disabled:bg-slate-500"
      >
        {isPending ? "正在保存…" : "保存新密码"}
      </button>
    </form>
  );
}
