"use client";

import { useState } from "react";
import { displayAmount, editableAmount, enterAmount } from "@/lib/entry/amount-entry";
import { errorsAt, fieldId, useEditor } from "./editor-context";

interface AmountInputProps {
  /** the draft path, e.g. `expenditure.3.amount` */
  path: string;
  /** the draft's text in the document unit */
  value: string;
  onChange: (text: string) => void;
  /** accessible name, e.g. 第1行 金额 */
  label: string;
  className?: string;
  /** grid coordinates for keyboard navigation */
  grid?: { row: number; column: number };
  /** asset values are exact (1.385 万元); budget amounts to the document's last digit */
  precision?: "budget" | "exact";
}

/**
 * An amount typed in the accountant's entry unit (万元 or 元) and stored in the document's unit.
 * Thousands separators show when not editing; every valid keystroke updates the draft, so the
 * derived totals follow at once. Text that is not an amount stays in the cell with the reason.
 */
export function AmountInput({ path, value, onChange, label, className = "", grid, precision = "budget" }: AmountInputProps) {
  const ctx = useEditor();
  const [editing, setEditing] = useState<string | null>(null);
  const invalid = ctx.invalidEntries[path];
  const errors = errorsAt(ctx, path);
  const shown = editing ?? invalid?.typed ?? displayAmount(value, ctx.documentUnit, ctx.entryUnit);
  const id = fieldId(path);

  function take(text: string, final: boolean): void {
    const entry = enterAmount(text, ctx.documentUnit, ctx.entryUnit, precision);
    if (entry.ok) {
      if (entry.text !== value) onChange(entry.text);
      if (invalid !== undefined) ctx.setInvalidEntry(path, null);
    } else if (final) {
      ctx.setInvalidEntry(path, { typed: entry.text, message: entry.message });
    }
  }

  return (
    <span className="block">
      <input
        id={id}
        type="text"
        inputMode="decimal"
        autoComplete="off"
        aria-label={label}
        aria-invalid={errors.length > 0}
        aria-describedby={errors.length > 0 ? `${id}-error` : undefined}
        readOnly={ctx.readOnly}
        data-row={grid?.row}
        data-col={grid?.column}
        value={shown}
        onFocus={(event) => {
          if (ctx.readOnly) return;
          const text = invalid?.typed ?? editableAmount(value, ctx.documentUnit, ctx.entryUnit);
          setEditing(text);
          const input = event.currentTarget;
          // Show the editable text and select it now, not only after React's re-render: text typed
          // (or pasted, or filled by a test) before the next frame replaces it instead of appending.
          input.value = text;
          input.select();
          // Select again after React's render, but only while nothing has been typed: on a busy page
          // (an autosave completing) a keystroke can come before the next frame, and selecting it
          // would let the next keystroke replace it (13.50 became 3.50).
          requestAnimationFrame(() => {
            if (document.activeElement === input && input.value === text) input.select();
          });
        }}
        onChange={(event) => {
          setEditing(event.target.value);
          take(event.target.value, false);
        }}
        onBlur={() => {
          if (editing !== null) take(editing, true);
          setEditing(null);
        }}
        className={`w-full min-w-[7rem] rounded border border-slate-300 px-2 py-1 text-right tabular-nums focus:border-blue-700 focus:outline-2 focus:outline-blue-700 read-only:border-transparent read-only:bg-transparent aria-[invalid=true]:border-red-700 aria-[invalid=true]:bg-red-50 ${className}`}
      />
      {errors.length > 0 && (
        <span id={`${id}-error`} className="mt-0.5 block text-left text-xs text-red-800">
          {errors.join(" ")}
        </span>
      )}
    </span>
  );
}
