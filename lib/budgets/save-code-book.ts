import type { ClassificationCode, CodeBook } from "@/lib/disclosure/types";
import { BudgetStoreError } from "./budget-store-error";
import type { DbClient, DbReader } from "./db-client";

export interface CodeBookChanges {
  created: number;
  updated: number;
}

/**
 * Stores a year's code books in one transaction, into the year's newest revision (revision 1 when
 * the year has none): creates the fiscal year and missing codes, updates names or hierarchy that
 * changed. Codes absent from the input stay, since stored budgets may still use them. For seeds and
 * tests; an administrator's load is a new revision (lib/codebooks/import-code-book.ts).
 */
export function saveCodeBook(db: DbClient, codeBook: CodeBook): Promise<CodeBookChanges> {
  return db.$transaction((tx) => writeCodeBook(tx, codeBook), { timeout: 15_000 });
}

const keyOf = (c: Pick<ClassificationCode, "scheme" | "code">) => `${c.scheme}:${c.code}`;

export async function writeCodeBook(tx: DbReader, codeBook: CodeBook): Promise<CodeBookChanges> {
  const { year } = codeBook;
  const codes = [...codeBook.functional, ...codeBook.economic];
  validate(codeBook, codes);

  await tx.fiscalYear.createMany({ data: [{ year }], skipDuplicates: true });
  const revisionId = await newestOrFirstRevision(tx, year);
  const stored = await tx.classificationCode.findMany({
    where: { revisionId },
    select: { id: true, scheme: true, code: true, name: true, level: true, parentCode: true },
  });
  const storedByKey = new Map(stored.map((c) => [keyOf(c), c]));

  const missing = codes.filter((c) => !storedByKey.has(keyOf(c)));
  const changed = codes.flatMap((c) => {
    const s = storedByKey.get(keyOf(c));
    return s !== undefined && (s.name !== c.name || s.level !== c.level || s.parentCode !== c.parentCode)
      ? [{ id: s.id, code: c }]
      : [];
  });

  if (missing.length > 0) {
    // parents first, so that the hierarchy's foreign key holds however the insert is batched
    const byLevel = [...missing].sort((a, b) => a.level - b.level);
    await tx.classificationCode.createMany({
      data: byLevel.map((c) => ({ year, revisionId, scheme: c.scheme, code: c.code, name: c.name, level: c.level, parentCode: c.parentCode })),
    });
  }
  for (const { id, code } of changed) {
    await tx.classificationCode.update({
      where: { id },
      data: { name: code.name, level: code.level, parentCode: code.parentCode },
    });
  }
  return { created: missing.length, updated: changed.length };
}

async function newestOrFirstRevision(tx: DbReader, year: number): Promise<number> {
  const newest = await tx.codeBookRevision.findFirst({ where: { year }, orderBy: { revision: "desc" }, select: { id: true } });
  if (newest !== null) return newest.id;
  const created = await tx.codeBookRevision.create({
    data: { year, revision: 1, effectiveOn: new Date(Date.UTC(year, 0, 1)), note: "初始科目表" },
    select: { id: true },
  });
  return created.id;
}

function validate(codeBook: CodeBook, codes: readonly ClassificationCode[]): void {
  const misfiled = [
    ...codeBook.functional.filter((c) => c.scheme !== "FUNCTIONAL"),
    ...codeBook.economic.filter((c) => c.scheme !== "ECONOMIC"),
  ];
  if (misfiled.length > 0) {
    throw new BudgetStoreError("INVALID_CODE_BOOK", `code ${misfiled[0]?.code} is filed under the wrong scheme`);
  }
  const seen = new Set<string>();
  for (const c of codes) {
    if (seen.has(keyOf(c))) throw new BudgetStoreError("INVALID_CODE_BOOK", `code ${keyOf(c)} appears more than once`);
    seen.add(keyOf(c));
  }
}
