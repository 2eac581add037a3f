import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import type { Budget } from "@/lib/disclosure/types";
import { disconnectPrisma } from "@/lib/db";
import { guantao2024Budget, guantao2024CodeBook } from "@/lib/demo/guantao-2024";
import { buildBudget, buildBudgetFor, createBudget, createUnit } from "@/lib/demo/factories";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { prisma, resetDatabase } from "@/tests/integration/db";
import { BudgetStoreError } from "./budget-store-error";
import { listBudgets, loadBudget, loadCodeBook } from "./queries";
import { saveBudget } from "./save-budget";
import { saveCodeBook } from "./save-code-book";

const MAX_SAFE_FEN = Number.MAX_SAFE_INTEGER; // 9,007,199,254,740,991 分
const demoKey = { unitCode: "224001", year: 2024 };

beforeEach(resetDatabase);
afterAll(disconnectPrisma);

/** Rows of every table that holds budget content, for "no duplicates, no leftovers" checks. */
async function contentRowCounts() {
  return {
    narratives: await prisma.budgetNarrative.count(),
    priorYears: await prisma.budgetPriorYear.count(),
    income: await prisma.incomeLine.count(),
    expenditure: await prisma.expenditureLine.count(),
    basicEconomic: await prisma.basicEconomicLine.count(),
    projects: await prisma.project.count(),
    indicators: await prisma.performanceIndicator.count(),
    threePublic: await prisma.threePublicLine.count(),
    procurement: await prisma.procurementRow.count(),
    assets: await prisma.assetHolding.count(),
    glossary: await prisma.glossaryEntry.count(),
  };
}

function expectedRowCounts(budget: Budget) {
  return {
    narratives: 1,
    priorYears: budget.priorYear === null ? 0 : 1,
    income: budget.income.length,
    expenditure: budget.expenditure.length,
    basicEconomic: budget.basicEconomic.length,
    projects: budget.projects.length,
    indicators: budget.projects.reduce((n, p) => n + p.indicators.length, 0),
    threePublic: budget.threePublic.length,
    procurement: budget.procurement.length,
    assets: budget.assets.holdings.length,
    glossary: budget.glossary.length,
  };
}

/** A budget that fills every table, so that every column makes the round trip. */
function fullBudget(): Budget {
  const demo = buildBudget();
  return {
    ...demo,
    amountUnit: "YUAN",
    yearEndCarryover: 12_345,
    income: [...demo.income, { source: "CARRYOVER_OTHER", amount: 12_345 }],
    threePublic: [
      { appropriation: "GENERAL_BUDGET", abroad: 0, vehiclePurchase: 1, vehicleOperation: 250_000, reception: 80_000 },
      { appropriation: "GOVERNMENT_FUND", abroad: 3, vehiclePurchase: 0, vehicleOperation: 0, reception: 0 },
    ],
    procurement: [
      {
        projectName: "互联网信息管理经费",
        itemName: "台式计算机",
        catalogueCode: "A02010104",
        unitOfMeasure: "台",
        quantity: 2.5,
        unitPrice: 550_000,
        generalBudget: 1_100_000,
        governmentFund: 0,
        stateCapital: 0,
        specialAccount: 0,
        unitFunds: 275_000,
        carryover: 0,
        total: 1_375_000,
        smeReserved: 1_375_000,
      },
    ],
    projects: demo.projects.map((p, i) =>
      i === 0 ? { ...p, spendingPlan: { march: 12.5, june: 33.33, october: 75, december: 100 }, priorYearAmount: null, changeReason: "新增项目" } : p,
    ),
    assets: {
      asOf: "2023-12-31",
      holdings: [
        { category: "BUILDINGS", quantity: 1234.5678, value: 98_765_432 },
        { category: "OTHER_FIXED_ASSETS", quantity: 3, value: 1_385_000 },
      ],
      statedTotalValue: 100_150_432,
      plannedPurchases: 1_375_000,
    },
    priorYear: null,
    narrative: { ...demo.narrative, projectChangeReason: "压减非急需支出", threePublicChangeReason: "无变化" },
  };
}

