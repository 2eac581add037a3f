import { disconnectPrisma, prisma } from "@/lib/db";
import { databaseBudgetSource } from "./budget-source";
import { databaseExcelImportStore } from "./excel-import-store";
import { runCli } from "./run-cli";

/**
 * Entry of `npm run gongkai -- …`. Any unexpected failure (database unreachable, …) is reported
 * in one line: people who script against the CLI get a message and an exit code, not a trace.
 */
async function main(): Promise<number> {
  try {
    return await runCli(process.argv.slice(2), databaseBudgetSource(prisma), {
      out: (text) => process.stdout.write(text + "\n"),
      err: (text) => process.stderr.write(text + "\n"),
    }, databaseExcelImportStore(prisma));
  } catch (error) {
    const detail = error instanceof Error ? error.message.split("\n")[0] : String(error);
    process.stderr.write(`运行失败：${detail}\n`);
    if (process.env.GONGKAI_DEBUG) console.error(error);
    return 3;
  } finally {
    await disconnectPrisma();
  }
}

void main().then((code) => {
  process.exitCode = code;
});
