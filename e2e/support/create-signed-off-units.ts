import { disconnectPrisma, prisma } from "@/lib/db";
import { createApprovedBudget, createUnit, createUnitInDepartment, createUser } from "@/lib/demo/factories";

/**
 * `node --import tsx e2e/support/create-signed-off-units.ts '{"reviewer":{email,name,password}}'`:
 * a new county with three units whose 2024 budgets are signed off (已审签) and wait for
 * publication, and a finance reviewer of that county. Prints the codes and the region as JSON.
 */
const input = JSON.parse(process.argv[2] ?? "{}") as { reviewer: { email: string; name: string; password: string } };

async function main() {
  const approvedAt = new Date(Date.now() - 5 * 86_400_000);
  const first = await createUnit(prisma, { unitName: "批量公开测试单位甲" });
  const others = [await createUnitInDepartment(prisma, first, { unitName: "批量公开测试单位乙" }), await createUnitInDepartment(prisma, first, { unitName: "批量公开测试单位丙" })];
  const units = [first, ...others];
  for (const unit of units) await createApprovedBudget(prisma, { unit, approvedAt, signedOff: true });
  await createUser(prisma, { ...input.reviewer, roles: [{ role: "FINANCE_REVIEWER", regionId: first.regionId }] });
  return { regionCode: first.region.code, regionName: first.region.name, units: units.map((u) => u.unit) };
}

main()
  .then((result) => process.stdout.write(JSON.stringify(result)))
  .finally(disconnectPrisma);
