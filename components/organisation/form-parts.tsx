import type { ReactNode } from "react";
import type { MessageActionState } from "@/lib/action";

/** Form pieces shared by the organisation administration screens. */

export const inputClass =
  "block w-full rounded border border-slate-400 bg-white px-3 py-2 text-base text-slate-900 focus:border-blue-700 focus:outline-2 focus:outline-offset-1 focus:outline-blue-700 aria-[invalid=true]:border-red-700";
export const buttonClass =
  "rounded bg-blue-800 px-4 py-2 font-medium text-white hover:bg-blue-900 focus:outline-2 focus:outline-offset-2 focus:outline-blue-800 disabled:opacity-60";
export const secondaryButtonClass =
  "rounded border border-slate-500 bg-white px-3 py-1.5 text-sm font-medium text-slate-900 hover:bg-slate-100 focus:outline-2 focus:outline-offset-2 focus:outline-blue-800 disabled:opacity-60";
export const linkClass = "text-blue-800 underline underline-offset-2 hover:text-blue-950";

export function Outcome({ state, id }: { state: MessageActionState; id: string }) {
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

export function Field({
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
  children: (aria: { id: string; "aria-invalid": boolean; "aria-describedby"?: string }) => ReactNode;
}) {
  const describedBy = [errors.length > 0 ? `${id}-error` : null, hint !== undefined ? `${id}-hint` : null].filter(Boolean).join(" ");
  return (
    <div>
      <label htmlFor={id} className="mb-1 block font-medium">
        {label}
      </label>
      {children({ id, "aria-invalid": errors.length > 0, ...(describedBy !== "" ? { "aria-describedby": describedBy } : {}) })}
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

export const errorsOf = (state: MessageActionState, name: string): string[] => (state !== null && !state.ok ? (state.fieldErrors[name] ?? []) : []);
export const valuesOf = (state: MessageActionState): Record<string, string> => (state !== null && !state.ok ? state.values : {});

/** Links between the administration pages. */
export function AdminNav({ current }: { current: "regions" | "units-import" | "accounts-import" | "users" }) {
  const items = [
    { key: "regions", href: "/admin/regions", label: "地区、部门和单位" },
    { key: "units-import", href: "/admin/import/units", label: "批量导入单位" },
    { key: "accounts-import", href: "/admin/import/accounts", label: "批量导入账户" },
    { key: "users", href: "/admin/users", label: "账户管理" },
  ] as const;
  return (
    <nav aria-label="系统管理" className="mb-4 flex flex-wrap gap-x-4 gap-y-2 text-sm">
      <a href="/workspace" className={linkClass}>
        返回工作台
      </a>
      {items.map((item) =>
        item.key === current ? (
          <span key={item.key} aria-current="page" className="font-semibold">
            {item.label}
          </span>
        ) : (
          <a key={item.key} href={item.href} className={linkClass}>
            {item.label}
          </a>
        ),
      )}
    </nav>
  );
}
