"use client";

import { useState, type ClipboardEvent, type KeyboardEvent, type ReactNode } from "react";
import { amountUnitLabel } from "@/lib/disclosure/money";
import { applyPaste, type PasteColumn } from "@/lib/entry/apply-paste";
import { selectableCodes, type CodeScheme } from "@/lib/entry/code-search";
import { isBlock, parsePastedTable } from "@/lib/entry/paste-table";
import { AmountInput } from "./amount-input";
import { CodeCombobox } from "./code-combobox";
import { errorsAt, fieldId, useEditor } from "./editor-context";

export type GridColumn =
  | { key: string; label: string; type: "amount"; precision?: "budget" | "exact" }
  | { key: string; label: string; type: "text"; wide?: boolean }
  | { key: string; label: string; type: "code"; scheme: CodeScheme }
  | { key: string; label: string; type: "choice"; labels: Record<string, string> };

interface LinesGridProps<R extends Record<string, unknown>> {
  /** the draft array, e.g. `expenditure`; cells are `expenditure.3.amount` */
  name: string;
  caption: string;
  columns: readonly GridColumn[];
  rows: readonly R[];
  onRowsChange: (rows: R[]) => void;
  newRow: () => R;
  /** read-only columns after the editable ones, e.g. 上年 and 增减 */
  extra?: { labels: readonly string[]; cells: (row: R, index: number) => ReactNode[] };
}

const INPUT = "w-full rounded border border-slate-300 px-2 py-1 focus:border-blue-700 focus:outline-2 focus:outline-blue-700 aria-[invalid=true]:border-red-700";

/**
 * The lines of one table as a spreadsheet: arrows, Enter and Tab move between cells; a block
 * copied from Excel pastes from the focused cell on, adding rows, with each cell checked.
 */
