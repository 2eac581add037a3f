import type { DbClient, DbReader } from "@/lib/budgets/db-client";
import { writeCodeBook } from "@/lib/budgets/save-code-book";
import type { FactoryStatus } from "./factories";
import { buildBudgetFor, createUnit, writeBudgetWithHistory } from "./factories";
import { publishBudget, type DocumentRenderers } from "@/lib/publication/publish-budget";
import { AGRICULTURE_BUREAU, COUNTY_UNIT_CODES, countyUnitBudget, EDUCATION_BUREAU, HEALTH_BUREAU, type CountyUnitProfile } from "./county-units";
import { DEMO_REGION_CODE } from "./demo-users";
import { guantao2024Budget } from "./guantao-2024";

const DAY_MS = 86_400_000;

interface DemoUnit {
  departmentCode: string;
  departmentName: string;
  unitName: string;
  /** null: the unit has no budget for the demo year; otherwise its own content (county-units.ts) */
  budget: null | { status: FactoryStatus; daysAgo: number; publishAfterDays?: number; profile: CountyUnitProfile };
}

/**
 * More units of 馆陶县 for the reviewers' queue and the publication-deadline dashboard, each at
 * another point of the workflow. Department codes sort after the demo's 224, so the public pages
 * still list the demo budget first.
 */
export const DEADLINE_DEMO_UNITS: readonly DemoUnit[] = [
  // 批复 25 days ago and not published: overdue
  { departmentCode: "301", departmentName: "馆陶县教育局", unitName: "馆陶县教育局本级", budget: { status: "APPROVED", daysAgo: 25, profile: EDUCATION_BUREAU } },
  // 批复 45 days ago, published 30 days after 批复: published late (public)
  {
    departmentCode: "302",
    departmentName: "馆陶县卫生健康局",
    unitName: "馆陶县卫生健康局本级",
    budget: { status: "APPROVED", daysAgo: 45, publishAfterDays: 30, profile: HEALTH_BUREAU },
  },
  // submitted 2 days ago: waits in the finance reviewers' queue
  { departmentCode: "303", departmentName: "馆陶县农业农村局", unitName: "馆陶县农业农村局本级", budget: { status: "SUBMITTED", daysAgo: 2, profile: AGRICULTURE_BUREAU } },
  // no budget at all: 未报送
  { departmentCode: "304", departmentName: "馆陶县民政局", unitName: "馆陶县民政局本级", budget: null },
];

export interface DeadlineDemoReport {
  unitsCreated: number;
  published: number;
}

/**
 * Adds the units above (after seedDemo created the region), each with its budget, dated
 * relative to `now`. Idempotent: a unit that exists is left as it is.
 */
export async function seedDeadlineDemo(
  db: DbClient & DbReader,
  renderers: DocumentRenderers,
  now: Date = new Date(),
): Promise<DeadlineDemoReport> {
  const region = await db.region.findUnique({ where: { code: DEMO_REGION_CODE }, select: { id: true } });
  if (region === null) throw new Error(`the deadline demo needs region ${DEMO_REGION_CODE}; run the demo data seed first`);
  let unitsCreated = 0;
  let published = 0;
  // The codes of their own work (education, health, agriculture) join the demo year's book.
  await db.$transaction((tx) => writeCodeBook(tx, COUNTY_UNIT_CODES));
  for (const spec of DEADLINE_DEMO_UNITS) {
    const unitCode = `${spec.departmentCode}001`;
    const exists = await db.unit.findUnique({ where: { regionId_code: { regionId: region.id, code: unitCode } }, select: { id: true } });
    if (exists !== null) continue;
    const budget = spec.budget;
    await db.$transaction(
      async (tx) => {
        const unit = await createUnit(tx, { regionCode: DEMO_REGION_CODE, departmentCode: spec.departmentCode, unitCode, unitName: spec.unitName });
        await tx.department.update({ where: { id: unit.departmentId }, data: { name: spec.departmentName } });
        if (budget === null) return;
        const at = new Date(now.getTime() - budget.daysAgo * DAY_MS);
        const own = countyUnitBudget(budget.profile);
        const content = buildBudgetFor({ ...unit, department: { code: spec.departmentCode, name: spec.departmentName } }, { ...own, year: guantao2024Budget.year });
        // A budget that will be published is signed off first, as the workflow requires.
        const status = budget.publishAfterDays === undefined ? budget.status : "SIGNED_OFF";
        const saved = await writeBudgetWithHistory(tx, { budget: content, status, at, comment: "演示数据 (demo seed)" });
        if (status === "APPROVED" || status === "SIGNED_OFF") {
          // submitted a week before 批复, as a review takes time
          const submittedAt = new Date(at.getTime() - 7 * DAY_MS);
          await tx.budget.update({ where: { id: saved.id }, data: { submittedAt } });
          await tx.budgetEvent.updateMany({ where: { budgetId: saved.id, action: { in: ["CREATE", "SUBMIT"] } }, data: { at: submittedAt } });
        }
      },
      { timeout: 30_000 },
    );
    unitsCreated += 1;
    if (budget?.publishAfterDays !== undefined) {
      const publishAt = new Date(now.getTime() - (budget.daysAgo - budget.publishAfterDays) * DAY_MS);
      await publishBudget(db, { unitCode, year: guantao2024Budget.year, regionCode: DEMO_REGION_CODE, now: publishAt }, renderers);
      published += 1;
    }
  }
  return { unitsCreated, published };
}
