import { disconnectPrisma, prisma } from "@/lib/db";
import { hasChanges, seedDemo } from "@/lib/demo/seed-demo";

/** `tsx prisma/seed.ts`: loads the demo data into the database at DATABASE_URL; safe to run again. */
async function main(): Promise<void> {
  const report = await seedDemo(prisma);
  if (!hasChanges(report)) {
    console.log("Seed: the demo data is already in the database; nothing changed.");
    return;
  }
  console.log(
    [
      "Seed: loaded the demo data.",
      `  regions created: ${report.regionsCreated}`,
      `  2024 classification codes created: ${report.codesCreated}, updated: ${report.codesUpdated}`,
      `  budget 224001 2024 v1 (APPROVED): ${report.isBudgetCreated ? "created" : "already present"}`,
    ].join("\n"),
  );
}

main()
  .catch((error: unknown) => {
    console.error("Seed failed:", error instanceof Error ? error.message : error);
    process.exitCode = 1;
  })
  .finally(disconnectPrisma);