export function LinesGrid<R extends Record<string, unknown>>({ name, caption, columns, rows, onRowsChange, newRow, extra }: LinesGridProps<R>) {
  const ctx = useEditor();
  const [pasteReport, setPasteReport] = useState<{ summary: string; problems: string[] } | null>(null);

  function focusCell(row: number, column: number): boolean {
    const key = columns[column]?.key;
    if (key === undefined) return false;
    const element = document.getElementById(fieldId(`${name}.${row}.${key}`));
    if (element === null) return false;
    element.focus();
    return true;
  }

  function updateCell(index: number, key: string, value: string): void {
    onRowsChange(rows.map((row, i) => (i === index ? { ...row, [key]: value } : row)));
  }

  function onKeyDown(event: KeyboardEvent<HTMLTableElement>): void {
    const target = event.target as HTMLElement;
    const row = Number(target.dataset.row);
    const column = Number(target.dataset.col);
    if (target.dataset.row === undefined || Number.isNaN(row) || Number.isNaN(column)) return;
    if (target.dataset.comboboxOpen === "true" || event.altKey || event.ctrlKey || event.metaKey) return;
    const input = target instanceof HTMLInputElement ? target : null;
    const atStart = input === null || (input.selectionStart === 0 && input.selectionEnd === 0);
    const atEnd = input === null || (input.selectionStart === input.value.length && input.selectionEnd === input.value.length);
    const allSelected = input !== null && input.selectionStart === 0 && input.selectionEnd === input.value.length;
    let moved = false;
    if (event.key === "ArrowUp") moved = focusCell(row - 1, column);
    else if (event.key === "ArrowDown" || (event.key === "Enter" && !event.shiftKey)) moved = focusCell(row + 1, column);
    else if (event.key === "Enter" && event.shiftKey) moved = focusCell(row - 1, column);
    else if (event.key === "ArrowLeft" && (atStart || allSelected)) moved = focusCell(row, column - 1);
    else if (event.key === "ArrowRight" && (atEnd || allSelected)) moved = focusCell(row, column + 1);
    if (moved || event.key === "Enter") event.preventDefault();
  }

  function onPaste(event: ClipboardEvent<HTMLTableElement>): void {
    if (ctx.readOnly) return;
    const target = event.target as HTMLElement;
    if (target.dataset.row === undefined) return;
    const text = event.clipboardData.getData("text/plain");
    if (!isBlock(text)) return;
    event.preventDefault();
    const pasteColumns: PasteColumn[] = columns.map((c) =>
      c.type === "code"
        ? { key: c.key, label: c.label, type: "code", codes: new Set(selectableCodes(ctx.codeBook, c.scheme).map((x) => x.code)), length: c.scheme === "functional" ? 7 : 5 }
        : c.type === "choice"
          ? { key: c.key, label: c.label, type: "choice", labels: c.labels }
          : c.type === "amount"
            ? { key: c.key, label: c.label, type: "amount", precision: c.precision ?? "budget" }
            : { key: c.key, label: c.label, type: "text" },
    );
    const start = { row: Number(target.dataset.row), column: Number(target.dataset.col) };
    const block = parsePastedTable(text);
    const result = applyPaste({ name, rows, start, block, columns: pasteColumns, newRow, documentUnit: ctx.documentUnit, entryUnit: ctx.entryUnit });
    // Cells the block overwrote lose their earlier invalid entries; the new ones take their place.
    for (let r = start.row; r < start.row + result.size.rows; r += 1) {
      for (let c = start.column; c < start.column + result.size.columns; c += 1) {
        const key = columns[c]?.key;
        if (key !== undefined) ctx.setInvalidEntry(`${name}.${r}.${key}`, null);
      }
    }
    for (const [path, entry] of Object.entries(result.invalidAmounts)) ctx.setInvalidEntry(path, entry);
    onRowsChange(result.rows);
    setPasteReport({
      summary: `已粘贴${result.size.rows}行×${result.size.columns}列${result.problems.length > 0 ? `，其中${result.problems.length}格需要修改` : ""}。`,
      problems: result.problems.map((p) => p.message),
    });
  }

  function removeRow(index: number): void {
    ctx.clearInvalid(`${name}.`);
    onRowsChange(rows.filter((_, i) => i !== index));
  }

  const unit = amountUnitLabel(ctx.entryUnit);
  return (
    <div>
      {/* With no rows there is nothing to focus inside: the box itself takes focus, so a keyboard can scroll it. */}
      <div className="overflow-x-auto rounded border border-slate-300" tabIndex={rows.length === 0 ? 0 : undefined} role="group" aria-label={caption}>
        <table className="w-full border-collapse text-sm" onKeyDown={onKeyDown} onPaste={onPaste} aria-describedby={ctx.readOnly ? undefined : `${name}-grid-help`}>
          <caption className="sr-only">{caption}</caption>
          <thead className="bg-slate-100 text-left">
            <tr>
              <th scope="col" className="w-10 px-2 py-1.5 font-medium">
                行
              </th>
              {columns.map((c) => (
                <th key={c.key} scope="col" className={`px-2 py-1.5 font-medium ${c.type === "amount" ? "text-right" : ""}`}>
                  {c.label}
                  {c.type === "amount" ? `（${unit}）` : ""}
                </th>
              ))}
              {extra?.labels.map((label) => (
                <th key={label} scope="col" className="px-2 py-1.5 text-right font-medium">
                  {label}（{unit}）
                </th>
              ))}
              {!ctx.readOnly && (
                <th scope="col" className="px-2 py-1.5">
                  <span className="sr-only">操作</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 && (
              <tr>
                <td colSpan={columns.length + 2 + (extra?.labels.length ?? 0)} className="px-3 py-3 text-slate-700">
                  尚无数据{ctx.readOnly ? "" : "。点“添加一行”，或在第一格粘贴从Excel复制的内容。"}
                </td>
              </tr>
            )}
            {rows.map((row, index) => (
              <tr key={index} id={`${name}-row-${index}`} className="border-t border-slate-200 align-top">
                <th scope="row" className="px-2 py-1.5 text-right font-normal tabular-nums text-slate-700">
                  {index + 1}
                </th>
                {columns.map((column, c) => {
                  const path = `${name}.${index}.${column.key}`;
                  const value = String(row[column.key] ?? "");
                  const label = `第${index + 1}行 ${column.label}`;
                  const grid = { row: index, column: c };
                  return (
                    <td key={column.key} className="px-1 py-1">
                      {column.type === "amount" ? (
                        <AmountInput path={path} value={value} onChange={(v) => updateCell(index, column.key, v)} label={label} grid={grid} precision={column.precision} />
                      ) : column.type === "code" ? (
                        <CodeCombobox path={path} scheme={column.scheme} value={value} onChange={(v) => updateCell(index, column.key, v)} label={label} grid={grid} />
                      ) : column.type === "choice" ? (
                        <ChoiceCell path={path} labels={column.labels} value={value} onChange={(v) => updateCell(index, column.key, v)} label={label} grid={grid} />
                      ) : (
                        <input
                          id={fieldId(path)}
                          aria-label={label}
                          data-row={index}
                          data-col={c}
                          readOnly={ctx.readOnly}
                          value={value}
                          onChange={(event) => updateCell(index, column.key, event.target.value)}
                          className={`${INPUT} ${column.wide ? "min-w-[16rem]" : "min-w-[6rem]"}`}
                        />
                      )}
                    </td>
                  );
                })}
                {extra?.cells(row, index).map((cell, i) => (
                  <td key={`extra-${i}`} className="px-2 py-1.5 text-right tabular-nums text-slate-700">
                    {cell}
                  </td>
                ))}
                {!ctx.readOnly && (
                  <td className="px-1 py-1">
                    <button
                      type="button"
                      onClick={() => removeRow(index)}
                      aria-label={`删除${caption}第${index + 1}行`}
                      className="whitespace-nowrap rounded px-2 py-1 text-sm text-red-800 hover:bg-red-50 focus:outline-2 focus:outline-red-700"
                    >
                      删除
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {!ctx.readOnly && (
        <div className="mt-2 flex flex-wrap items-center gap-3">
          <button
            type="button"
            onClick={() => {
              onRowsChange([...rows, newRow()]);
              requestAnimationFrame(() => focusCell(rows.length, 0));
            }}
            className="rounded border border-blue-800 px-3 py-1.5 text-sm font-medium text-blue-900 hover:bg-blue-50 focus:outline-2 focus:outline-blue-800"
          >
            添加一行
          </button>
          <p id={`${name}-grid-help`} className="text-xs text-slate-700">
            方向键、回车键和Tab键在格间移动；可从Excel复制多行多列后在任一格粘贴（Ctrl+V）。
          </p>
        </div>
      )}
      <div role="status" aria-live="polite" className="mt-2 text-sm">
        {pasteReport !== null && (
          <div className={pasteReport.problems.length > 0 ? "rounded border-l-4 border-amber-600 bg-amber-50 px-3 py-2 text-amber-950" : "text-green-900"}>
            <p>{pasteReport.summary}</p>
            {pasteReport.problems.length > 0 && (
              <ul className="mt-1 list-disc pl-5">
                {pasteReport.problems.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            )}
          </div>
        )}
      </div>
    </div>
  );
}

function ChoiceCell({
  path,
  labels,
  value,
  onChange,
  label,
  grid,
}: {
  path: string;
  labels: Record<string, string>;
  value: string;
  onChange: (value: string) => void;
  label: string;
  grid: { row: number; column: number };
}) {
  const ctx = useEditor();
  const errors = errorsAt(ctx, path);
  const id = fieldId(path);
  if (ctx.readOnly) {
    return (
      <span id={id} className="block px-2 py-1">
        {labels[value] ?? value}
      </span>
    );
  }
  return (
    <span className="block">
      <select
        id={id}
        aria-label={label}
        aria-invalid={errors.length > 0}
        data-row={grid.row}
        data-col={grid.column}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        onKeyDown={(event) => {
          // Up and down move between rows, as in the other cells; Alt+Down opens the list.
          if ((event.key === "ArrowUp" || event.key === "ArrowDown") && !event.altKey) event.preventDefault();
        }}
        className={`${INPUT} min-w-[8.5rem] bg-white`}
      >
        {Object.entries(labels).map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </select>
      {errors.length > 0 && <span className="block text-xs text-red-800">{errors.join(" ")}</span>}
    </span>
  );
}
