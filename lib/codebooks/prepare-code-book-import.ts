import { loadCodeBook } from "@/lib/budgets/queries";
import type { DbReader } from "@/lib/budgets/db-client";
import type { ClassificationCode } from "@/lib/disclosure/types";
import { readSpreadsheet, type SpreadsheetProblem } from "@/lib/spreadsheet/read-spreadsheet";
import { codeBookProblems } from "./check-code-book";
import { diffCodeBooks, type CodeBookDiff } from "./diff-code-books";
import { baselineRevision, newestRevision, type RevisionRef } from "./queries";
import { readCodeBookSheets } from "./read-code-book-sheets";

/** A code book file, read and validated, and what applying it would change. */
export interface CodeBookImportPlan {
  year: number;
  fileName: string;
  functional: ClassificationCode[];
  economic: ClassificationCode[];
  /** the schemes the file did not contain, carried over from the baseline */
  carriedSchemes: ("FUNCTIONAL" | "ECONOMIC")[];
  /** what the diff compares with: the year's newest revision, else last year's; null for the first book */
  baseline: RevisionRef | null;
  /** the revision number applying it creates */
  nextRevision: number;
  diff: CodeBookDiff;
}

export type CodeBookImportPreview = { ok: true; plan: CodeBookImportPlan } | { ok: false; problems: SpreadsheetProblem[] };

/**
 * Reads an uploaded code book through the one safe spreadsheet reader and plans its load: the
 * validated codes (a scheme the file lacks is carried over from the baseline, since bureaus often
 * send 功能分类 and 经济分类 as separate files), the revision it becomes and its diff. Writes nothing.
 */
export async function prepareCodeBookImport(db: DbReader, input: { year: number; fileName: string; bytes: Uint8Array }): Promise<CodeBookImportPreview> {
  const read = await readSpreadsheet(input.bytes, input.fileName);
  if (!read.ok) return { ok: false, problems: read.problems };
  const sheets = readCodeBookSheets(read.data);
  if (!sheets.ok) return { ok: false, problems: sheets.problems };

  const [baseline, newest] = await Promise.all([baselineRevision(db, input.year), newestRevision(db, input.year)]);
  const before = baseline === null ? null : await loadCodeBook(db, baseline.year, baseline.id);
  const carriedSchemes: ("FUNCTIONAL" | "ECONOMIC")[] = [];
  let { functional, economic } = sheets;
  if (functional.length === 0 && before !== null && before.functional.length > 0) {
    functional = before.functional;
    carriedSchemes.push("FUNCTIONAL");
  }
  if (economic.length === 0 && before !== null && before.economic.length > 0) {
    economic = before.economic;
    carriedSchemes.push("ECONOMIC");
  }
  const problems = codeBookProblems({ functional, economic });
  if (problems.length > 0) return { ok: false, problems: problems.map((message) => ({ sheet: null, row: null, column: null, message })) };
  return {
    ok: true,
    plan: {
      year: input.year,
      fileName: input.fileName,
      functional,
      economic,
      carriedSchemes,
      baseline,
      nextRevision: (newest?.revision ?? 0) + 1,
      diff: diffCodeBooks(before, { functional, economic }),
    },
  };
}
