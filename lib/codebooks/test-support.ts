import ExcelJS from "exceljs";
import type { DbReader } from "@/lib/budgets/db-client";
import type { CodeBook } from "@/lib/disclosure/types";

/** A code book as the bureau's CSV: 科目编码, 科目名称, one code per row (UTF-8 with BOM, as Excel saves it). */
export function codeBookCsv(book: Pick<CodeBook, "functional" | "economic">, extraRows: readonly string[] = []): Uint8Array {
  const rows = [...book.functional, ...book.economic].map((c) => `${c.code},${c.name}`);
  return new TextEncoder().encode(`\uFEFF科目编码,科目名称\r\n${[...rows, ...extraRows].join("\r\n")}\r\n`);
}

/** An .xlsx built by `build`, for files the bureau sends as workbooks. */
export async function workbookBytes(build: (workbook: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  build(workbook);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** Everything a code book load or a budget year could write, to prove that a refusal wrote nothing. */
export async function codeBookTables(db: DbReader) {
  return {
    fiscalYears: await db.fiscalYear.count(),
    revisions: await db.codeBookRevision.findMany({ orderBy: { id: "asc" } }),
    codes: await db.classificationCode.count(),
    budgetYears: await db.budgetYear.findMany({ orderBy: { id: "asc" } }),
    budgets: await db.budget.count(),
  };
}
