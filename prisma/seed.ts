import { seedDemoDepartment } from "@/lib/department/seed-department";
import { documentRenderers } from "@/app/document-renderers";
import { disconnectPrisma, prisma } from "@/lib/db";
import { hasChanges, seedDemo } from "@/lib/demo/seed-demo";
import { seedDemoUsers } from "@/lib/demo/seed-users";

/** `tsx prisma/seed.ts`: loads the demo data into the database at DATABASE_URL; safe to run again. */
async function main(): Promise<void> {
  const report = await seedDemo(prisma, documentRenderers);
  await seedDemoUsers(prisma, { log: console.log });
  if (!hasChanges(report)) {
    console.log("Seed: the demo data is already in the database; nothing changed.");
    return;
  }
  console.log(
    [
      "Seed: loaded the demo data.",
      `  regions created: ${report.regionsCreated}`,
      `  2024 classification codes created: ${report.codesCreated}, updated: ${report.codesUpdated}`,
      `  budget 224001 2024 v1 (approved): ${report.isBudgetCreated ? "created" : "already present"}`,
      `  published as /budgets/2024/224001/v1: ${report.isBudgetPublished ? "yes" : "already published"}`,
      ...(report.pdfError === null ? [] : [`  without its PDF, which could not be rendered: ${report.pdfError}`]),
    ].join("\n"),
  );
}

/** The demo department's 部门预算 (/budgets/2024/departments/224), once its unit's budget is approved. */
async function seedDepartment(): Promise<void> {
  if (await seedDemoDepartment(prisma, documentRenderers)) {
    console.log("Seed: published department 224's 2024 部门预算 as /budgets/2024/departments/224/v1.");
  }
}

main()
  .then(seedDepartment)
  .catch((error: unknown) => {
    console.error("Seed failed:", error instanceof Error ? error.message : error);
    process.exitCode = 1;
  })
  .finally(disconnectPrisma);
