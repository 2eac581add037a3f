import { documentRenderers } from "@/app/document-renderers";
import { disconnectPrisma, prisma } from "@/lib/db";
import { loadDemo, type DemoOutcome } from "@/lib/demo/load-demo";
import { parseEnv } from "@/lib/env";

/**
 * `tsx prisma/seed.ts` (run by every `npm start`): loads the demo into an EMPTY database, once,
 * unless GONGKAI_DEMO=false. On a database with anything in it, it writes nothing at all
 * (lib/demo/load-demo.ts decides; docs/decisions/0012-demo-and-production.md).
 */
async function main(): Promise<void> {
  const isDemoEnabled = parseEnv().GONGKAI_DEMO === "true";
  const outcome = await loadDemo(prisma, documentRenderers, { isDemoEnabled });
  console.log(describeOutcome(outcome).join("\n"));
}

function describeOutcome(outcome: DemoOutcome): string[] {
  const noAccount =
    outcome.contents.users === 0
      ? [
          "  No account exists yet. Create the first administrator (prints a one-time password):",
          "    npm run gongkai -- admin create-user --email <邮箱> --name <姓名> --role ADMIN",
        ]
      : [];
  switch (outcome.decision) {
    case "disabled":
      return ["Seed: GONGKAI_DEMO=false: no demo data is loaded; nothing changed.", ...noAccount];
    case "not-empty":
      return [
        "Seed: the database is not empty; the demo is loaded only into an empty database. Nothing changed.",
        ...noAccount,
      ];
    case "load": {
      const { report } = outcome;
      return [
        "Seed: loaded the demo into the empty database (GONGKAI_DEMO=false loads none).",
        `  regions created: ${report.regionsCreated}; 2024 classification codes: ${report.codesCreated}`,
        `  budget 224001 2024 published as /budgets/2024/224001/v1: ${report.isBudgetPublished ? "yes" : "no"}`,
        `  more units of 130433 for the review queue and the deadline dashboard: ${outcome.deadlineUnits}`,
        `  department 224's 部门预算 published as /budgets/2024/departments/224/v1: ${outcome.isDepartmentPublished ? "yes" : "no"}`,
        ...(report.pdfError === null ? [] : [`  published without PDFs, which could not be rendered: ${report.pdfError}`]),
        "  Demo accounts with public passwords: README, 演示账号. Never use GONGKAI_DEMO=true on a server.",
      ];
    }
  }
}

main()
  .catch((error: unknown) => {
    console.error("Seed failed:", error instanceof Error ? error.message : error);
    process.exitCode = 1;
  })
  .finally(disconnectPrisma);
