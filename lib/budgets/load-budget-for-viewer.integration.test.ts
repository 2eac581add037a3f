import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { disconnectPrisma } from "@/lib/db";
import { buildBudgetFor, createBudget, createUnit } from "@/lib/demo/factories";
import { guantao2024CodeBook } from "@/lib/demo/guantao-2024";
import { prisma, resetDatabase } from "@/tests/integration/db";
import { loadBudgetForViewer } from "./load-budget-for-viewer";
import { saveCodeBook } from "./save-code-book";
import { createViewer, unitScope } from "./test-support";

const key = { unitCode: "224001", year: 2024 };

beforeEach(async () => {
  await resetDatabase();
  await saveCodeBook(prisma, guantao2024CodeBook);
});
afterAll(disconnectPrisma);

describe("loadBudgetForViewer", () => {
  it("gives the unit's accountant its budget with the year's code book", async () => {
    await createBudget(prisma, { status: "DRAFT" });
    const scope = await unitScope(prisma, key.unitCode);
    const accountant = await createViewer(prisma, [{ role: "ACCOUNTANT", unitId: scope.unitId }]);

    const loaded = await loadBudgetForViewer(prisma, accountant, key);

    expect(loaded.budget.unit.code).toBe(key.unitCode);
    expect(loaded.meta).toMatchObject({ status: "DRAFT", version: 1, unitId: scope.unitId });
    expect(loaded.codeBook.year).toBe(2024);
  });

  it("answers NOT_FOUND to another unit's accountant, as if the budget did not exist", async () => {
    await createBudget(prisma, { status: "DRAFT" });
    const unitB = await createUnit(prisma);
    await createBudget(prisma, { budget: buildBudgetFor(unitB), status: "DRAFT" });
    const accountantB = await createViewer(prisma, [{ role: "ACCOUNTANT", unitId: unitB.unitId }]);

    await expect(loadBudgetForViewer(prisma, accountantB, key)).rejects.toMatchObject({ name: "AppError", code: "NOT_FOUND" });
    await expect(loadBudgetForViewer(prisma, accountantB, { unitCode: unitB.unit.code, year: 2024 })).resolves.toMatchObject({
      meta: { unitId: unitB.unitId },
    });
  });

  it("refuses an anonymous viewer", async () => {
    await createBudget(prisma, { status: "DRAFT" });
    await expect(loadBudgetForViewer(prisma, null, key)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });
});
