"use client";

import { errorsAt, fieldId, useEditor } from "./editor-context";

const FIELD = "block w-full rounded border border-slate-400 px-3 py-2 text-base text-slate-900 focus:border-blue-700 focus:outline-2 focus:outline-offset-1 focus:outline-blue-700 read-only:border-slate-200 read-only:bg-slate-50 aria-[invalid=true]:border-red-700";

interface TextFieldProps {
  path: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  rows?: number;
  hint?: string;
  inputMode?: "decimal" | "text";
}

/** A labelled text field (a textarea when `rows` is given) with its field errors under it. */
export function TextField({ path, label, value, onChange, rows, hint, inputMode }: TextFieldProps) {
  const ctx = useEditor();
  const errors = errorsAt(ctx, path);
  const id = fieldId(path);
  const describedBy = [hint ? `${id}-hint` : "", errors.length > 0 ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
  const common = {
    id,
    value,
    readOnly: ctx.readOnly,
    "aria-invalid": errors.length > 0,
    "aria-describedby": describedBy,
    className: FIELD,
  };
  return (
    <div>
      <label htmlFor={id} className="mb-1 block font-medium">
        {label}
      </label>
      {hint && (
        <p id={`${id}-hint`} className="mb-1 text-sm text-slate-700">
          {hint}
        </p>
      )}
      {rows === undefined ? (
        <input type="text" autoComplete="off" inputMode={inputMode} {...common} onChange={(event) => onChange(event.target.value)} />
      ) : (
        <textarea rows={rows} {...common} onChange={(event) => onChange(event.target.value)} />
      )}
      {errors.length > 0 && (
        <p id={`${id}-error`} className="mt-1 text-sm text-red-800">
          {errors.join(" ")}
        </p>
      )}
    </div>
  );
}

/** A labelled amount outside a grid (e.g. 年终结转结余, a project's 财政资金). */
export { AmountInput } from "./amount-input";
