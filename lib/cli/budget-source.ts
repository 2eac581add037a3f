import { loadBudget } from "@/lib/budgets/queries";
import type { DbReader } from "@/lib/budgets/db-client";
import type { BudgetSource } from "./run-cli";

/** The CLI's view of the database: the latest version of a unit's budget for a year. */
export function databaseBudgetSource(db: DbReader): BudgetSource {
  return {
    async findUnit(code) {
      return db.unit.findFirst({ where: { code }, select: { code: true, name: true } });
    },
    async budgetYears(unitCode) {
      const rows = await db.budget.findMany({
        where: { unit: { code: unitCode } },
        select: { year: true },
        distinct: ["year"],
        orderBy: { year: "asc" },
      });
      return rows.map((r) => r.year);
    },
    async loadBudget(unitCode, year) {
      const loaded = await loadBudget(db, { unitCode, year });
      return loaded ? { budget: loaded.budget, codeBook: loaded.codeBook } : null;
    },
  };
}
