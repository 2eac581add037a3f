import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { loadBudget } from "@/lib/budgets/queries";
import type { DbReader } from "@/lib/budgets/db-client";
import { disconnectPrisma } from "@/lib/db";
import { buildBudgetFor, createBudget, createUnit, ensureRegionChain, GUANTAO_REGION_CHAIN, type CreatedUnit } from "@/lib/demo/factories";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { buildSnapshotContent, contentHash } from "@/lib/publication/snapshot-content";
import { prisma, resetDatabase } from "@/tests/integration/db";
import { listPublishedBudgets, loadRegionPage } from "./queries";

beforeEach(resetDatabase);
afterAll(disconnectPrisma);

const GUANTAO = "130433";

/** A unit of 馆陶县 (the demo region chain), with a department of its own. */
async function guantaoUnit(unitCode?: string): Promise<CreatedUnit> {
  await ensureRegionChain(prisma, GUANTAO_REGION_CHAIN);
  return createUnit(prisma, { regionCode: GUANTAO, ...(unitCode === undefined ? {} : { unitCode, departmentCode: unitCode.slice(0, 3) }) });
}

/**
 * Publishes a stored budget version the way the publisher freezes it: a snapshot row with the
 * derived content and its hash. The browse pages read nothing else.
 */
async function publishSnapshot(unit: CreatedUnit, year: number, version: number, publishedAt = new Date(`${year}-02-01T08:00:00Z`)) {
  const loaded = await loadBudget(prisma, { unitCode: unit.unit.code, year, version, regionCode: unit.region.code });
  if (loaded === null) throw new Error(`no budget ${unit.unit.code} ${year} v${version}`);
  const content = buildSnapshotContent(loaded.budget, loaded.codeBook, {
    version,
    publishedAt: publishedAt.toISOString(),
    approvedAt: null,
    correctionNote: version > 1 ? "更正第一版的项目名称。" : null,
  });
  await prisma.publishedSnapshot.create({
    data: {
      budgetId: loaded.meta.id,
      unitId: unit.unitId,
      year,
      version,
      publishedAt,
      contentHash: contentHash(content),
      content: JSON.parse(JSON.stringify(content)),
      correctionNote: content.publication.correctionNote,
    },
  });
}

async function createVersion(unit: CreatedUnit, year: number, version: number, status: "DRAFT" | "APPROVED") {
  await createBudget(prisma, { budget: buildBudgetFor(unit, { year }), version, status });
}

describe("listPublishedBudgets", () => {
  it("lists nothing for a budget that is only a draft, or approved but not published", async () => {
    await createVersion(await guantaoUnit(), 2024, 1, "DRAFT");
    await createVersion(await guantaoUnit(), 2024, 1, "APPROVED");

    expect(await listPublishedBudgets()).toEqual({ years: [], regions: [] });
  });

  it("lists a published budget under its region with the region's ancestors", async () => {
    const unit = await guantaoUnit("224001");
    await createVersion(unit, 2024, 1, "APPROVED");
    await publishSnapshot(unit, 2024, 1);

    const index = await listPublishedBudgets();

    expect(index.years).toEqual([2024]);
    expect(index.regions).toEqual([
      {
        region: { code: GUANTAO, name: "馆陶县" },
        ancestors: [
          { code: "130000", name: "河北省" },
          { code: "130400", name: "邯郸市" },
        ],
        years: [
          {
            year: 2024,
            budgets: [
              {
                year: 2024,
                version: 1,
                publishedAt: new Date("2024-02-01T08:00:00Z"),
                unitCode: "224001",
                unitName: unit.unit.name,
                department: unit.department,
              },
            ],
            departments: [],
          },
        ],
      },
    ]);
  });

  it("lists a corrected budget once, as its latest published version, whatever drafts follow", async () => {
    const unit = await guantaoUnit();
    await createVersion(unit, 2024, 1, "APPROVED");
    await publishSnapshot(unit, 2024, 1);
    await createVersion(unit, 2024, 2, "APPROVED");
    await publishSnapshot(unit, 2024, 2, new Date("2024-03-01T08:00:00Z"));
    await createVersion(unit, 2024, 3, "DRAFT");

    const budgets = (await listPublishedBudgets()).regions.flatMap((r) => r.years.flatMap((y) => y.budgets));

    expect(budgets).toHaveLength(1);
    expect(budgets[0]).toMatchObject({ unitCode: unit.unit.code, year: 2024, version: 2, publishedAt: new Date("2024-03-01T08:00:00Z") });
  });

  it("groups by region and year, newest year first, and filters by year", async () => {
    const a = await guantaoUnit("224001");
    const b = await guantaoUnit("101001");
    const elsewhere = await createUnit(prisma);
    for (const [unit, year] of [[a, 2023], [a, 2024], [b, 2024], [elsewhere, 2023]] as const) {
      await createVersion(unit, year, 1, "APPROVED");
      await publishSnapshot(unit, year, 1);
    }

    const all = await listPublishedBudgets();
    expect(all.years).toEqual([2024, 2023]);
    const guantao = all.regions.find((r) => r.region.code === GUANTAO);
    expect(guantao?.years.map((y) => [y.year, y.budgets.map((x) => x.unitCode)])).toEqual([
      [2024, ["101001", "224001"]],
      [2023, ["224001"]],
    ]);
    expect(all.regions.find((r) => r.region.code === elsewhere.region.code)?.ancestors).toEqual([]);

    const only2023 = await listPublishedBudgets({ year: 2023 });
    expect(only2023.years).toEqual([2024, 2023]);
    expect(only2023.regions.flatMap((r) => r.years.map((y) => y.year))).toEqual([2023, 2023]);
    expect(only2023.regions.flatMap((r) => r.years.flatMap((y) => y.budgets.map((x) => x.unitCode))).sort()).toEqual(
      ["224001", elsewhere.unit.code].sort(),
    );
  });
});

