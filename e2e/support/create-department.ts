import { disconnectPrisma, prisma } from "@/lib/db";
import { buildBudgetFor, createBudget, createUnit, createUnitInDepartment, createUser } from "@/lib/demo/factories";

// `node --import tsx e2e/support/create-department.ts '{"password":…,"pendingStatus":"SUBMITTED"?}'`:
// a department of two units (in a new county) whose 2024 budgets are approved (the second one `pendingStatus`
// when given), and a department reviewer who can sign in. Prints them as JSON.
const input = JSON.parse(process.argv[2] ?? "{}") as { password: string; pendingStatus?: "SUBMITTED" | "DRAFT" };

async function main() {
  const a = await createUnit(prisma, { unitName: "测试网信中心本级" });
  const b = await createUnitInDepartment(prisma, a, { unitName: "测试网络安全服务中心" });
  const budgetB = buildBudgetFor(b);
  budgetB.projects = budgetB.projects.map((p) => ({ ...p, code: p.code.replace("P0000", "P9999") }));
  await createBudget(prisma, { budget: buildBudgetFor(a), status: "APPROVED" });
  await createBudget(prisma, { budget: budgetB, status: input.pendingStatus ?? "APPROVED" });
  const reviewer = await createUser(prisma, {
    password: input.password,
    roles: [{ role: "DEPARTMENT_REVIEWER", departmentId: a.departmentId }],
  });
  return { departmentId: a.departmentId, department: a.department, units: [a.unit, b.unit], reviewer };
}

main()
  .then((result) => process.stdout.write(JSON.stringify(result)))
  .finally(disconnectPrisma);
