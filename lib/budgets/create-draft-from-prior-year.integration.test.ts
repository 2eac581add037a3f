import { afterAll, beforeEach, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/auth/policies";
import { disconnectPrisma } from "@/lib/db";
import { buildBudget, createBudget, createUnit, type FactoryStatus } from "@/lib/demo/factories";
import { guantao2024CodeBook } from "@/lib/demo/guantao-2024";
import { parseAmount } from "@/lib/disclosure/money";
import { prisma, resetDatabase } from "@/tests/integration/db";
import { createDraftFromPriorYear } from "./create-draft-from-prior-year";
import { loadBudget } from "./queries";
import { saveCodeBook } from "./save-code-book";
import { codeBook2023, createViewer, openYearForTest, RETIRED_2023_CODE, unitScope } from "./test-support";

const unitCode = "224001";

function wan(text: string): number {
  const parsed = parseAmount(text, "WAN_YUAN");
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.fen;
}

const budget2023 = () => buildBudget({ year: 2023, priorYear: null, assets: { ...buildBudget().assets, asOf: "2022-12-31" } });

let accountant: Viewer;

async function setUp(status: FactoryStatus = "APPROVED", budget = budget2023()) {
  const saved = await createBudget(prisma, { budget, status });
  const scope = await unitScope(prisma, unitCode);
  accountant = await createViewer(prisma, [{ role: "ACCOUNTANT", unitId: scope.unitId }]);
  await openYearForTest(prisma, scope.regionId, 2024);
  return saved;
}

beforeEach(async () => {
  await resetDatabase();
  await saveCodeBook(prisma, guantao2024CodeBook);
  await saveCodeBook(prisma, codeBook2023);
});
afterAll(disconnectPrisma);

describe("createDraftFromPriorYear", () => {
  it("refuses a deactivated unit, writing nothing but the refusal's audit row", async () => {
    await setUp();
    await prisma.unit.updateMany({ where: { code: unitCode }, data: { deactivatedAt: new Date() } });
    await expect(createDraftFromPriorYear(prisma, accountant, { unitCode, year: 2024 })).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining("本单位已停用") });
    expect(await prisma.budget.count({ where: { year: 2024 } })).toBe(0);
  });

  it("copies last year's approved budget into a draft with last year's figures as the comparison base", async () => {
    const prior = await setUp();

    const created = await createDraftFromPriorYear(prisma, accountant, { unitCode, year: 2024 });

    expect(created).toMatchObject({ priorBudgetId: prior.id, lockVersion: 0, unknownCodes: [] });
    const loaded = await loadBudget(prisma, { unitCode, year: 2024 });
    const source = budget2023();
    expect(loaded?.meta).toMatchObject({ id: created.budgetId, status: "DRAFT", version: 1 });
    expect(loaded?.budget.expenditure).toEqual(source.expenditure);
    expect(loaded?.budget.basicEconomic).toEqual(source.basicEconomic);
    expect(loaded?.budget.income).toEqual(source.income);
    expect(loaded?.budget.projects.map((p) => [p.code, p.amount, p.priorYearAmount, p.changeReason])).toEqual(
      source.projects.map((p) => [p.code, p.amount, p.amount, ""]),
    );
    expect(loaded?.budget.priorYear).toEqual({ year: 2023, total: wan("116.76"), basic: wan("73.32"), project: wan("43.44"), threePublic: 0 });
    expect(loaded?.budget.assets.asOf).toBe("2023-12-31");
    expect(loaded?.budget.narrative.basicChangeReason).toBe("");
    expect(await prisma.budgetEvent.findMany({ where: { budgetId: created.budgetId } })).toEqual([
      expect.objectContaining({ action: "CREATE", fromStatus: null, toStatus: "DRAFT", actorId: accountant.userId }),
    ]);
    expect(await prisma.auditEvent.findMany()).toEqual([
      expect.objectContaining({ action: "budget.create", result: "SUCCESS", userId: accountant.userId, objectId: String(created.budgetId) }),
    ]);
  });

  it("names the copied codes that this year's code book no longer has", async () => {
    const budget = budget2023();
    budget.expenditure[3]!.functionalCode = RETIRED_2023_CODE;
    await setUp("APPROVED", budget);
    const created = await createDraftFromPriorYear(prisma, accountant, { unitCode, year: 2024 });
    expect(created.unknownCodes).toEqual([RETIRED_2023_CODE]);
  });

  it("refuses when the year already has a budget", async () => {
    await setUp();
    await createBudget(prisma);
    await expect(createDraftFromPriorYear(prisma, accountant, { unitCode, year: 2024 })).rejects.toMatchObject({
      code: "CONFLICT",
      message: "2024年的预算已经存在，不能再次创建。",
    });
  });

  it.each<FactoryStatus>(["DRAFT", "SUBMITTED", "FINANCE_REVIEW"])("refuses when last year's budget is only %s", async (status) => {
    await setUp(status);
    await expect(createDraftFromPriorYear(prisma, accountant, { unitCode, year: 2024 })).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: "没有已批复或已公开的2023年预算可以沿用，请直接录入。",
    });
    expect(await prisma.budget.count({ where: { year: 2024 } })).toBe(0);
  });

  it("refuses until the region's finance bureau has opened the year", async () => {
    await setUp("APPROVED", buildBudget());
    await expect(createDraftFromPriorYear(prisma, accountant, { unitCode, year: 2025 })).rejects.toMatchObject({
      code: "CONFLICT",
      message: "财政部门尚未开放2025年预算（选定科目表和报送截止日期），暂时不能创建。",
    });
    expect(await prisma.budget.count({ where: { year: 2025 } })).toBe(0);
  });

  it("carries every line, enters the draft under the opened revision and lists, in Chinese, the lines whose code was removed or renamed", async () => {
    const budget = budget2023();
    budget.expenditure[3]!.functionalCode = RETIRED_2023_CODE;
    await setUp("APPROVED", budget);
    const opened = await prisma.budgetYear.findFirstOrThrow({ where: { year: 2024 }, select: { codeBookRevisionId: true } });
    // the 2024 book renames 2013701 in the revision the year was opened with
    await prisma.classificationCode.updateMany({ where: { revisionId: opened.codeBookRevisionId, code: "2013701" }, data: { name: "行政运行（新）" } });

    const created = await createDraftFromPriorYear(prisma, accountant, { unitCode, year: 2024 });

    const stored = await prisma.budget.findUniqueOrThrow({ where: { id: created.budgetId }, select: { codeBookRevisionId: true } });
    expect(stored.codeBookRevisionId).toBe(opened.codeBookRevisionId);
    expect((await loadBudget(prisma, { unitCode, year: 2024 }))?.budget.expenditure).toEqual(budget.expenditure);
    const removed = created.linesToRecode.filter((line) => line.newName === null);
    expect(removed.map((line) => line.code)).toEqual([RETIRED_2023_CODE]);
    expect(removed[0]?.message).toMatch(/^支出 · .+：科目 2013798 已撤销的网信事务科目 在2024年科目表中已取消，请改选新的科目。$/);
    const renamed = created.linesToRecode.filter((line) => line.newName !== null);
    expect(renamed.length).toBeGreaterThan(0);
    expect(renamed.every((line) => line.code === "2013701")).toBe(true);
    expect(renamed[0]?.message).toContain("科目 2013701 在2024年已更名为“行政运行（新）”（原为“行政运行”），请确认是否仍然适用。");
  });

  it("refuses an accountant of another unit and a reviewer", async () => {
    await setUp();
    const other = await createUnit(prisma);
    const scope = await unitScope(prisma, unitCode);
    const otherAccountant = await createViewer(prisma, [{ role: "ACCOUNTANT", unitId: other.unitId }]);
    const reviewer = await createViewer(prisma, [{ role: "FINANCE_REVIEWER", regionId: scope.regionId }]);
    for (const viewer of [otherAccountant, reviewer]) {
      await expect(createDraftFromPriorYear(prisma, viewer, { unitCode, year: 2024 })).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    expect(await prisma.budget.count({ where: { year: 2024 } })).toBe(0);
    expect(await prisma.auditEvent.findMany({ orderBy: { id: "asc" } })).toEqual(
      [otherAccountant, reviewer].map((viewer) =>
        expect.objectContaining({ action: "budget.create", result: "DENIED", userId: viewer.userId, details: expect.objectContaining({ reason: "FORBIDDEN" }) }),
      ),
    );
  });
});
