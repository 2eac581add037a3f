import { seedDemoDepartment } from "@/lib/department/seed-department";
import { documentRenderers } from "@/app/document-renderers";
import { disconnectPrisma, prisma } from "@/lib/db";
import { seedDeadlineDemo } from "@/lib/demo/seed-deadline-demo";
import { hasChanges, seedDemo } from "@/lib/demo/seed-demo";

/** `tsx prisma/seed.ts`: loads the demo data into the database at DATABASE_URL; safe to run again. */
async function main(): Promise<void> {
  // Creates the demo accounts too (seedDemoUsers), which then take the demo budget through the workflow.
  const report = await seedDemo(prisma, documentRenderers, { users: { log: console.log } });
  const deadlines = await seedDeadlineDemo(prisma, documentRenderers);
  if (deadlines.unitsCreated > 0) {
    console.log(`Seed: added ${deadlines.unitsCreated} more unit(s) of 130433 for the review queue and the deadline dashboard.`);
  }
  if (!hasChanges(report)) {
    console.log("Seed: the demo data is already in the database; nothing changed.");
    return;
  }
  console.log(
    [
      "Seed: loaded the demo data.",
      `  regions created: ${report.regionsCreated}`,
      `  2024 classification codes created: ${report.codesCreated}, updated: ${report.codesUpdated}`,
      `  budget 224001 2024 v1: ${report.isBudgetCreated ? "created" : "already present"}`,
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
