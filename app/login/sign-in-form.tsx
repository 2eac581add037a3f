"use client";

import { useActionState } from "react";
import { ErrorSummary } from "@/components/ui/error-summary";
import { signInAction, type SignInState } from "./actions";

const inputClass =
  "block w-full rounded border border-slate-400 px-3 py-2 text-base text-slate-900 focus:border-blue-700 focus:outline-2 focus:outline-offset-1 focus:outline-blue-700 aria-[invalid=true]:border-red-700";

/**
 * A plain form posting to a server action: it works before (and without) JavaScript, and with
 * JavaScript it keeps the page and moves focus to the error summary.
 */
export function SignInForm({ next }: { next: string }) {
  const [state, formAction, isPending] = useActionState<SignInState, FormData>(signInAction, null);
  const failure = state !== null && !state.ok ? state : null;
  const emailErrors = failure?.fieldErrors.email ?? [];
  const passwordErrors = failure?.fieldErrors.password ?? [];

  return (
    <form action={formAction} noValidate className="space-y-5">
      {failure !== null && <ErrorSummary title="登录未成功" message={failure.message} id="sign-in-error" result={failure} />}
      <input type="hidden" name="next" value={next} />
      <div>
        <label htmlFor="email" className="mb-1 block font-medium">
          邮箱
        </label>
        <input
          id="email"
          name="email"
          type="email"
          inputMode="email"
          autoComplete="username"
          required
          defaultValue={failure?.values.email ?? ""}
          aria-invalid={emailErrors.length > 0}
          aria-describedby={emailErrors.length > 0 ? "email-error" : undefined}
          className={inputClass}
        />
        {emailErrors.length > 0 && (
          <p id="email-error" className="mt-1 text-sm text-red-800">
            {emailErrors.join(" ")}
          </p>
        )}
      </div>
      <div>
        <label htmlFor="password" className="mb-1 block font-medium">
          密码
        </label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          aria-invalid={passwordErrors.length > 0}
          aria-describedby={passwordErrors.length > 0 ? "password-error password-hint" : "password-hint"}
          className={inputClass}
        />
        {passwordErrors.length > 0 && (
          <p id="password-error" className="mt-1 text-sm text-red-800">
            {passwordErrors.join(" ")}
          </p>
        )}
        <p id="password-hint" className="mt-1 text-sm text-slate-700">
          连续输错 5 次，账户将锁定 30 分钟。
        </p>
      </div>
      <button
        type="submit"
        disabled={isPending}
        className="w-full rounded bg-blue-800 px-4 py-2.5 text-base font-semibold text-white hover:bg-blue-900 focus:outline-2 focus:outline-offset-2 focus:outline-blue-800 disabled:cursor-wait disabled:bg-slate-500"
      >
        {isPending ? "正在登录…" : "登录"}
      </button>
    </form>
  );
}
