"use client";

import { useId, useLayoutEffect, useMemo, useRef, useState, type CSSProperties, type RefObject } from "react";
import { createPortal } from "react-dom";
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
  const inputRef = useRef<HTMLInputElement>(null);
  const showList = open && options.length > 0;
  const placement = useListPlacement(inputRef, showList);

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
        ref={inputRef}
        id={id}
        type="text"
        role="combobox"
        autoComplete="off"
        aria-label={label}
        aria-autocomplete="list"
        aria-expanded={showList}
        aria-controls={listId}
        aria-activedescendant={open && options[active] ? `${listId}-${active}` : undefined}
        aria-invalid={errors.length > 0}
        aria-describedby={`${id}-name${errors.length > 0 ? ` ${id}-error` : ""}`}
        readOnly={ctx.readOnly}
        data-row={grid?.row}
        data-col={grid?.column}
        data-combobox-open={showList ? "true" : undefined}
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
      {showList &&
        placement !== null &&
        // In a portal with fixed position: the grid's scroll box would cut the list off at its last row.
        createPortal(
          <ul
            id={listId}
            role="listbox"
            aria-label={`${label}可选科目`}
            style={placement}
            className="fixed z-50 overflow-y-auto rounded border border-slate-400 bg-white py-1 shadow-lg"
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
          </ul>,
          document.body,
        )}
    </span>
  );
}

const LIST_MAX_HEIGHT = 256;

/**
 * Where the open list goes, in viewport coordinates: under the input (above it when the viewport
 * has no room below), at least 20rem wide but never wider than the viewport; follows scrolling.
 */
function useListPlacement(inputRef: RefObject<HTMLInputElement | null>, open: boolean): CSSProperties | null {
  const [placement, setPlacement] = useState<CSSProperties | null>(null);
  useLayoutEffect(() => {
    if (!open) {
      setPlacement(null);
      return;
    }
    const place = () => {
      const input = inputRef.current;
      if (input === null) return;
      const rect = input.getBoundingClientRect();
      const viewportWidth = document.documentElement.clientWidth;
      const width = Math.min(Math.max(rect.width, 320), viewportWidth - 16);
      const left = Math.max(8, Math.min(rect.left, viewportWidth - width - 8));
      const below = window.innerHeight - rect.bottom - 8;
      const above = rect.top - 8;
      const downward = below >= Math.min(LIST_MAX_HEIGHT, 160) || below >= above;
      setPlacement({
        left,
        width,
        maxHeight: Math.max(96, Math.min(LIST_MAX_HEIGHT, downward ? below : above)),
        ...(downward ? { top: rect.bottom + 2 } : { bottom: window.innerHeight - rect.top + 2 }),
      });
    };
    place();
    window.addEventListener("scroll", place, true);
    window.addEventListener("resize", place);
    return () => {
      window.removeEventListener("scroll", place, true);
      window.removeEventListener("resize", place);
    };
  }, [inputRef, open]);
  return placement;
}
