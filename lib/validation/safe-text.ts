import type { z } from "zod";

/**
 * Text PostgreSQL cannot store, refused at the edge with a field message instead of failing in
 * the database (a 500 and, in a transaction, nothing written but an error page): the NUL
 * character (text columns refuse it) and UTF-16 surrogates without their pair (invalid Unicode;
 * jsonb refuses their escapes). Every server action's form passes through this (lib/action.ts),
 * the entry screen's JSON save through its schema, spreadsheet cells through the reader.
 */
const UNSAFE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const NUL_MESSAGE = "含有空字符（\\0），无法保存。请删除该字符后重新输入（从其他软件复制的文字有时带有此字符）。";
export const SURROGATE_MESSAGE = "含有无效的 Unicode 字符（不成对的代理项），无法保存。请删除该字符后重新输入。";

/** The Chinese message for text that cannot be stored, or null when it can. */
export function unsafeTextMessage(text: string): string | null {
  const match = UNSAFE.exec(text);
  if (match === null) return null;
  return match[0] === "\u0000" ? NUL_MESSAGE : SURROGATE_MESSAGE;
}

export interface UnsafeText {
  path: (string | number)[];
  message: string;
}

/** How far the walk goes: inputs are forms and JSON bodies, never this deep or wide legitimately. */
const MAX_DEPTH = 12;

/**
 * Every string in `value` (object keys included) that cannot be stored, with its path. Blobs and
 * Files are skipped: their bytes are checked by the reader that parses them.
 */
export function findUnsafeText(value: unknown, path: (string | number)[] = [], found: UnsafeText[] = []): UnsafeText[] {
  if (typeof value === "string") {
    const message = unsafeTextMessage(value);
    if (message !== null) found.push({ path, message });
    return found;
  }
  if (typeof value !== "object" || value === null || path.length > MAX_DEPTH || found.length >= 50) return found;
  if (typeof Blob !== "undefined" && value instanceof Blob) return found;
  if (Array.isArray(value)) {
    value.forEach((item, index) => findUnsafeText(item, [...path, index], found));
    return found;
  }
  for (const [key, item] of Object.entries(value)) {
    const keyMessage = unsafeTextMessage(key);
    if (keyMessage !== null) found.push({ path: [...path], message: keyMessage });
    else findUnsafeText(item, [...path, key], found);
  }
  return found;
}

/** The same as a zod refinement, for schemas that take text by another route than a form (JSON bodies). */
export function rejectUnsafeText(value: unknown, context: z.RefinementCtx): void {
  for (const problem of findUnsafeText(value)) context.addIssue({ code: "custom", path: problem.path, message: problem.message });
}
