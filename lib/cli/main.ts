import { disconnectPrisma, prisma } from "@/lib/db";
import { runAdminCommand } from "./admin-command";
import { databaseBudgetSource } from "./budget-source";
import { runCodeBookCommand } from "./codebook-command";
import { isOrganisationCommand, runOrganisationCommand } from "./organisation-commands";
import { databaseExcelImportStore } from "./excel-import-store";
import { runCli } from "./run-cli";
import { runBackupCommand } from "./backup-command";
import { runVerifyCommand } from "./verify-command";

/**
 * Entry of `npm run gongkai -- …`. Any unexpected failure (database unreachable, …) is reported
 * in one line: people who script against the CLI get a message and an exit code, not a trace.
 */
async function main(): Promise<number> {
  const io = { out: (text: string) => process.stdout.write(text + "\n"), err: (text: string) => process.stderr.write(text + "\n") };
  const argv = process.argv.slice(2);
  try {
    const [command, ...args] = argv;
    if (command === "codebook") return await runCodeBookCommand(args, prisma, io);
    if (command === "verify") return await runVerifyCommand(args, prisma, io);
    if (command === "backup" || command === "restore") return await runBackupCommand(command, args, io);
    if (isOrganisationCommand(argv)) return await runOrganisationCommand(args, prisma, io);
    if (command === "admin") return await runAdminCommand(args, { db: prisma, readStdin }, io);
    return await runCli(argv, databaseBudgetSource(prisma), io, databaseExcelImportStore(prisma));
  } catch (error) {
    const detail = error instanceof Error ? error.message.split("\n")[0] : String(error);
    process.stderr.write(`运行失败：${detail}\n`);
    if (process.env.GONGKAI_DEBUG) console.error(error);
    return 3;
  } finally {
    await disconnectPrisma();
  }
}

/** Standard input to its end (a pipe, or typed and ended with Ctrl+D). */
async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write("请输入密码，然后按回车和 Ctrl+D：\n");
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString("utf8");
}

void main().then((code) => {
  process.exitCode = code;
});
