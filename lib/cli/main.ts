import { disconnectPrisma, prisma } from "@/lib/db";
import { databaseBudgetSource } from "./budget-source";
import { databaseExcelImportStore } from "./excel-import-store";
import { runCli } from "./run-cli";
import { runBackupCommand } from "./backup-command";
import { runVerifyCommand } from "./verify-command";

/**
 * Entry of `npm run gongkai -- …`. Any unexpected failure (database unreachable, …) is reported
 * in one line: people who script against the CLI get a message and an exit code, not a trace.
 */
async function main(): Promise<number> {
  try {
    const io = {
      out: (text: string) => process.stdout.write(text + "\n"),
      err: (text: string) => process.stderr.write(text + "\n"),
    };
    const [command, ...args] = process.argv.slice(2);
    if (command === "verify") return await runVerifyCommand(args, prisma, io);
    if (command === "backup" || command === "restore") return await runBackupCommand(command, args, io);
    return await runCli(process.argv.slice(2), databaseBudgetSource(prisma), io, databaseExcelImportStore(prisma));
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
