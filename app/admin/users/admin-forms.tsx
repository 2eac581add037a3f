"use client";

import { useActionState } from "react";
import { createUserAction, grantRoleAction, resetSecondFactorAction, revokeRoleAction, unlockUserAction, type AdminState } from "./actions";

const inputClass =
  "block w-full rounded border border-slate-400 bg-white px-3 py-2 text-base text-slate-900 focus:border-blue-700 focus:outline-2 focus:outline-offset-1 focus:outline-blue-700 aria-[invalid=true]:border-red-700";
const buttonClass =
  "rounded bg-blue-800 px-4 py-2 font-medium text-white hover:bg-blue-900 focus:outline-2 focus:outline-offset-2 focus:outline-blue-800 disabled:opacity-60";

function Outcome({ state, id }: { state: AdminState; id: string }) {
  if (state === null) return null;
  if (state.ok) {
    return (
      <p role="status" id={id} className="rounded border-l-4 border-green-700 bg-green-50 px-3 py-2 text-green-900">
        {state.data.message}
      </p>
    );
  }
  return (
    <p role="alert" id={id} className="rounded border-l-4 border-red-700 bg-red-50 px-3 py-2 text-red-900">
      {state.message}
    </p>
  );
}

function Field({
  id,
  label,
  errors,
  hint,
  children,
}: {
  id: string;
  label: string;
  errors: readonly string[];
  hint?: string;
  children: (aria: { "aria-invalid": boolean; "aria-describedby"?: string }) => React.ReactNode;
}) {
  const describedBy = [errors.length > 0 ? `${id}-error` : null, hint !== undefined ? `${id}-hint` : null].filter(Boolean).join(" ");
  return (
    <div>
      <label htmlFor={id} className="mb-1 block font-medium">
        {label}
      </label>
      {children({ "aria-invalid": errors.length > 0, ...(describedBy !== "" ? { "aria-describedby": describedBy } : {}) })}
      {errors.length > 0 && (
        <p id={`${id}-error`} className="mt-1 text-sm text-red-800">
          {errors.join(" ")}
        </p>
      )}
      {hint !== undefined && (
        <p id={`${id}-hint`} className="mt-1 text-sm text-slate-700">
          {hint}
        </p>
      )}
    </div>
  );
}

const errorsOf = (state: AdminState, name: string): string[] => (state !== null && !state.ok ? (state.fieldErrors[name] ?? []) : []);

/** `passwordRule`: the rule as configured (passwordRuleText() on the server; the form runs in the browser). */
export function CreateUserForm({ passwordRule }: { passwordRule: string }) {
  const [state, formAction, isPending] = useActionState<AdminState, FormData>(createUserAction, null);
  const values = state !== null && !state.ok ? state.values : {};
  return (
    <form action={formAction} noValidate className="space-y-4" aria-label="创建账户">
      <Outcome state={state} id="create-user-outcome" />
      <Field id="new-name" label="姓名" errors={errorsOf(state, "name")}>
        {(aria) => <input id="new-name" name="name" autoComplete="off" defaultValue={values.name ?? ""} className={inputClass} {...aria} />}
      </Field>
      <Field id="new-email" label="邮箱" errors={errorsOf(state, "email")}>
        {(aria) => <input id="new-email" name="email" type="email" autoComplete="off" defaultValue={values.email ?? ""} className={inputClass} {...aria} />}
      </Field>
      <Field id="new-password" label="初始密码" errors={errorsOf(state, "password")} hint={`${passwordRule}请通过安全渠道告知本人。`}>
        {(aria) => <input id="new-password" name="password" type="password" autoComplete="new-password" className={inputClass} {...aria} />}
      </Field>
      <button type="submit" disabled={isPending} className={buttonClass}>
        创建账户
      </button>
    </form>
  );
}

export function GrantRoleForm({
  users,
  roles,
  scopeGroups,
}: {
  users: readonly { id: string; label: string }[];
  roles: readonly { value: string; label: string }[];
  scopeGroups: readonly { label: string; options: readonly { value: string; label: string }[] }[];
}) {
  const [state, formAction, isPending] = useActionState<AdminState, FormData>(grantRoleAction, null);
  return (
    <form action={formAction} noValidate className="space-y-4" aria-label="授予角色">
      <Outcome state={state} id="grant-role-outcome" />
      <Field id="grant-user" label="账户" errors={errorsOf(state, "userId")}>
        {(aria) => (
          <select id="grant-user" name="userId" defaultValue="" className={inputClass} {...aria}>
            <option value="">请选择账户</option>
            {users.map((user) => (
              <option key={user.id} value={user.id}>
                {user.label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="grant-role" label="角色" errors={errorsOf(state, "role")}>
        {(aria) => (
          <select id="grant-role" name="role" defaultValue="" className={inputClass} {...aria}>
            <option value="">请选择角色</option>
            {roles.map((role) => (
              <option key={role.value} value={role.value}>
                {role.label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="grant-scope" label="适用范围" errors={errorsOf(state, "scope")} hint="单位填报人选单位，主管部门审核人选部门，财政部门审核人选地区，系统管理员和安全管理员选地区或全部地区，审计管理员选全部地区。">
        {(aria) => (
          <select id="grant-scope" name="scope" defaultValue="" className={inputClass} {...aria}>
            <option value="">请选择适用范围</option>
            {scopeGroups.map((group) => (
              <optgroup key={group.label} label={group.label}>
                {group.options.map((option) => (
                  <option key={option.value} value={option.value}>
                    {option.label}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        )}
      </Field>
      <button type="submit" disabled={isPending} className={buttonClass}>
        授予角色
      </button>
    </form>
  );
}

/** A one-button form (revoke a role, unlock an account) with its outcome next to it. */
function RowAction({
  action,
  name,
  value,
  label,
  accessibleName,
}: {
  action: (previous: AdminState, formData: FormData) => Promise<AdminState>;
  name: string;
  value: string;
  label: string;
  accessibleName: string;
}) {
  const [state, formAction, isPending] = useActionState<AdminState, FormData>(action, null);
  return (
    <form action={formAction} className="inline-flex flex-wrap items-center gap-2">
      <input type="hidden" name={name} value={value} />
      <button
        type="submit"
        disabled={isPending}
        aria-label={accessibleName}
        className="rounded border border-slate-500 px-2 py-0.5 text-sm hover:bg-slate-100 focus:outline-2 focus:outline-offset-2 focus:outline-blue-800 disabled:opacity-60"
      >
        {label}
      </button>
      {state !== null && !state.ok && (
        <span role="alert" className="text-sm text-red-800">
          {state.message}
        </span>
      )}
    </form>
  );
}

export function RevokeRoleButton({ assignmentId, description }: { assignmentId: number; description: string }) {
  return <RowAction action={revokeRoleAction} name="assignmentId" value={String(assignmentId)} label="撤销" accessibleName={`撤销 ${description}`} />;
}

export function UnlockUserButton({ userId, email }: { userId: string; email: string }) {
  return <RowAction action={unlockUserAction} name="userId" value={userId} label="解锁" accessibleName={`解锁 ${email}`} />;
}

/** 重置双因素认证 (security administrators): the account enrols again at its next sign-in. */
export function ResetSecondFactorButton({ userId, email }: { userId: string; email: string }) {
  return <RowAction action={resetSecondFactorAction} name="userId" value={userId} label="重置双因素认证" accessibleName={`重置双因素认证：${email}`} />;
}
