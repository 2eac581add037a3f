import { disconnectPrisma, prisma } from "@/lib/db";
import { loadBudget } from "@/lib/budgets/queries";

// `node --import tsx e2e/support/load-budget.ts '{"unitCode":…,"year":…}'`: prints the stored budget (newest version) as JSON.
const key = JSON.parse(process.argv[2] ?? "{}") as { unitCode: string; year: number };
loadBudget(prisma, key)
  .then((loaded) => process.stdout.write(JSON.stringify(loaded === null ? null : { budget: loaded.budget, meta: loaded.meta })))
  .finally(disconnectPrisma);
