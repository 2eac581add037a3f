import { createHash } from "node:crypto";
import { AppError } from "@/lib/app-error";
import { isAccountantOf, isDepartmentReviewerOf, isFinanceReviewerOf, isUnitHeadOf, type Viewer } from "@/lib/auth/policies";
import { NOT_FOUND_MESSAGE } from "@/lib/budgets/budget-access";
import type { DbReader } from "@/lib/budgets/db-client";

export interface SignOffSheetFile {
  fileName: string;
  contentType: string;
  sha256: string;
  bytes: Buffer;
}

/**
 * The signed paper 审签单 of a budget version, for the unit's accountants and head and its
 * reviewers (department, finance bureau) only: never public, even once the budget is published,
 * and not for administrators by virtue of the role. NOT_FOUND for everyone else, as for none.
 */
export async function loadSignOffSheetFile(db: DbReader, viewer: Viewer | null, budgetId: number): Promise<SignOffSheetFile> {
  const row = Number.isSafeInteger(budgetId)
    ? await db.signOffSheet.findUnique({
        where: { budgetId },
        select: {
          fileName: true,
          contentType: true,
          sha256: true,
          bytes: true,
          budget: { select: { unitId: true, unit: { select: { departmentId: true, regionId: true } } } },
        },
      })
    : null;
  if (row === null) throw new AppError("NOT_FOUND", NOT_FOUND_MESSAGE);
  const { unitId, unit } = row.budget;
  const mayRead =
    isAccountantOf(viewer, unitId) ||
    isUnitHeadOf(viewer, unitId) ||
    (!isAccountantOf(viewer, unitId) && (isDepartmentReviewerOf(viewer, unit.departmentId) || isFinanceReviewerOf(viewer, unit.regionId)));
  if (!mayRead) throw new AppError("NOT_FOUND", NOT_FOUND_MESSAGE);
  const bytes = Buffer.from(row.bytes);
  // Served only while the bytes are those recorded at upload.
  if (createHash("sha256").update(bytes).digest("hex") !== row.sha256) throw new AppError("CONFLICT", "审签单文件与上传时记录的校验码不一致，不能提供。");
  return { fileName: row.fileName, contentType: row.contentType, sha256: row.sha256, bytes };
}