describe("saveBudget and loadBudget", () => {
  it("stores the demo budget and loads back exactly the same Budget and code book", async () => {
    await saveCodeBook(prisma, guantao2024CodeBook);
    const saved = await saveBudget(prisma, { budget: guantao2024Budget });

    const loaded = await loadBudget(prisma, demoKey);

    expect(loaded?.budget).toEqual(guantao2024Budget);
    expect(loaded?.codeBook).toEqual(guantao2024CodeBook);
    expect(loaded?.meta).toMatchObject({ id: saved.id, status: "DRAFT", version: 1, lockVersion: 0, previousVersionId: null });
    expect(saved).toMatchObject({ version: 1, lockVersion: 0, status: "DRAFT", isNew: true });
  });

  it("round-trips every table and column, including empty and null values", async () => {
    const budget = fullBudget();
    await saveBudget(prisma, { budget });

    expect((await loadBudget(prisma, demoKey))?.budget).toEqual(budget);
  });

  it("keeps money exact from 1 分 to 9,007,199,254,740,991 分", async () => {
    const demo = buildBudget();
    const budget: Budget = {
      ...demo,
      yearEndCarryover: MAX_SAFE_FEN,
      income: [
        { source: "GENERAL_BUDGET", amount: 1 },
        { source: "OTHER", amount: MAX_SAFE_FEN },
      ],
      expenditure: [{ functionalCode: "2013701", kind: "BASIC", source: "GENERAL_BUDGET", amount: MAX_SAFE_FEN - 1 }],
      assets: { ...demo.assets, statedTotalValue: MAX_SAFE_FEN, plannedPurchases: 1 },
    };
    await saveBudget(prisma, { budget });

    const loaded = await loadBudget(prisma, demoKey);
    expect(loaded?.budget.income).toEqual(budget.income);
    expect(loaded?.budget.expenditure[0]?.amount).toBe(9_007_199_254_740_990);
    expect(loaded?.budget.yearEndCarryover).toBe(9_007_199_254_740_991);
    expect(loaded?.budget.assets).toEqual(budget.assets);
    const [row] = await prisma.$queryRaw<{ amount: string }[]>`
      SELECT amount_fen::text AS amount FROM income_lines WHERE source = 'OTHER'`;
    expect(row?.amount).toBe("9007199254740991");
  });

  it("refuses amounts it cannot store exactly, before writing anything", async () => {
    const demo = buildBudget();
    const unsafe = { ...demo, income: [{ source: "GENERAL_BUDGET" as const, amount: MAX_SAFE_FEN + 1 }] };
    const fractional = { ...demo, yearEndCarryover: 0.5 };
    const negative = { ...demo, income: [{ source: "GENERAL_BUDGET" as const, amount: -1 }] };

    for (const budget of [unsafe, fractional, negative]) {
      await expect(saveBudget(prisma, { budget })).rejects.toMatchObject({ code: "INVALID_BUDGET" });
    }
    expect(await prisma.budget.count()).toBe(0);
    expect(await prisma.unit.count()).toBe(0);
  });

  it("refuses to read a stored amount beyond 2^53 rather than round it", async () => {
    await saveBudget(prisma, { budget: guantao2024Budget });
    await prisma.$executeRaw`UPDATE income_lines SET amount_fen = 9007199254740992`;

    const load = loadBudget(prisma, demoKey);

    await expect(load).rejects.toBeInstanceOf(BudgetStoreError);
    await expect(load).rejects.toMatchObject({ code: "UNSAFE_AMOUNT" });
  });

  it("replaces every line on a second save, with no duplicates or leftovers", async () => {
    const first = await saveBudget(prisma, { budget: fullBudget() });
    const demo = buildBudget();
    const second: Budget = {
      ...demo,
      income: [{ source: "GENERAL_BUDGET", amount: 1_000_000 }],
      expenditure: demo.expenditure.slice(0, 2),
      projects: demo.projects.slice(1, 3).map((p) => ({ ...p, amount: p.amount + 1 })),
      glossary: demo.glossary.slice(0, 1),
    };

    const saved = await saveBudget(prisma, { budget: second, expectedLockVersion: first.lockVersion });

    expect(saved).toMatchObject({ id: first.id, lockVersion: first.lockVersion + 1, isNew: false });
    expect((await loadBudget(prisma, demoKey))?.budget).toEqual(second);
    expect(await contentRowCounts()).toEqual(expectedRowCounts(second));
    expect(await prisma.budget.count()).toBe(1);
    expect(await prisma.unit.count()).toBe(1);
  });

  it("keeps the unit profile each budget states, while the unit's master data follows the latest save", async () => {
    await saveBudget(prisma, { budget: guantao2024Budget });
    const renamed = buildBudget({ year: 2025, unit: { ...guantao2024Budget.unit, name: "新名称本级", duties: ["（一）新职责。"] } });
    await saveBudget(prisma, { budget: renamed });

    expect((await loadBudget(prisma, demoKey))?.budget.unit).toEqual(guantao2024Budget.unit);
    expect((await loadBudget(prisma, { ...demoKey, year: 2025 }))?.budget.unit).toEqual(renamed.unit);
    expect(await prisma.unit.findFirstOrThrow({ select: { name: true, duties: true } })).toEqual({
      name: "新名称本级",
      duties: ["（一）新职责。"],
    });
  });

  it("refuses a save based on a stale lock version", async () => {
    const saved = await saveBudget(prisma, { budget: guantao2024Budget });
    await saveBudget(prisma, { budget: guantao2024Budget, expectedLockVersion: saved.lockVersion });

    await expect(
      saveBudget(prisma, { budget: guantao2024Budget, expectedLockVersion: saved.lockVersion }),
    ).rejects.toMatchObject({ code: "STALE_VERSION" });
  });

  it("refuses to change a budget once it has left the accountant's hands", async () => {
    await createBudget(prisma, { status: "APPROVED" });

    await expect(saveBudget(prisma, { budget: buildBudget() })).rejects.toMatchObject({ code: "NOT_EDITABLE" });
  });

  it("refuses two rows for one table cell", async () => {
    const demo = buildBudget();
    const [line] = demo.expenditure;
    if (line === undefined) throw new Error("the demo budget has expenditure");
    const duplicated = { ...demo, expenditure: [...demo.expenditure, { ...line, amount: 1 }] };

    await expect(saveBudget(prisma, { budget: duplicated })).rejects.toMatchObject({ code: "INVALID_BUDGET" });
  });

  it("links a correction to the version it corrects and loads the latest version by default", async () => {
    const v1 = await createBudget(prisma, { status: "APPROVED" });
    const corrected = buildBudget({ narrative: { ...guantao2024Budget.narrative, otherNotes: "更正：修正数据。" } });
    const v2 = await saveBudget(prisma, { budget: corrected, version: 2 });

    expect((await loadBudget(prisma, demoKey))?.meta).toMatchObject({ id: v2.id, version: 2, previousVersionId: v1.id });
    expect((await loadBudget(prisma, demoKey))?.budget).toEqual(corrected);
    expect((await loadBudget(prisma, { ...demoKey, version: 1 }))?.budget).toEqual(guantao2024Budget);
    await expect(saveBudget(prisma, { budget: corrected, version: 4 })).rejects.toMatchObject({ code: "INVALID_BUDGET" });
  });

  it("returns null for an unknown unit, year or version", async () => {
    await saveBudget(prisma, { budget: guantao2024Budget });

    expect(await loadBudget(prisma, { ...demoKey, unitCode: "999001" })).toBeNull();
    expect(await loadBudget(prisma, { ...demoKey, year: 2023 })).toBeNull();
    expect(await loadBudget(prisma, { ...demoKey, version: 2 })).toBeNull();
  });

  it("needs the region code when a unit code exists in two regions", async () => {
    await saveBudget(prisma, { budget: guantao2024Budget });
    const elsewhere = buildBudget({ region: { code: "130434", name: "魏县" } });
    await saveBudget(prisma, { budget: elsewhere });

    await expect(loadBudget(prisma, demoKey)).rejects.toMatchObject({ code: "AMBIGUOUS_UNIT" });
    expect((await loadBudget(prisma, { ...demoKey, regionCode: "130434" }))?.budget).toEqual(elsewhere);
  });

  it("loads a budget in three queries however many rows it has", async () => {
    const counted = new PrismaClient({
      adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL }),
      log: [{ emit: "event", level: "query" }],
    });
    let queries = 0;
    counted.$on("query", () => {
      queries += 1;
    });
    const countQueries = async (key: typeof demoKey) => {
      queries = 0;
      expect(await loadBudget(counted, key)).not.toBeNull();
      return queries;
    };
    try {
      const demo = buildBudget();
      await saveBudget(prisma, { budget: demo });
      const manyProjects = [...demo.projects, ...demo.projects, ...demo.projects].map((p, i) => ({ ...p, code: `P${i}` }));
      await saveBudget(prisma, { budget: { ...fullBudget(), year: 2025, projects: manyProjects } });

      const small = await countQueries(demoKey);
      const large = await countQueries({ ...demoKey, year: 2025 });

      expect(large).toBe(small);
      // the unit, the budget with all its rows (relationJoins), the code book
      expect(small).toBe(3);
    } finally {
      await counted.$disconnect();
    }
  });
});

