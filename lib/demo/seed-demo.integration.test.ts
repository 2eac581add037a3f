import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { disconnectPrisma } from "@/lib/db";
import { loadBudget } from "@/lib/budgets/queries";
import { prisma, resetDatabase } from "@/tests/integration/db";
import { guantao2024Budget, guantao2024CodeBook } from "./guantao-2024";
import { hasChanges, seedDemo } from "./seed-demo";

beforeEach(resetDatabase);
afterAll(disconnectPrisma);

describe("seedDemo", () => {
  it("loads the region chain, the 2024 code books and the approved demo budget", async () => {
    const report = await seedDemo(prisma);

    expect(report).toEqual({ regionsCreated: 3, codesCreated: 93, codesUpdated: 0, isBudgetCreated: true });
    const loaded = await loadBudget(prisma, { unitCode: "224001", year: 2024 });
    expect(loaded?.budget).toEqual(guantao2024Budget);
    expect(loaded?.codeBook).toEqual(guantao2024CodeBook);
    expect(loaded?.meta).toMatchObject({ status: "APPROVED", version: 1 });
    expect(loaded?.meta.approvedAt).toBeInstanceOf(Date);
    const regions = await prisma.region.findMany({
      select: { code: true, name: true, level: true, parent: { select: { code: true } } },
      orderBy: { code: "asc" },
    });
    expect(regions).toEqual([
      { code: "130000", name: "河北省", level: "PROVINCE", parent: null },
      { code: "130400", name: "邯郸市", level: "CITY", parent: { code: "130000" } },
      { code: "130433", name: "馆陶县", level: "COUNTY", parent: { code: "130400" } },
    ]);
    const events = await prisma.budgetEvent.findMany({ select: { action: true, fromStatus: true, toStatus: true }, orderBy: { id: "asc" } });
    expect(events).toEqual([
      { action: "CREATE", fromStatus: null, toStatus: "DRAFT" },
      { action: "SUBMIT", fromStatus: "DRAFT", toStatus: "SUBMITTED" },
      { action: "START_FINANCE_REVIEW", fromStatus: "SUBMITTED", toStatus: "FINANCE_REVIEW" },
      { action: "APPROVE", fromStatus: "FINANCE_REVIEW", toStatus: "APPROVED" },
    ]);
  });

  it("changes nothing when run again", async () => {
    await seedDemo(prisma);
    const before = await prisma.budget.findFirstOrThrow({ select: { id: true, updatedAt: true, lockVersion: true } });

    const report = await seedDemo(prisma);

    expect(hasChanges(report)).toBe(false);
    expect(await prisma.budget.findFirstOrThrow({ select: { id: true, updatedAt: true, lockVersion: true } })).toEqual(before);
    expect(await prisma.budget.count()).toBe(1);
    expect(await prisma.region.count()).toBe(3);
    expect(await prisma.budgetEvent.count()).toBe(4);
  });
});
