import { documentRenderers } from "@/app/document-renderers";
import { writeCodeBook } from "@/lib/budgets/save-code-book";
import { disconnectPrisma, prisma } from "@/lib/db";
import { buildBudgetFor, createBudget, createUnit, ensureRegionChain, GUANTAO_REGION_CHAIN, type CreatedUnit } from "@/lib/demo/factories";
import { guantao2024Budget, guantao2024CodeBook } from "@/lib/demo/guantao-2024";
import { PdfUnavailableError } from "@/lib/export/pdf";
import { publishBudget } from "@/lib/publication/publish-budget";

/**
 * `node --import tsx e2e/support/publish-citizen-corpus.ts`: a county (130499 对比测试县) with a
 * unit that published 2022, 2023 and 2024 (amounts growing 10 % a year) and a second unit that
 * published 2024, through the real publisher (without PDFs). Idempotent: does nothing when the
 * county exists. Prints the codes as JSON.
 */
const REGION = { code: "130499", name: "对比测试县", level: "COUNTY" as const };
const renderers = { ...documentRenderers, pdf: () => Promise.reject(new PdfUnavailableError("FONT_MISSING", "测试中不生成 PDF。")) };

async function publish(unit: CreatedUnit, year: number, factor: number): Promise<void> {
  const scale = (fen: number) => Math.round((fen * factor) / 100) * 100;
  const base = guantao2024Budget;
  const budget = buildBudgetFor(unit, {
    year,
    income: base.income.map((l) => ({ ...l, amount: scale(l.amount) })),
    expenditure: base.expenditure.map((l) => ({ ...l, amount: scale(l.amount) })),
    basicEconomic: base.basicEconomic.map((l) => ({ ...l, amount: scale(l.amount) })),
    projects: base.projects.map((p) => ({ ...p, amount: scale(p.amount), fiscalAmount: scale(p.fiscalAmount), otherAmount: scale(p.otherAmount) })),
    threePublic: base.threePublic.map((l) => ({ ...l, reception: scale(l.reception), vehicleOperation: scale(l.vehicleOperation) })),
  });
  await createBudget(prisma, { budget, status: "SIGNED_OFF", at: new Date(`${year}-02-01T02:00:00Z`) });
  await publishBudget(prisma, { unitCode: unit.unit.code, year, regionCode: REGION.code, now: new Date(`${year}-02-12T02:00:00Z`) }, renderers);
}

async function main() {
  const result = { regionCode: REGION.code, regionName: REGION.name, unitCode: "501001", unitName: "对比测试局本级", otherCode: "502001", otherName: "对比测试中心本级" };
  if ((await prisma.region.findUnique({ where: { code: REGION.code } })) !== null) return result;
  await ensureRegionChain(prisma, [...GUANTAO_REGION_CHAIN.slice(0, 2), REGION]);
  for (const year of [2022, 2023]) {
    if ((await prisma.classificationCode.count({ where: { year } })) === 0) await writeCodeBook(prisma, { ...guantao2024CodeBook, year });
  }
  const unit = await createUnit(prisma, { regionCode: REGION.code, departmentCode: "501", unitCode: result.unitCode, unitName: result.unitName });
  const other = await createUnit(prisma, { regionCode: REGION.code, departmentCode: "502", unitCode: result.otherCode, unitName: result.otherName });
  await publish(unit, 2022, 0.81);
  await publish(unit, 2023, 0.9);
  await publish(unit, 2024, 1);
  await publish(other, 2024, 1.5);
  return result;
}

main()
  .then((result) => process.stdout.write(JSON.stringify(result)))
  .finally(disconnectPrisma);
