"use client";

import { createContext, useContext } from "react";
import type { AmountUnit, CodeBook } from "@/lib/disclosure/types";

export interface InvalidEntry {
  typed: string;
  message: string;
}

/** What every cell of the entry form needs: units, the code book, errors by path, read-only. */
export interface EditorContextValue {
  documentUnit: AmountUnit;
  entryUnit: AmountUnit;
  codeBook: CodeBook;
  readOnly: boolean;
  /** field errors by draft path (`expenditure.3.amount`), from the live parse or the server */
  fieldErrors: Record<string, string[]>;
  /** amounts typed that could not be read, by path; the draft keeps its value meanwhile */
  invalidEntries: Record<string, InvalidEntry>;
  setInvalidEntry: (path: string, entry: InvalidEntry | null) => void;
  /** forgets the invalid entries under a path prefix (rows removed or overwritten) */
  clearInvalid: (prefix: string) => void;
}

export const EditorContext = createContext<EditorContextValue | null>(null);

export function useEditor(): EditorContextValue {
  const value = useContext(EditorContext);
  if (value === null) throw new Error("useEditor outside the budget editor");
  return value;
}

/** The DOM id of a draft field, so findings and server errors can move focus to it. */
export function fieldId(path: string): string {
  return `f-${path}`;
}

export function errorsAt(ctx: EditorContextValue, path: string): string[] {
  const invalid = ctx.invalidEntries[path];
  return [...(invalid === undefined ? [] : [invalid.message]), ...(ctx.fieldErrors[path] ?? [])];
}
