import type { DbReader } from "@/lib/budgets/db-client";
import { writeCodeBookRevision } from "./import-code-book";
import { starterCodeBook } from "./starter-code-book";

export const DEMO_NEXT_YEAR = 2025;

/**
 * The demo's next year: the starter book loaded as 2025's first revision and 2025 opened for the
 * demo county, so the demo accountant can start the 2025 draft. Does nothing when 2025 has a book
 * or the county has opened 2025 already.
 */
export async function seedDemoCodeBook(tx: DbReader, regionCode: string): Promise<void> {
  const region = await tx.region.findUnique({ where: { code: regionCode }, select: { id: true } });
  if (region === null) return;
  let revision = await tx.codeBookRevision.findFirst({ where: { year: DEMO_NEXT_YEAR }, orderBy: { revision: "desc" }, select: { id: true } });
  if (revision === null) {
    const book = starterCodeBook(DEMO_NEXT_YEAR);
    const loaded = await writeCodeBookRevision(
      tx,
      { ...book, fileName: "starter-code-book.json", effectiveOn: `${DEMO_NEXT_YEAR}-01-01`, note: "演示数据：产品自带的部分科目表", expectedRevision: 1 },
      { userId: null, via: "seed" },
    );
    revision = { id: loaded.revisionId };
  }
  await tx.budgetYear.createMany({
    data: [{ regionId: region.id, year: DEMO_NEXT_YEAR, codeBookRevisionId: revision.id, submissionDeadline: new Date(Date.UTC(DEMO_NEXT_YEAR, 0, 31)) }],
    skipDuplicates: true,
  });
}
