import { readSpreadsheet } from "@/lib/spreadsheet/read-spreadsheet";
import type { ExcelImportResult } from "./import-types";
import { importWorkbook, type ImportContext } from "./import-workbook";

import { MAX_WORKBOOK_BYTES } from "./limits";

export { MAX_WORKBOOK_BYTES };

/**
 * Reads an uploaded workbook through the one safe spreadsheet reader (size, zip-bomb, OLE and
 * password-protected files, formula cells are refused there) and imports it.
 */
export async function importExcelFile(bytes: Uint8Array, fileName: string, context: ImportContext): Promise<ExcelImportResult> {
  const read = await readSpreadsheet(bytes, fileName, { maxBytes: MAX_WORKBOOK_BYTES });
  if (!read.ok) return { ok: false, problems: read.problems.map((p) => ({ severity: "error", ...p })) };
  return importWorkbook(read.data, context);
}
