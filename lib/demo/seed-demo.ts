import type { DbClient } from "@/lib/budgets/db-client";
import { writeCodeBook } from "@/lib/budgets/save-code-book";
import { publishBudget, type DocumentRenderers } from "@/lib/publication/publish-budget";
import { ensureRegionChain, GUANTAO_REGION_CHAIN, writeBudgetWithHistory } from "./factories";
import { guantao2024Budget, guantao2024CodeBook } from "./guantao-2024";

export interface SeedReport {
  regionsCreated: number;
  codesCreated: number;
  codesUpdated: number;
  /** false when the demo unit already has a budget for the demo year */
  isBudgetCreated: boolean;
  /** true when this run published the demo budget (the first published budget) */
  isBudgetPublished: boolean;
  /** why the demo's PDF could not be rendered (no Chromium); null when it was, or nothing was published */
  pdfError: string | null;
}

export function hasChanges(report: SeedReport): boolean {
  return (
    report.regionsCreated + report.codesCreated + report.codesUpdated > 0 || report.isBudgetCreated || report.isBudgetPublished
  );
}

/**
 * Loads the demo data into the database: the region chain 河北省 › 邯郸市 › 馆陶县, the 2024 code
 * books and the 2024 budget of unit 224001 (with its department and unit), approved, in one
 * transaction; then publishes that budget the way a publisher would (publishBudget, which renders
 * and stores its snapshot), so the demo has the first published budget. Idempotent: what exists
 * is left as it is, and a published budget is not published again.
 */
export async function seedDemo(db: DbClient, renderers: DocumentRenderers): Promise<SeedReport> {
  const data = await seedDemoData(db);
  const budget = guantao2024Budget;
  const publishableCount = await db.$transaction((tx) =>
    tx.budget.count({
      where: {
        year: budget.year,
        status: { in: ["APPROVED", "SIGNED_OFF"] },
        unit: { code: budget.unit.code, region: { code: budget.region.code } },
        nextVersion: null,
      },
    }),
  );
  if (publishableCount === 0) return { ...data, isBudgetPublished: false, pdfError: null };
  const published = await publishBudget(
    db,
    { unitCode: budget.unit.code, year: budget.year, regionCode: budget.region.code },
    renderers,
  );
  return { ...data, isBudgetPublished: true, pdfError: published.pdfError };
}

function seedDemoData(db: DbClient): Promise<Omit<SeedReport, "isBudgetPublished" | "pdfError">> {
  const budget = guantao2024Budget;
  const county = GUANTAO_REGION_CHAIN.at(-1);
  if (county?.code !== budget.region.code) {
    throw new Error(`the demo region chain ends at ${county?.code}, but the demo budget is in ${budget.region.code}`);
  }
  return db.$transaction(
    async (tx) => {
      const chain = await ensureRegionChain(tx, GUANTAO_REGION_CHAIN);
      const codes = await writeCodeBook(tx, guantao2024CodeBook);
      const existing = await tx.budget.findFirst({
        where: { year: budget.year, unit: { code: budget.unit.code, region: { code: budget.region.code } } },
        select: { id: true },
      });
      if (existing === null) {
        await writeBudgetWithHistory(tx, { budget, status: "APPROVED", comment: "演示数据 (demo seed)" });
      }
      return {
        regionsCreated: chain.created,
        codesCreated: codes.created,
        codesUpdated: codes.updated,
        isBudgetCreated: existing === null,
      };
    },
    { timeout: 30_000 },
  );
}
