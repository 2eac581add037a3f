import { randomUUID } from "node:crypto";
import { draftInputFromBudget } from "@/lib/budgets/budget-draft-input";
import { findingKey } from "@/lib/budgets/finding-key";
import { loadBudget, loadCodeBook } from "@/lib/budgets/queries";
import { saveBudgetDraft } from "@/lib/budgets/save-budget-draft";
import { submitBudget } from "@/lib/budgets/submit-budget";
import { disconnectPrisma, prisma } from "@/lib/db";
import { buildBudgetFor, createBudget, createUnit, createUser } from "@/lib/demo/factories";
import { DEMO_REGION_CODE } from "@/lib/demo/demo-users";
import { checkDisclosure } from "@/lib/disclosure/check";
import { publishBudget } from "@/lib/publication/publish-budget";
import { openCorrection } from "@/lib/workflow/open-correction";
import { renderersWithoutPdf } from "@/tests/integration/renderers";

/**
 * `node --import tsx e2e/support/create-correction-fixture.ts '{"password":…}'`: a unit of its own
 * in the demo region with an accountant and a head (单位负责人), its 2024 budget published as
 * version 1, and a correction (version 2) submitted by the accountant that moves 0.10 万元 from
 * 2013701 行政运行 to 2210201 住房公积金. Prints what it made as JSON.
 */
async function main(): Promise<void> {
  const { password } = JSON.parse(process.argv[2] ?? "{}") as { password: string };
  const unit = await createUnit(prisma, { regionCode: DEMO_REGION_CODE });
  const suffix = randomUUID().slice(0, 8);
  const accountant = await createUser(prisma, {
    name: `更正旅程填报人${suffix.slice(0, 4)}`,
    email: `correction-accountant-${suffix}@example.test`,
    password,
    roles: [{ role: "ACCOUNTANT", unitId: unit.unitId }],
  });
  const head = await createUser(prisma, {
    name: `张主任${suffix.slice(0, 4)}`,
    email: `correction-head-${suffix}@example.test`,
    password,
    roles: [{ role: "UNIT_HEAD", unitId: unit.unitId }],
  });
  const key = { unitCode: unit.unit.code, year: 2024 };
  await createBudget(prisma, { budget: buildBudgetFor(unit), status: "SIGNED_OFF", at: new Date("2024-01-20T02:00:00.000Z") });
  const first = await publishBudget(prisma, { ...key, now: new Date("2024-02-01T08:00:00.000Z") }, renderersWithoutPdf);

  const viewer = { userId: accountant.id, roles: [{ role: "ACCOUNTANT" as const, unitId: unit.unitId }] };
  const { budgetId } = await openCorrection(prisma, viewer, { budgetId: first.budgetId, correctionNote: "按2024年新的缴存基数更正住房公积金。" });
  const loaded = await loadBudget(prisma, { ...key, version: 2 });
  if (loaded === null) throw new Error("no correction draft");
  const budget = structuredClone(loaded.budget);
  const from = budget.expenditure.find((l) => l.functionalCode === "2013701" && l.kind === "BASIC");
  const to = budget.expenditure.find((l) => l.functionalCode === "2210201" && l.kind === "BASIC");
  if (from === undefined || to === undefined) throw new Error("demo lines missing");
  from.amount -= 100_000;
  to.amount += 100_000;
  const input = draftInputFromBudget(budget);
  const saved = await saveBudgetDraft(prisma, viewer, { ...key, baseLockVersion: loaded.meta.lockVersion, input });
  if (!saved.ok) throw new Error(JSON.stringify(saved));
  const corrected = await loadBudget(prisma, { ...key, version: 2 });
  if (corrected === null) throw new Error("no correction");
  const findings = checkDisclosure({ budget: corrected.budget, codeBook: await loadCodeBook(prisma, 2024) });
  const explanations = Object.fromEntries(findings.map((f) => [findingKey(f), "按2024年新的住房公积金缴存基数测算。"]));
  await submitBudget(prisma, viewer, { ...key, lockVersion: saved.data.lockVersion, explanations });
  process.stdout.write(
    JSON.stringify({
      budgetId,
      unitCode: unit.unit.code,
      unitName: unit.unit.name,
      accountantEmail: accountant.email,
      headEmail: head.email,
      headName: head.name,
    }),
  );
}

main().finally(disconnectPrisma);
