import { disconnectPrisma, prisma } from "@/lib/db";
import { createApprovedBudget, createUnit, createUser } from "@/lib/demo/factories";

/**
 * `node --import tsx e2e/support/create-deadline-units.ts '{"reviewer":{email,name,password}}'`:
 * a new county with three units whose 2024 budgets were approved and published (or not) relative
 * to now, and a finance reviewer of that county. Prints the codes and the reviewer as JSON.
 */
const DAY = 86_400_000;
const input = JSON.parse(process.argv[2] ?? "{}") as { reviewer: { email: string; name: string; password: string } };

async function main() {
  const now = Date.now();
  const ago = (days: number) => new Date(now - days * DAY);
  const late = await createUnit(prisma, { unitName: "逾期公开测试单位" });
  const regionCode = late.region.code;
  const overdue = await createUnit(prisma, { regionCode, unitName: "逾期未公开测试单位" });
  const onTime = await createUnit(prisma, { regionCode, unitName: "按时公开测试单位" });
  await createApprovedBudget(prisma, { unit: late, approvedAt: ago(60), publishedAt: ago(30) });
  await createApprovedBudget(prisma, { unit: overdue, approvedAt: ago(25) });
  await createApprovedBudget(prisma, { unit: onTime, approvedAt: ago(40), publishedAt: ago(30) });
  const reviewer = await createUser(prisma, { ...input.reviewer, roles: [{ role: "FINANCE_REVIEWER", regionId: late.regionId }] });
  return {
    regionCode,
    regionName: late.region.name,
    late: late.unit,
    overdue: overdue.unit,
    onTime: onTime.unit,
    reviewer: { id: reviewer.id, email: reviewer.email },
  };
}

main()
  .then((result) => process.stdout.write(JSON.stringify(result)))
  .finally(disconnectPrisma);