describe("loadCodeBook", () => {
  it("returns a stored year's code books and an empty one for other years", async () => {
    const first = await saveCodeBook(prisma, guantao2024CodeBook);
    const second = await saveCodeBook(prisma, guantao2024CodeBook);

    expect(first).toEqual({ created: 93, updated: 0 });
    expect(second).toEqual({ created: 0, updated: 0 });
    expect(await loadCodeBook(prisma, 2024)).toEqual(guantao2024CodeBook);
    expect(await loadCodeBook(prisma, 2030)).toEqual({ year: 2030, functional: [], economic: [] });
  });

  it("updates a renamed code and keeps codes the new book leaves out", async () => {
    await saveCodeBook(prisma, guantao2024CodeBook);
    const [first, ...rest] = guantao2024CodeBook.economic;
    if (first === undefined) throw new Error("the demo code book has economic codes");

    const changes = await saveCodeBook(prisma, { ...guantao2024CodeBook, economic: [{ ...first, name: "工资福利支出（新）" }] });

    expect(changes).toEqual({ created: 0, updated: 1 });
    const economic = (await loadCodeBook(prisma, 2024)).economic;
    expect(economic).toHaveLength(rest.length + 1);
    expect(economic[0]).toEqual({ ...first, name: "工资福利支出（新）" });
  });
});

describe("listBudgets", () => {
  it("lists versions with their unit, department and region, filtered by status", async () => {
    const other = await createUnit(prisma);
    await createBudget(prisma, { status: "APPROVED" });
    await createBudget(prisma, { budget: buildBudgetFor(other), status: "DRAFT" });

    const all = await listBudgets(prisma);
    const approved = await listBudgets(prisma, { statuses: ["APPROVED"] });

    expect(all).toHaveLength(2);
    expect(approved).toEqual([
      expect.objectContaining({
        unitCode: "224001",
        unitName: "中共馆陶县委网络安全和信息化委员会办公室本级",
        year: 2024,
        version: 1,
        status: "APPROVED",
        amountUnit: "WAN_YUAN",
        department: { code: "224", name: "中共馆陶县委网络安全和信息化委员会办公室" },
        region: { code: "130433", name: "馆陶县" },
      }),
    ]);
    expect(await listBudgets(prisma, { year: 2023 })).toEqual([]);
  });
});
