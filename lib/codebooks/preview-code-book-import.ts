import { AppError } from "@/lib/app-error";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import { canAdminister, type Viewer } from "@/lib/auth/policies";
import { auditingRefusals } from "@/lib/budgets/budget-access";
import type { DbClient, DbReader } from "@/lib/budgets/db-client";
import { prepareCodeBookImport, type CodeBookImportPreview } from "./prepare-code-book-import";

export interface PreviewCodeBookInput {
  year: number;
  fileName: string;
  bytes: Uint8Array;
  clientAddress?: string | null;
}

/**
 * The dry run of a code book load (预览): the file read, checked and compared with the book it
 * follows, every problem named by sheet, row and column. Global administrators only; writes nothing
 * but its audit row (a refused file is recorded with the number of problems).
 */
export function previewCodeBookImport(db: DbClient & DbReader, viewer: Viewer | null, input: PreviewCodeBookInput): Promise<CodeBookImportPreview> {
  const details = { year: input.year, fileName: input.fileName, bytes: input.bytes.byteLength };
  return auditingRefusals(db, viewer, { action: "code_book.preview", objectType: "code_book", details, clientAddress: input.clientAddress ?? null }, async () => {
    if (viewer === null) throw new AppError("UNAUTHENTICATED", "请先登录。");
    if (!canAdminister(viewer)) throw new AppError("FORBIDDEN", "只有系统管理员可以导入科目表。");
    if (!Number.isInteger(input.year) || input.year < 1990 || input.year > 2999) {
      throw new AppError("INVALID_INPUT", "请填写有效的预算年度。", { year: ["请填写有效的预算年度，例如 2025。"] });
    }
    const preview = await prepareCodeBookImport(db, input);
    await db.$transaction((tx) =>
      writeAuditEvent(tx, {
        action: "code_book.preview",
        result: preview.ok ? "SUCCESS" : "FAILURE",
        userId: viewer.userId,
        objectType: "code_book",
        clientAddress: input.clientAddress ?? null,
        details: preview.ok
          ? { ...details, revision: preview.plan.nextRevision, added: preview.plan.diff.added.length, removed: preview.plan.diff.removed.length, renamed: preview.plan.diff.renamed.length }
          : { ...details, problems: preview.problems.length },
      }),
    );
    return preview;
  });
}
