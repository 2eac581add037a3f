import type { DbReader } from "@/lib/budgets/db-client";

export interface RevisionSummary {
  id: number;
  year: number;
  revision: number;
  effectiveOn: string;
  note: string;
  sourceFileName: string;
  createdAt: Date;
  functionalCount: number;
  economicCount: number;
  /** budgets entered under it */
  budgetCount: number;
}

/** Every revision of every year, newest year and revision first, with its code and budget counts (three queries). */
export async function listCodeBookRevisions(db: DbReader): Promise<RevisionSummary[]> {
  const [revisions, codeCounts, budgetCounts] = await Promise.all([
    db.codeBookRevision.findMany({
      orderBy: [{ year: "desc" }, { revision: "desc" }],
      select: { id: true, year: true, revision: true, effectiveOn: true, note: true, sourceFileName: true, createdAt: true },
    }),
    db.classificationCode.groupBy({ by: ["revisionId", "scheme"], _count: { _all: true } }),
    db.budget.groupBy({ by: ["codeBookRevisionId"], _count: { _all: true } }),
  ]);
  const codes = (id: number, scheme: "FUNCTIONAL" | "ECONOMIC") =>
    codeCounts.find((row) => row.revisionId === id && row.scheme === scheme)?._count._all ?? 0;
  return revisions.map((r) => ({
    ...r,
    effectiveOn: r.effectiveOn.toISOString().slice(0, 10),
    functionalCount: codes(r.id, "FUNCTIONAL"),
    economicCount: codes(r.id, "ECONOMIC"),
    budgetCount: budgetCounts.find((row) => row.codeBookRevisionId === r.id)?._count._all ?? 0,
  }));
}

export interface RevisionRef {
  id: number;
  year: number;
  revision: number;
}

/** The newest revision of a year, or null when the year has no book. */
export function newestRevision(db: DbReader, year: number): Promise<RevisionRef | null> {
  return db.codeBookRevision.findFirst({ where: { year }, orderBy: { revision: "desc" }, select: { id: true, year: true, revision: true } });
}

/** What a new book of `year` is compared with: the year's newest revision (an amendment), else last year's newest. */
export async function baselineRevision(db: DbReader, year: number): Promise<RevisionRef | null> {
  return (await newestRevision(db, year)) ?? (await newestRevision(db, year - 1));
}

/** "2025年第 2 版" */
export function revisionLabel(revision: Pick<RevisionRef, "year" | "revision">): string {
  return `${revision.year}年第 ${revision.revision} 版`;
}
