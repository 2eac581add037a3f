import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { documentRenderers } from "@/app/document-renderers";
import { loadBudget } from "@/lib/budgets/queries";
import { createViewer } from "@/lib/budgets/test-support";
import { disconnectPrisma } from "@/lib/db";
import { loadDeadlineDashboard } from "@/lib/deadlines/queries";
import { prisma, resetDatabase } from "@/tests/integration/db";
import { seedDeadlineDemo } from "./seed-deadline-demo";
import { seedDemo } from "./seed-demo";

beforeEach(resetDatabase);
afterAll(disconnectPrisma);

describe("seedDeadlineDemo", () => {
  it("adds units of 馆陶县 in each state the dashboard shows, once, leaving the demo budget alone", async () => {
    await seedDemo(prisma, documentRenderers);
    const demoBefore = await prisma.budget.findFirstOrThrow({ where: { unit: { code: "224001" } }, select: { id: true, status: true, updatedAt: true } });
    const now = new Date("2024-05-10T04:00:00Z");

    expect(await seedDeadlineDemo(prisma, documentRenderers, now)).toEqual({ unitsCreated: 4, published: 1 });
    expect(await seedDeadlineDemo(prisma, documentRenderers, now)).toEqual({ unitsCreated: 0, published: 0 });

    const region = await prisma.region.findUniqueOrThrow({ where: { code: "130433" }, select: { id: true } });
    const reviewer = await createViewer(prisma, [{ role: "FINANCE_REVIEWER", regionId: region.id }]);
    const dashboard = await loadDeadlineDashboard(prisma, reviewer, {}, now);
    expect(dashboard.rows.map((row) => [row.unitCode, row.unitName, row.assessment.status])).toEqual([
      ["301001", "馆陶县教育局本级", "OVERDUE"],
      ["304001", "馆陶县民政局本级", "NOT_SUBMITTED"],
      ["303001", "馆陶县农业农村局本级", "IN_REVIEW"],
      ["302001", "馆陶县卫生健康局本级", "PUBLISHED_LATE"],
      ["224001", "中共馆陶县委网络安全和信息化委员会办公室本级", "PUBLISHED_ON_TIME"],
    ]);
    expect(dashboard.rows[0]?.assessment.daysSinceApproval).toBe(25);
    expect(dashboard.rows[0]?.submittedAt).toEqual(new Date(now.getTime() - 32 * 86_400_000));
    expect(await prisma.publishedSnapshot.count({ where: { unit: { code: "302001" } } })).toBe(1);
    expect(await prisma.budget.findFirstOrThrow({ where: { id: demoBefore.id }, select: { id: true, status: true, updatedAt: true } })).toEqual(demoBefore);

    // Each bureau spends on its own sector (education 205, health 210, agriculture 213), with projects of its own.
    for (const [unitCode, sector, projectName] of [
      ["301001", "205", "义务教育学校公用经费"],
      ["302001", "210", "基本公共卫生服务项目"],
      ["303001", "213", "农产品质量安全监测"],
    ] as const) {
      const loaded = await loadBudget(prisma, { unitCode, year: 2024, regionCode: "130433" });
      const codes = loaded?.budget.projects.map((p) => p.functionalCode) ?? [];
      expect(codes.length).toBeGreaterThan(0);
      expect(codes.every((code) => code.startsWith(sector))).toBe(true);
      expect(loaded?.budget.projects.map((p) => p.name)).toContain(projectName);
      expect(loaded?.codeBook.functional.find((c) => c.code === codes[0])?.name).toBeTruthy();
    }
  });
});
