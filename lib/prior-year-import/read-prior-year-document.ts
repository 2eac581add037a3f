import { AppError } from "@/lib/app-error";
import { ImportError } from "@/lib/import/import-error";
import { importDocument, type ImportedDocument, type ImportFile } from "@/lib/import/import-document";
import { startingPointFrom, type StartingPoint } from "@/lib/import/starting-point";

/** A unit's published budget is a few MB; narrative and tables together stay well under this. */
export const MAX_PRIOR_YEAR_BYTES = 10 * 1024 * 1024;
/** narrative + tables, at most */
export const MAX_PRIOR_YEAR_FILES = 3;

export interface PriorYearTarget {
  /** the unit's name as the region keeps it */
  unitName: string;
  /** the year being started; the document must be of the year before */
  year: number;
}

export interface PriorYearDocument {
  doc: ImportedDocument;
  start: StartingPoint;
}

/** 上海市普陀区社会福利院（本级） and 上海市普陀区社会福利院本级 name the same unit. */
export function sameUnitName(a: string, b: string): boolean {
  const normal = (name: string) => name.replace(/\s+/g, "").replace(/[（(]本级[)）]$|本级$/, "");
  return normal(a) !== "" && normal(a) === normal(b);
}

/**
 * Reads last year's published budget of a unit (one file, or narrative + tables) and checks it is
 * what the accountant means to start from: a budget (not a 决算), of the year before, of this unit.
 * Every refusal is an AppError with a Chinese message; a file the parsers choke on is refused the
 * same way, never passed on as an internal error.
 */
export async function readPriorYearDocument(files: readonly ImportFile[], target: PriorYearTarget): Promise<PriorYearDocument> {
  if (files.length === 0) throw new AppError("INVALID_INPUT", "请选择上年的预算公开文件（PDF 或 .docx）。");
  if (files.length > MAX_PRIOR_YEAR_FILES) throw new AppError("INVALID_INPUT", `一次最多导入${MAX_PRIOR_YEAR_FILES}个文件（公开说明和公开表分开发布时选择两个文件）。`);
  const total = files.reduce((sum, f) => sum + f.bytes.length, 0);
  if (total > MAX_PRIOR_YEAR_BYTES) {
    throw new AppError("INVALID_INPUT", `文件过大（${(total / 1024 / 1024).toFixed(1)} MB），超过${MAX_PRIOR_YEAR_BYTES / 1024 / 1024} MB的上限；预算公开文件通常只有几MB。`);
  }
  let doc: ImportedDocument;
  try {
    doc = await importDocument(files);
  } catch (error) {
    if (error instanceof ImportError) throw new AppError("INVALID_INPUT", error.message);
    // The parsers met something they do not handle: the file is untrusted input, not our fault to report as one.
    console.error("Unreadable prior-year document:", error);
    throw new AppError("INVALID_INPUT", "无法读取该文件：文件可能已损坏或不是预算公开文件。请确认是从门户网站下载的完整PDF或Word文件。");
  }
  if (doc.kind === "final") {
    throw new AppError("INVALID_INPUT", `这是${doc.year || ""}${doc.year ? "年" : ""}的决算公开文件，不能作为上年预算导入；请选择${target.year - 1}年的预算公开文件。`);
  }
  if (doc.year !== target.year - 1) {
    const read = doc.year ? `${doc.year}年` : "无法识别年度的";
    throw new AppError("INVALID_INPUT", `这是${read}预算公开文件；开始${target.year}年预算时只能导入上年（${target.year - 1}年）的预算公开文件。`);
  }
  if (!sameUnitName(doc.unitName, target.unitName)) {
    const read = doc.unitName ? `“${doc.unitName}”` : "无法识别单位名称";
    throw new AppError("INVALID_INPUT", `该文件是${read}的预算公开文件，不是本单位（${target.unitName}）的；只能导入本单位上年的预算公开文件。`);
  }
  try {
    return { doc, start: startingPointFrom(doc) };
  } catch (error) {
    if (error instanceof ImportError) throw new AppError("INVALID_INPUT", error.message);
    throw error;
  }
}
