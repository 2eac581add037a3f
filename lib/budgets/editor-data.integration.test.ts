import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { disconnectPrisma } from "@/lib/db";
import { buildBudget, buildBudgetFor, createBudget, createUnit } from "@/lib/demo/factories";
import { guantao2024CodeBook } from "@/lib/demo/guantao-2024";
import { prisma, resetDatabase } from "@/tests/integration/db";
import { draftInputFromBudget } from "./budget-draft-input";
import { listBudgetChanges, loadPriorYearLines } from "./editor-data";
import { loadBudget } from "./queries";
import { saveBudgetDraft } from "./save-budget-draft";
import { saveCodeBook } from "./save-code-book";
import { codeBook2023, createViewer, dumpBudget, unitScope } from "./test-support";

const key = { unitCode: "224001", year: 2024 };

beforeEach(async () => {
  await resetDatabase();
  await saveCodeBook(prisma, codeBook2023);
  await saveCodeBook(prisma, guantao2024CodeBook);
});
afterAll(disconnectPrisma);

/** 2023 approved with 2013701 basic at 50.00 万元, 2024 a draft. */
async function twoYears(priorStatus: "APPROVED" | "DRAFT" = "APPROVED") {
  const prior = buildBudget({ year: 2023 });
  prior.expenditure[0] = { ...prior.expenditure[0]!, amount: 50_000_000 };
  await createBudget(prisma, { budget: prior, status: priorStatus });
  await createBudget(prisma, { status: "DRAFT" });
  const scope = await unitScope(prisma, key.unitCode);
  return createViewer(prisma, [{ role: "ACCOUNTANT", unitId: scope.unitId }]);
}

describe("loadPriorYearLines", () => {
  it("gives the accountant last year's approved amounts by line key", async () => {
    const accountant = await twoYears();
    const lines = await loadPriorYearLines(prisma, accountant, key);
    expect(lines?.year).toBe(2023);
    expect(lines?.expenditure["2013701|BASIC|GENERAL_BUDGET"]).toBe(50_000_000);
    expect(lines?.basicEconomic["30101|PERSONNEL|GENERAL_BUDGET"]).toBe(27_400_000);
    expect(lines?.income.GENERAL_BUDGET).toBe(116_760_000);
    expect(lines?.projects["13043324P00000910004A"]).toBe(8_000_000);
  });

  it("ignores a prior year that is not approved", async () => {
    const accountant = await twoYears("DRAFT");
    await expect(loadPriorYearLines(prisma, accountant, key)).resolves.toBeNull();
  });

  it("answers NOT_FOUND to another unit's accountant and to anonymous viewers", async () => {
    await twoYears();
    const unitB = await createUnit(prisma);
    await createBudget(prisma, { budget: buildBudgetFor(unitB), status: "DRAFT" });
    const accountantB = await createViewer(prisma, [{ role: "ACCOUNTANT", unitId: unitB.unitId }]);
    await expect(loadPriorYearLines(prisma, accountantB, key)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(loadPriorYearLines(prisma, null, key)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    await expect(loadPriorYearLines(prisma, accountantB, { unitCode: unitB.unit.code, year: 2024 })).resolves.toBeNull();
  });
});

describe("listBudgetChanges", () => {
  it("lists saved changes newest first with who made them", async () => {
    const accountant = await twoYears();
    const loaded = await loadBudget(prisma, key);
    const input = draftInputFromBudget(loaded!.budget);
    input.expenditure[0]!.amount = "60.99";
    const saved = await saveBudgetDraft(prisma, accountant, { ...key, baseLockVersion: loaded!.meta.lockVersion, input });
    expect(saved.ok).toBe(true);
    input.narrative.basicChangeReason = "增加人员";
    await saveBudgetDraft(prisma, accountant, { ...key, baseLockVersion: loaded!.meta.lockVersion + 1, input });

    const changes = await listBudgetChanges(prisma, accountant, key);
    expect(changes.map((c) => c.path)).toEqual(["narrative.basicChangeReason", "expenditure.0.amount"]);
    expect(changes[1]).toMatchObject({ oldValue: 57_990_000, newValue: 60_990_000 });
    expect(changes[0]?.userName).toMatch(/^测试用户/);
  });

  it("refuses another unit's accountant, and a bad limit in Chinese, changing nothing", async () => {
    const accountant = await twoYears();
    const unitB = await createUnit(prisma);
    const accountantB = await createViewer(prisma, [{ role: "ACCOUNTANT", unitId: unitB.unitId }]);
    const before = await dumpBudget(prisma, key);
    await expect(listBudgetChanges(prisma, accountantB, key)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(listBudgetChanges(prisma, accountant, key, 0)).rejects.toMatchObject({ code: "INVALID_INPUT", message: "条数应在1到500之间。" });
    expect(await dumpBudget(prisma, key)).toEqual(before);
  });
});
