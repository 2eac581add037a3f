"use client";

import { useId, useMemo, useState } from "react";
import { leadingCode, searchCodes, type CodeScheme } from "@/lib/entry/code-search";
import { errorsAt, fieldId, useEditor } from "./editor-context";

interface CodeComboboxProps {
  path: string;
  scheme: CodeScheme;
  value: string;
  onChange: (code: string) => void;
  label: string;
  grid?: { row: number; column: number };
}

/**
 * A code picker (ARIA 1.2 combobox with a listbox): type a code or part of a name, pick with the
 * arrow keys and Enter or with the mouse. Only 项 (functional, 7 digits) and 款 (economic, 5
 * digits) codes are offered. The chosen code's name shows under the field.
 */
export function CodeCombobox({ path, scheme, value, onChange, label, grid }: CodeComboboxProps) {
  const ctx = useEditor();
  const listId = useId();
  const [query, setQuery] = useState<string | null>(null);
  const [active, setActive] = useState(0);
  const open = query !== null;
  const options = useMemo(() => (query === null ? [] : searchCodes(ctx.codeBook, scheme, query, 12)), [ctx.codeBook, scheme, query]);
  const name = useMemo(() => ctx.codeBook[scheme].find((c) => c.code === value.trim())?.name ?? null, [ctx.codeBook, scheme, value]);
  const errors = errorsAt(ctx, path);
  const id = fieldId(path);

  function choose(code: string): void {
    if (code !== value) onChange(code);
    setQuery(null);
  }

  function commitTyped(): void {
    if (query === null) return;
    const typed = query.trim();
    if (typed === "") choose("");
    else {
      const exact = options.find((o) => o.code === leadingCode(typed));
      choose(exact?.code ?? leadingCode(typed));
    }
  }

  return (
    <span className="relative block min-w-[9rem]">
      <input
        id={id}
        type="text"
        role="combobox"
        autoComplete="off"
        aria-label={label}
        aria-autocomplete="list"
        aria-expanded={open && options.length > 0}
        aria-controls={listId}
        aria-activedescendant={open && options[active] ? `${listId}-${active}` : undefined}
        aria-invalid={errors.length > 0}
        aria-describedby={`${id}-name${errors.length > 0 ? ` ${id}-error` : ""}`}
        readOnly={ctx.readOnly}
        data-row={grid?.row}
        data-col={grid?.column}
        data-combobox-open={open && options.length > 0 ? "true" : undefined}
        value={query ?? value}
        onChange={(event) => {
          setQuery(event.target.value);
          setActive(0);
        }}
        onKeyDown={(event) => {
          if (ctx.readOnly) return;
          if (event.key === "ArrowDown" && event.altKey) {
            if (!open) {
              setQuery(value);
              setActive(0);
              event.preventDefault();
              event.stopPropagation();
            }
            return;
          }
          if (!open || options.length === 0) return;
          if (event.key === "ArrowDown") setActive((a) => Math.min(a + 1, options.length - 1));
          else if (event.key === "ArrowUp") setActive((a) => Math.max(a - 1, 0));
          else if (event.key === "Enter") {
            const option = options[active];
            if (option) choose(option.code);
          } else if (event.key === "Escape") setQuery(null);
          else return;
          event.preventDefault();
          event.stopPropagation();
        }}
        onBlur={commitTyped}
        className="w-full rounded border border-slate-300 px-2 py-1 tabular-nums focus:border-blue-700 focus:outline-2 focus:outline-blue-700 read-only:border-transparent read-only:bg-transparent aria-[invalid=true]:border-red-700 aria-[invalid=true]:bg-red-50"
      />
      <span id={`${id}-name`} className="mt-0.5 block text-xs text-slate-700">
        {name ?? (value.trim() === "" ? "" : "（未知科目）")}
      </span>
      {errors.length > 0 && (
        <span id={`${id}-error`} className="block text-xs text-red-800">
          {errors.join(" ")}
        </span>
      )}
      {open && options.length > 0 && (
        <ul
          id={listId}
          role="listbox"
          aria-label={`${label}可选科目`}
          className="absolute left-0 top-9 z-20 max-h-64 w-80 max-w-[85vw] overflow-y-auto rounded border border-slate-400 bg-white py-1 shadow-lg"
        >
          {options.map((option, index) => (
            <li
              key={option.code}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={index === active}
              onMouseDown={(event) => {
                event.preventDefault();
                choose(option.code);
              }}
              className={`cursor-pointer px-3 py-1.5 text-sm ${index === active ? "bg-blue-100 text-blue-950" : "text-slate-900"}`}
            >
              <span className="tabular-nums">{option.code}</span> {option.name}
            </li>
          ))}
        </ul>
      )}
    </span>
  );
}
