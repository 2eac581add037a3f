import { AppError } from "@/lib/app-error";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import { isFinanceReviewerOf, type Viewer } from "@/lib/auth/policies";
import { auditingRefusals } from "@/lib/budgets/budget-access";
import type { DbClient } from "@/lib/budgets/db-client";
import { revisionLabel } from "@/lib/codebooks/queries";

export interface OpenBudgetYearInput {
  regionId: number;
  year: number;
  codeBookRevisionId: number;
  /** 报送截止日期, YYYY-MM-DD */
  submissionDeadline: string;
  clientAddress?: string | null;
}

export interface OpenedBudgetYear {
  budgetYearId: number;
  year: number;
  revisionLabel: string;
  /** false when the year was open already and its revision or deadline changed */
  isNew: boolean;
}

/**
 * The region's finance bureau opens a budget year: the code book revision its units enter under
 * and the submission deadline. Opening it again changes both for drafts started from then on;
 * budgets already started keep the revision they were entered under.
 */
export function openBudgetYear(db: DbClient, viewer: Viewer | null, input: OpenBudgetYearInput): Promise<OpenedBudgetYear> {
  const details = { regionId: input.regionId, year: input.year, codeBookRevisionId: input.codeBookRevisionId, submissionDeadline: input.submissionDeadline };
  return auditingRefusals(db, viewer, { action: "budget_year.open", objectType: "budget_year", details, clientAddress: input.clientAddress ?? null }, () =>
    db.$transaction(async (tx) => {
      if (viewer === null) throw new AppError("UNAUTHENTICATED", "请先登录。");
      if (!isFinanceReviewerOf(viewer, input.regionId)) throw new AppError("FORBIDDEN", "只有本地区财政部门的审核人员可以开放预算年度。");
      const revision = await tx.codeBookRevision.findUnique({ where: { id: input.codeBookRevisionId }, select: { id: true, year: true, revision: true } });
      if (revision === null || revision.year !== input.year) {
        throw new AppError("INVALID_INPUT", `请选择${input.year}年的科目表。`, { codeBookRevisionId: [`请选择${input.year}年的科目表版本。`] });
      }
      const deadline = parseDeadline(input.submissionDeadline, input.year);
      const existing = await tx.budgetYear.findUnique({ where: { regionId_year: { regionId: input.regionId, year: input.year } }, select: { id: true } });
      const saved = await tx.budgetYear.upsert({
        where: { regionId_year: { regionId: input.regionId, year: input.year } },
        create: { regionId: input.regionId, year: input.year, codeBookRevisionId: revision.id, submissionDeadline: deadline },
        update: { codeBookRevisionId: revision.id, submissionDeadline: deadline },
        select: { id: true },
      });
      await writeAuditEvent(tx, {
        action: existing === null ? "budget_year.open" : "budget_year.update",
        result: "SUCCESS",
        userId: viewer.userId,
        objectType: "budget_year",
        objectId: String(saved.id),
        clientAddress: input.clientAddress ?? null,
        details: { ...details, revision: revision.revision },
      });
      return { budgetYearId: saved.id, year: input.year, revisionLabel: revisionLabel(revision), isNew: existing === null };
    }),
  );
}

/** A deadline is a real date between the year before (budgets are prepared in autumn) and the year's end. */
function parseDeadline(text: string, year: number): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const date = match === null ? null : new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  const isValid = date !== null && !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
  if (!isValid || date.getUTCFullYear() < year - 1 || date.getUTCFullYear() > year) {
    const message = `报送截止日期应为${year - 1}年或${year}年内的有效日期。`;
    throw new AppError("INVALID_INPUT", message, { submissionDeadline: [message] });
  }
  return date;
}
