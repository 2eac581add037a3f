import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { disconnectPrisma } from "@/lib/db";
import { prisma, resetDatabase } from "@/tests/integration/db";
import { renderersWithoutPdf } from "@/tests/integration/renderers";
import { ensureRegionChain, GUANTAO_REGION_CHAIN } from "./factories";
import { loadDemo } from "./load-demo";

beforeEach(resetDatabase);
afterAll(disconnectPrisma);

const rowCounts = async () => ({
  regions: await prisma.region.count(),
  units: await prisma.unit.count(),
  users: await prisma.user.count(),
  budgets: await prisma.budget.count(),
  snapshots: await prisma.publishedSnapshot.count(),
  audit: await prisma.auditEvent.count(),
});

describe("loadDemo", () => {
  it("loads the whole demo into an empty database, then never again", async () => {
    const first = await loadDemo(prisma, renderersWithoutPdf, { isDemoEnabled: true });

    expect(first).toMatchObject({ decision: "load", deadlineUnits: 4, isDepartmentPublished: true, report: { isBudgetPublished: true } });
    const loaded = await rowCounts();
    expect(loaded).toMatchObject({ regions: 3, units: 5, users: 7, budgets: 4 });

    const second = await loadDemo(prisma, renderersWithoutPdf, { isDemoEnabled: true });

    expect(second).toEqual({ decision: "not-empty", contents: { regions: 3, units: 5, users: 7, budgets: 4 } });
    expect(await rowCounts()).toEqual(loaded);
  }, 60_000);

  it("writes nothing with GONGKAI_DEMO=false", async () => {
    expect(await loadDemo(prisma, renderersWithoutPdf, { isDemoEnabled: false })).toEqual({
      decision: "disabled",
      contents: { regions: 0, units: 0, users: 0, budgets: 0 },
    });
    expect(await rowCounts()).toEqual({ regions: 0, units: 0, users: 0, budgets: 0, snapshots: 0, audit: 0 });
  });

  it("leaves a database with only an administrator's account alone", async () => {
    await prisma.user.create({ data: { id: randomUUID(), name: "管理员", email: "admin@example.gov.cn", emailVerified: true } });

    expect(await loadDemo(prisma, renderersWithoutPdf, { isDemoEnabled: true })).toMatchObject({ decision: "not-empty" });
    expect(await rowCounts()).toEqual({ regions: 0, units: 0, users: 1, budgets: 0, snapshots: 0, audit: 0 });
  });

  it("leaves a database with a real region alone", async () => {
    await ensureRegionChain(prisma, GUANTAO_REGION_CHAIN.slice(0, 1));

    expect(await loadDemo(prisma, renderersWithoutPdf, { isDemoEnabled: true })).toMatchObject({ decision: "not-empty" });
    expect(await rowCounts()).toEqual({ regions: 1, units: 0, users: 0, budgets: 0, snapshots: 0, audit: 0 });
  });

  it("loads all or nothing: a failure half-way (after 224001 was published) leaves the database empty", async () => {
    let documents = 0;
    const failing = {
      ...renderersWithoutPdf,
      // fails after the first publication (224001) has been stored, in the middle of the demo
      html: (...args: Parameters<typeof renderersWithoutPdf.html>) => {
        documents += 1;
        if (documents === 3) throw new Error("renderer crashed");
        return renderersWithoutPdf.html(...args);
      },
    };

    await expect(loadDemo(prisma, failing, { isDemoEnabled: true })).rejects.toThrow("renderer crashed");

    expect(await rowCounts()).toEqual({ regions: 0, units: 0, users: 0, budgets: 0, snapshots: 0, audit: 0 });
  }, 60_000);
});
