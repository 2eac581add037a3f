import { writeCodeBook } from "@/lib/budgets/save-code-book";
import {
  buildBudgetFor,
  createApprovedBudget,
  createBudget,
  createUnit,
  createUnitInDepartment,
  ensureRegionChain,
  GUANTAO_REGION_CHAIN,
  type CreatedUnit,
} from "@/lib/demo/factories";
import { guantao2024Budget, guantao2024CodeBook } from "@/lib/demo/guantao-2024";
import type { Budget } from "@/lib/disclosure/types";
import { publishBudget, type DocumentRenderers } from "@/lib/publication/publish-budget";
import { prisma } from "@/lib/db";

/**
 * A small published corpus for the public site's integration tests, published through the real
 * publisher (so the search index hook runs): in 馆陶县, the demo unit 224001 (网信办) for 2023
 * and 2024, the 人民检察院 (118001) for 2024, and a 2024 draft that must never show.
 */
export interface TestCorpus {
  wangxin: CreatedUnit;
  jiancha: CreatedUnit;
  /** a unit whose 2024 budget is only signed off, not published */
  unpublished: CreatedUnit;
}

export const GUANTAO = "130433";

async function publish(unit: CreatedUnit, year: number, budget: Budget, renderers: DocumentRenderers): Promise<void> {
  await createBudget(prisma, { budget, status: "SIGNED_OFF", at: new Date(`${year}-02-01T02:00:00Z`) });
  await publishBudget(prisma, { unitCode: unit.unit.code, year, regionCode: GUANTAO, now: new Date(`${year}-02-10T02:00:00Z`) }, renderers);
}

export async function publishTestCorpus(renderers: DocumentRenderers): Promise<TestCorpus> {
  await ensureRegionChain(prisma, GUANTAO_REGION_CHAIN);
  for (const year of [2023, 2024]) await writeCodeBook(prisma, { ...guantao2024CodeBook, year });
  const wangxin = await createUnit(prisma, { regionCode: GUANTAO, departmentCode: "224", unitCode: "224001", unitName: guantao2024Budget.unit.name });
  const jiancha = await createUnit(prisma, { regionCode: GUANTAO, departmentCode: "118", unitCode: "118001", unitName: "馆陶县人民检察院本级" });
  const unpublished = await createUnitInDepartment(prisma, jiancha, { unitCode: "118002", unitName: "馆陶县未公开检察服务中心" });

  // 2023: every amount 90 % of 2024's (to the 元), so a comparison shows changes.
  const less = (fen: number) => Math.round((fen * 0.9) / 100) * 100;
  const base = guantao2024Budget;
  const wangxin2023 = buildBudgetFor(wangxin, {
    year: 2023,
    income: base.income.map((l) => ({ ...l, amount: less(l.amount) })),
    expenditure: base.expenditure.map((l) => ({ ...l, amount: less(l.amount) })),
    basicEconomic: base.basicEconomic.map((l) => ({ ...l, amount: less(l.amount) })),
    projects: base.projects.map((p) => ({ ...p, amount: less(p.amount), fiscalAmount: less(p.fiscalAmount), otherAmount: less(p.otherAmount) })),
    threePublic: base.threePublic.map((l) => ({ ...l, reception: less(l.reception), vehicleOperation: less(l.vehicleOperation) })),
  });
  await publish(wangxin, 2023, wangxin2023, renderers);
  await publish(wangxin, 2024, buildBudgetFor(wangxin, { year: 2024 }), renderers);
  const jianchaBudget = buildBudgetFor(jiancha, { year: 2024 });
  jianchaBudget.unit.duties = ["依法行使检察权，负责全县刑事案件的审查逮捕、审查起诉。", ...jianchaBudget.unit.duties.slice(1)];
  jianchaBudget.projects = jianchaBudget.projects.map((p, i) => (i === 0 ? { ...p, code: "13043324J00000000001A", name: "检察业务装备购置经费" } : p));
  await publish(jiancha, 2024, jianchaBudget, renderers);
  await createApprovedBudget(prisma, { unit: unpublished, year: 2024, approvedAt: new Date("2024-02-01T02:00:00Z"), signedOff: true });
  return { wangxin, jiancha, unpublished };
}
