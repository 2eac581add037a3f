import type { ClassificationCode, ClassificationScheme, CodeBook } from "@/lib/disclosure/types";

export interface RenamedCode {
  scheme: ClassificationScheme;
  code: string;
  level: 1 | 2 | 3;
  oldName: string;
  newName: string;
}

/** What a new book changes against the one it follows: codes added, removed and renamed, each ordered by scheme and code. */
export interface CodeBookDiff {
  added: ClassificationCode[];
  removed: ClassificationCode[];
  renamed: RenamedCode[];
  /** codes present in both with the same name */
  unchangedCount: number;
}

const keyOf = (c: Pick<ClassificationCode, "scheme" | "code">) => `${c.scheme}:${c.code}`;
const order = (a: Pick<ClassificationCode, "scheme" | "code">, b: Pick<ClassificationCode, "scheme" | "code">) =>
  a.scheme === b.scheme ? (a.code < b.code ? -1 : a.code > b.code ? 1 : 0) : a.scheme === "FUNCTIONAL" ? -1 : 1;

/** The difference from `before` (null: no earlier book, so everything is added) to `after`. */
export function diffCodeBooks(before: Pick<CodeBook, "functional" | "economic"> | null, after: Pick<CodeBook, "functional" | "economic">): CodeBookDiff {
  const old = new Map((before === null ? [] : [...before.functional, ...before.economic]).map((c) => [keyOf(c), c]));
  const next = [...after.functional, ...after.economic];
  const nextKeys = new Set(next.map(keyOf));
  const added: ClassificationCode[] = [];
  const renamed: RenamedCode[] = [];
  let unchangedCount = 0;
  for (const code of next) {
    const previous = old.get(keyOf(code));
    if (previous === undefined) added.push(code);
    else if (previous.name !== code.name) {
      renamed.push({ scheme: code.scheme, code: code.code, level: code.level, oldName: previous.name, newName: code.name });
    } else unchangedCount += 1;
  }
  const removed = [...old.values()].filter((code) => !nextKeys.has(keyOf(code)));
  return { added: added.sort(order), removed: removed.sort(order), renamed: renamed.sort(order), unchangedCount };
}
