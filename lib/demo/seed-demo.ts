import type { DbClient } from "@/lib/budgets/db-client";
import { writeCodeBook } from "@/lib/budgets/save-code-book";
import { ensureRegionChain, GUANTAO_REGION_CHAIN, writeBudgetWithHistory } from "./factories";
import { guantao2024Budget, guantao2024CodeBook } from "./guantao-2024";

export interface SeedReport {
  regionsCreated: number;
  codesCreated: number;
  codesUpdated: number;
  /** false when the demo unit already has a budget for the demo year */
  isBudgetCreated: boolean;
}

export function hasChanges(report: SeedReport): boolean {
  return report.regionsCreated + report.codesCreated + report.codesUpdated > 0 || report.isBudgetCreated;
}

/**
 * Loads the demo data into the database, in one transaction: the region chain 河北省 › 邯郸市 ›
 * 馆陶县, the 2024 code books, and the 2024 budget of unit 224001 (with its department and unit).
 * Idempotent: what exists is left as it is. The budget is APPROVED, not PUBLISHED, because a
 * published budget must have a published snapshot, which only publishing creates.
 */
export function seedDemo(db: DbClient): Promise<SeedReport> {
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
