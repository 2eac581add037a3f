import { disconnectPrisma, prisma } from "@/lib/db";
import { buildBudgetFor, buildEmptyBudgetFor, createBudget, createUnit, createUser } from "@/lib/demo/factories";

/**
 * `node --import tsx e2e/support/create-accountant-unit.ts '{"email":…,"password":…,"year":2024,"content":"empty"|"demo"}'`:
 * a fresh unit, its accountant (who can sign in) and a draft budget for the year, empty or with
 * the demo budget's content; `"unitName"` names the unit (default 测试录入单位本级). Prints the unit code and user as JSON.
 */
const input = JSON.parse(process.argv[2] ?? "{}") as { email: string; name: string; password: string; year: number; content: "empty" | "demo"; unitName?: string };

async function main(): Promise<void> {
  const unit = await createUnit(prisma, { unitName: input.unitName ?? "测试录入单位本级" });
  const user = await createUser(prisma, {
    email: input.email,
    name: input.name,
    password: input.password,
    roles: [{ role: "ACCOUNTANT", unitId: unit.unitId }],
  });
  const budget = input.content === "empty" ? buildEmptyBudgetFor(unit, input.year) : { ...buildBudgetFor(unit), year: input.year };
  await createBudget(prisma, { budget, status: "DRAFT" });
  process.stdout.write(JSON.stringify({ unitCode: unit.unit.code, unitName: unit.unit.name, userId: user.id }));
}

main().finally(disconnectPrisma);
