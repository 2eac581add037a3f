"use client";

import { useActionState } from "react";
import { ErrorSummary } from "@/components/ui/error-summary";
import { backupCodeSignInAction, totpSignInAction, type SecondFactorState } from "./actions";

const inputClass =
  "block w-full rounded border border-slate-400 px-3 py-2 text-base tracking-widest text-slate-900 focus:border-blue-700 focus:outline-2 focus:outline-offset-1 focus:outline-blue-700 aria-[invalid=true]:border-red-700";
const buttonClass =
  "w-full rounded bg-blue-800 px-4 py-2.5 text-base font-semibold text-white hover:bg-blue-900 focus:outline-2 focus:outline-offset-2 focus:outline-blue-800 disabled:cursor-wait disabled:bg-slate-500";

function failureOf(state: SecondFactorState) {
  return state !== null && !state.ok ? state : null;
}

/** 动态口令: a plain form posting to a server action, so it works without JavaScript too. */
export function TotpForm({ next }: { next: string }) {
  const [state, formAction, isPending] = useActionState<SecondFactorState, FormData>(totpSignInAction, null);
  const failure = failureOf(state);
  const errors = failure?.fieldErrors.code ?? [];
  return (
    <form action={formAction} noValidate className="space-y-5">
      {failure !== null && <ErrorSummary title="验证未成功" message={failure.message} id="totp-error" result={failure} />}
      <input type="hidden" name="next" value={next} />
      <div>
        <label htmlFor="code" className="mb-1 block font-medium">
          动态口令
        </label>
        <input
          id="code"
          name="code"
          type="text"
          inputMode="numeric"
          autoComplete="one-time-code"
          pattern="[0-9 ]*"
          maxLength={8}
          required
          autoFocus
          aria-invalid={errors.length > 0}
          aria-describedby={errors.length > 0 ? "code-error code-hint" : "code-hint"}
          className={inputClass}
        />
        {errors.length > 0 && (
          <p id="code-error" className="mt-1 text-sm text-red-800">
            {errors.join(" ")}
          </p>
        )}
        <p id="code-hint" className="mt-1 text-sm text-slate-700">
          6 位数字，每 30 秒更新一次。
        </p>
      </div>
      <button type="submit" disabled={isPending} className={buttonClass}>
        {isPending ? "正在验证…" : "验证"}
      </button>
    </form>
  );
}

/** 备用码: each of the ten codes works once. */
export function BackupCodeForm({ next }: { next: string }) {
  const [state, formAction, isPending] = useActionState<SecondFactorState, FormData>(backupCodeSignInAction, null);
  const failure = failureOf(state);
  const errors = failure?.fieldErrors.backupCode ?? [];
  return (
    <form action={formAction} noValidate className="space-y-4">
      {failure !== null && <ErrorSummary title="验证未成功" message={failure.message} id="backup-code-error" result={failure} />}
      <input type="hidden" name="next" value={next} />
      <div>
        <label htmlFor="backupCode" className="mb-1 block font-medium">
          备用码
        </label>
        <input
          id="backupCode"
          name="backupCode"
          type="text"
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          maxLength={20}
          required
          aria-invalid={errors.length > 0}
          aria-describedby={errors.length > 0 ? "backup-code-field-error backup-code-hint" : "backup-code-hint"}
          className={inputClass}
        />
        {errors.length > 0 && (
          <p id="backup-code-field-error" className="mt-1 text-sm text-red-800">
            {errors.join(" ")}
          </p>
        )}
        <p id="backup-code-hint" className="mt-1 text-sm text-slate-700">
          设置双因素认证时保存的 10 个备用码之一，形如 Ab3dE-fG7hJ；每个只能使用一次。
        </p>
      </div>
      <button type="submit" disabled={isPending} className={buttonClass}>
        {isPending ? "正在验证…" : "使用备用码登录"}
      </button>
    </form>
  );
}
