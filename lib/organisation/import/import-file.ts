import { AppError } from "@/lib/app-error";
import type { DbReader } from "@/lib/budgets/db-client";
import { readSpreadsheet, type SpreadsheetData, type SpreadsheetProblem } from "@/lib/spreadsheet/read-spreadsheet";

/** An uploaded file as the import use cases receive it (the server action reads the form's File). */
export interface ImportFile {
  fileName: string;
  bytes: Uint8Array;
}

/** The largest file an import reads (the spreadsheet reader's own default). */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

export type ReadImportResult = { ok: true; data: SpreadsheetData } | { ok: false; problems: SpreadsheetProblem[] };

/** Reads an untrusted upload through the one safe spreadsheet reader (.xlsx or .csv, no formulas, size limits). */
export async function readImportFile(file: ImportFile): Promise<ReadImportResult> {
  if (file.bytes.byteLength === 0) return { ok: false, problems: [{ sheet: null, row: null, column: null, message: "请选择要导入的文件（.xlsx 或 .csv）。" }] };
  return readSpreadsheet(file.bytes, file.fileName, { maxBytes: MAX_IMPORT_BYTES });
}

/** The region an import writes into, locked against a concurrent import when `forUpdate`. */
export async function importRegion(tx: DbReader, regionId: number, forUpdate: boolean): Promise<{ id: number; code: string; name: string }> {
  const rows = forUpdate
    ? await tx.$queryRaw<{ id: number; code: string; name: string }[]>`SELECT id, code, name FROM regions WHERE id = ${regionId} FOR UPDATE`
    : await tx.$queryRaw<{ id: number; code: string; name: string }[]>`SELECT id, code, name FROM regions WHERE id = ${regionId}`;
  const region = rows[0];
  if (region === undefined) throw new AppError("NOT_FOUND", "未找到该地区。", { regionId: ["未找到该地区。"] });
  return region;
}

/** A refusal carrying every problem of the file, one message each (the form lists them under "file"). */
export function fileRefusal(problems: readonly SpreadsheetProblem[]): AppError {
  return new AppError("INVALID_INPUT", `文件有 ${problems.length} 处问题，未导入任何数据。请修改后重新上传。`, { file: problems.map((p) => p.message) });
}

/** PostgreSQL refused a duplicate key: someone else wrote the same code since the dry run. */
export function isUniqueViolation(error: unknown): boolean {
  const text = error instanceof Error ? `${error.message} ${JSON.stringify((error as { meta?: unknown }).meta ?? null)}` : String(error);
  return text.includes("23505") || text.includes("Unique constraint") || (typeof error === "object" && error !== null && "code" in error && error.code === "P2002");
}
