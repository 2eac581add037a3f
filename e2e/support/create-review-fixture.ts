import { randomUUID } from "node:crypto";
import { submitBudget } from "@/lib/budgets/submit-budget";
import { findingKey } from "@/lib/budgets/finding-key";
import { loadCodeBook } from "@/lib/budgets/queries";
import { disconnectPrisma, prisma } from "@/lib/db";
import { buildBudgetFor, createBudget, createUnit, createUser } from "@/lib/demo/factories";
import { DEMO_REGION_CODE } from "@/lib/demo/demo-users";
import { checkDisclosure } from "@/lib/disclosure/check";

/**
 * `node --import tsx e2e/support/create-review-fixture.ts '{"password":…}'`: a unit of its own in
 * the demo region (馆陶县, reviewed by the demo finance reviewer), its accountant, and its 2024
 * budget submitted with one wrong row: 0.10 万元 moved from 2013701 行政运行 to 2210201 住房公积金,
 * which the checker flags as a warning (C9) and the accountant explains. Prints what it made as JSON.
 */
async function main(): Promise<void> {
  const { password } = JSON.parse(process.argv[2] ?? "{}") as { password: string };
  const unit = await createUnit(prisma, { regionCode: DEMO_REGION_CODE });
  const suffix = randomUUID().slice(0, 8);
  const user = await createUser(prisma, {
    name: `审核旅程填报人${suffix.slice(0, 4)}`,
    email: `review-journey-${suffix}@example.test`,
    password,
    roles: [{ role: "ACCOUNTANT", unitId: unit.unitId }],
  });
  const budget = buildBudgetFor(unit);
  const from = budget.expenditure.find((l) => l.functionalCode === "2013701" && l.kind === "BASIC");
  const to = budget.expenditure.find((l) => l.functionalCode === "2210201" && l.kind === "BASIC");
  if (from === undefined || to === undefined) throw new Error("demo lines missing");
  from.amount -= 100_000;
  to.amount += 100_000;
  const saved = await createBudget(prisma, { budget, status: "DRAFT" });
  const viewer = { userId: user.id, roles: [{ role: "ACCOUNTANT" as const, unitId: unit.unitId }] };
  const findings = checkDisclosure({ budget, codeBook: await loadCodeBook(prisma, 2024) });
  const explanations = Object.fromEntries(findings.map((f) => [findingKey(f), "按2024年新的住房公积金缴存基数测算。"]));
  await submitBudget(prisma, viewer, { unitCode: unit.unit.code, year: 2024, lockVersion: 0, explanations });
  process.stdout.write(
    JSON.stringify({ budgetId: saved.id, unitCode: unit.unit.code, unitName: unit.unit.name, email: user.email, userId: user.id, warnings: findings.length }),
  );
}

main().finally(disconnectPrisma);