describe("loadRegionPage", () => {
  it("gives the parent chain for the breadcrumbs and the sub-regions", async () => {
    await ensureRegionChain(prisma, GUANTAO_REGION_CHAIN);

    expect(await loadRegionPage(GUANTAO)).toEqual({
      region: { code: GUANTAO, name: "馆陶县", level: "COUNTY" },
      ancestors: [
        { code: "130000", name: "河北省" },
        { code: "130400", name: "邯郸市" },
      ],
      children: [],
      departments: [],
    });
    const city = await loadRegionPage("130400");
    expect(city?.ancestors).toEqual([{ code: "130000", name: "河北省" }]);
    expect(city?.children).toEqual([{ code: GUANTAO, name: "馆陶县" }]);
    expect((await loadRegionPage("130000"))?.ancestors).toEqual([]);
    expect(await loadRegionPage("999999")).toBeNull();
  });

  it("lists departments and units with published budgets only, each year once at its latest version", async () => {
    const published = await guantaoUnit("224001");
    const draftOnly = await guantaoUnit("225001");
    await createVersion(published, 2023, 1, "APPROVED");
    await publishSnapshot(published, 2023, 1);
    await createVersion(published, 2024, 1, "APPROVED");
    await publishSnapshot(published, 2024, 1);
    await createVersion(published, 2024, 2, "APPROVED");
    await publishSnapshot(published, 2024, 2);
    await createVersion(published, 2025, 1, "DRAFT");
    await createVersion(draftOnly, 2024, 1, "APPROVED");

    const page = await loadRegionPage(GUANTAO);

    expect(page?.departments).toEqual([
      {
        code: "224",
        name: published.department.name,
        budgets: [],
        units: [
          {
            code: "224001",
            name: published.unit.name,
            budgets: [
              { year: 2024, version: 2, publishedAt: new Date("2024-02-01T08:00:00Z"), unitCode: "224001" },
              { year: 2023, version: 1, publishedAt: new Date("2023-02-01T08:00:00Z"), unitCode: "224001" },
            ],
          },
        ],
      },
    ]);
  });
});

describe("query counts", () => {
  it("stay the same however many budgets are published", async () => {
    const counted = new PrismaClient({
      adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL }),
      log: [{ emit: "event", level: "query" }],
    });
    let queries = 0;
    counted.$on("query", () => {
      queries += 1;
    });
    const count = async (read: (db: DbReader) => Promise<unknown>): Promise<number> => {
      queries = 0;
      await read(counted);
      return queries;
    };
    try {
      const first = await guantaoUnit("224001");
      await createVersion(first, 2024, 1, "APPROVED");
      await publishSnapshot(first, 2024, 1);
      const fewHome = await count((db) => listPublishedBudgets({}, db));
      const fewRegion = await count((db) => loadRegionPage(GUANTAO, db));

      for (const code of ["101001", "102001", "103001", "104001"]) {
        const unit = await guantaoUnit(code);
        await createVersion(unit, 2024, 1, "APPROVED");
        await publishSnapshot(unit, 2024, 1);
      }
      await createVersion(first, 2024, 2, "APPROVED");
      await publishSnapshot(first, 2024, 2);

      expect(await count((db) => listPublishedBudgets({}, db))).toBe(fewHome);
      expect(await count((db) => loadRegionPage(GUANTAO, db))).toBe(fewRegion);
      // units' years and snapshots, departments' years and snapshots
      expect(fewHome).toBe(4);
      expect(fewRegion).toBe(2);
    } finally {
      await counted.$disconnect();
    }
  });
});

