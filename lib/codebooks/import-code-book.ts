import { AppError } from "@/lib/app-error";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import { canAdminister, type Viewer } from "@/lib/auth/policies";
import { auditingRefusals } from "@/lib/budgets/budget-access";
import type { DbClient, DbReader } from "@/lib/budgets/db-client";
import type { ClassificationCode } from "@/lib/disclosure/types";
import { codeBookProblems } from "./check-code-book";
import { newestRevision, revisionLabel } from "./queries";

export interface ImportCodeBookInput {
  year: number;
  fileName: string;
  functional: ClassificationCode[];
  economic: ClassificationCode[];
  /** the day the revision takes effect (YYYY-MM-DD) */
  effectiveOn: string;
  note: string;
  /** the revision number the preview promised; refused when another load came in between */
  expectedRevision: number;
  clientAddress?: string | null;
}

export interface ImportedCodeBook {
  revisionId: number;
  year: number;
  revision: number;
  functionalCount: number;
  economicCount: number;
}

/**
 * Loads a year's code book as its next revision (revision 1 for a new year; an amendment adds
 * revision n + 1, and budgets entered under earlier revisions keep them). Global administrators
 * only, since the book is the country's. One transaction of set-based statements, whatever the
 * book's size: the year, the revision, all codes in one INSERT, the audit row.
 */
export function importCodeBook(db: DbClient, viewer: Viewer | null, input: ImportCodeBookInput): Promise<ImportedCodeBook> {
  const details = { year: input.year, fileName: input.fileName, revision: input.expectedRevision };
  return auditingRefusals(db, viewer, { action: "code_book.import", objectType: "code_book", details, clientAddress: input.clientAddress ?? null }, () =>
    db.$transaction(
      async (tx) => {
        if (viewer === null) throw new AppError("UNAUTHENTICATED", "请先登录。");
        if (!canAdminister(viewer)) throw new AppError("FORBIDDEN", "只有系统管理员可以导入科目表。");
        return writeCodeBookRevision(tx, input, { userId: viewer.userId, via: "web" });
      },
      { timeout: 30_000 },
    ),
  );
}

/**
 * The load itself, for the use case above, the command line (whose operator has no account:
 * `userId` null) and the demo seed (not audited).
 */
export async function writeCodeBookRevision(
  tx: DbReader,
  input: ImportCodeBookInput,
  actor: { userId: string | null; via: "web" | "cli" | "seed" },
): Promise<ImportedCodeBook> {
  const problems = codeBookProblems(input);
  if (problems.length > 0) throw new AppError("INVALID_INPUT", problems.slice(0, 5).join(""));
  const effectiveOn = parseDate(input.effectiveOn);
  const newest = await newestRevision(tx, input.year);
  const revision = (newest?.revision ?? 0) + 1;
  if (revision !== input.expectedRevision) {
    throw new AppError("CONFLICT", `预览之后，${input.year}年的科目表已经有了${revisionLabel({ year: input.year, revision: revision - 1 })}，请重新预览后再导入。`);
  }
  await tx.fiscalYear.createMany({ data: [{ year: input.year }], skipDuplicates: true });
  const created = await tx.codeBookRevision.create({
    data: { year: input.year, revision, effectiveOn, note: input.note, sourceFileName: input.fileName },
    select: { id: true },
  });
  // parents first, so that the hierarchy's foreign key holds however the insert is batched
  const codes = [...input.functional, ...input.economic].sort((a, b) => a.level - b.level);
  await tx.classificationCode.createMany({
    data: codes.map((c) => ({ year: input.year, revisionId: created.id, scheme: c.scheme, code: c.code, name: c.name, level: c.level, parentCode: c.parentCode })),
  });
  // The demo seed's book is demo data, not anyone's action (like the rest of the seed's data).
  if (actor.via !== "seed") {
    await writeAuditEvent(tx, {
      action: "code_book.import",
      result: "SUCCESS",
      userId: actor.userId,
      objectType: "code_book",
      objectId: String(created.id),
      clientAddress: actor.via === "web" ? (input.clientAddress ?? null) : null,
      details: {
        year: input.year,
        revision,
        fileName: input.fileName,
        effectiveOn: input.effectiveOn,
        functional: input.functional.length,
        economic: input.economic.length,
        via: actor.via,
      },
    });
  }
  return { revisionId: created.id, year: input.year, revision, functionalCount: input.functional.length, economicCount: input.economic.length };
}

function parseDate(text: string): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const date = match === null ? null : new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  if (date === null || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== text) {
    throw new AppError("INVALID_INPUT", "生效日期应为有效日期（年-月-日）。", { effectiveOn: ["请填写有效的生效日期。"] });
  }
  return date;
}
