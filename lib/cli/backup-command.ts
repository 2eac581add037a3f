import { existsSync, writeFileSync } from "node:fs";
import path from "node:path";
import { createInterface } from "node:readline";
import { Writable } from "node:stream";
import { parseArgs } from "node:util";
import { AUTH_SECRET_FILE, resolveAuthSettings } from "@/lib/auth/auth-settings";
import { BackupFormatError, MIN_PASSPHRASE_LENGTH } from "@/lib/backup/archive-format";
import { createBackup } from "@/lib/backup/create-backup";
import { restoreBackup } from "@/lib/backup/restore-backup";
import { projectRoot } from "@/lib/database/acquire-database";
import { migrateDatabase } from "@/lib/database/migrate-database";
import { requireDatabaseUrl } from "@/lib/env";
import type { CliIo } from "./run-cli";

export const BACKUP_USAGE = `  npm run gongkai -- backup --out <文件>    在线备份整个数据库（一个快照），用口令加密
  npm run gongkai -- restore <文件>         把备份恢复到空数据库
  口令取自环境变量 GONGKAI_BACKUP_PASSPHRASE，未设置时在终端询问（至少 ${MIN_PASSPHRASE_LENGTH} 个字符）。`;

/** The passphrase from GONGKAI_BACKUP_PASSPHRASE, else asked on the terminal without echo. */
async function readPassphrase(io: CliIo): Promise<string | null> {
  const fromEnv = process.env.GONGKAI_BACKUP_PASSPHRASE;
  if (fromEnv !== undefined && fromEnv !== "") return fromEnv;
  if (!process.stdin.isTTY) {
    io.err("请设置环境变量 GONGKAI_BACKUP_PASSPHRASE（备份口令），或在终端中运行以输入口令。");
    return null;
  }
  // The terminal echoes into a sink, so the passphrase never shows on the screen.
  const sink = new Writable({ write: (_chunk, _encoding, done) => done() });
  const prompt = createInterface({ input: process.stdin, output: sink, terminal: true });
  process.stderr.write("备份口令：");
  const answer = await new Promise<string>((resolve) => prompt.question("", resolve));
  prompt.close();
  process.stderr.write("\n");
  return answer;
}

function dataRoot(): string {
  return process.env.GONGKAI_DATA_DIR ?? path.join(projectRoot, ".data");
}

function currentAuthSecret(): string | null {
  try {
    return resolveAuthSettings(process.env, projectRoot).secret;
  } catch {
    return null;
  }
}

export async function runBackupCommand(command: "backup" | "restore", args: string[], io: CliIo): Promise<number> {
  let parsed: { values: { out?: string }; positionals: string[] };
  try {
    parsed = parseArgs({ args, options: { out: { type: "string" } }, allowPositionals: true, strict: true });
  } catch (error) {
    io.err(`参数有误：${error instanceof Error ? error.message : String(error)}\n用法：\n${BACKUP_USAGE}`);
    return 2;
  }
  const target = command === "backup" ? parsed.values.out : parsed.positionals[0];
  if (target === undefined || target === "" || (command === "backup" && parsed.positionals.length > 0)) {
    io.err(`${command === "backup" ? "缺少参数 --out（备份文件）" : "缺少要恢复的备份文件"}。\n用法：\n${BACKUP_USAGE}`);
    return 2;
  }
  const passphrase = await readPassphrase(io);
  if (passphrase === null) return 2;
  if (passphrase.length < MIN_PASSPHRASE_LENGTH) {
    io.err(`备份口令至少 ${MIN_PASSPHRASE_LENGTH} 个字符。`);
    return 2;
  }
  const databaseUrl = requireDatabaseUrl();
  try {
    if (command === "backup") {
      const result = await createBackup({ databaseUrl, outFile: target, passphrase, authSecret: currentAuthSecret() });
      io.out(`已备份 ${result.tables} 张表到 ${target}（${(result.bytes / 1024 / 1024).toFixed(1)} MB，用时 ${result.seconds.toFixed(1)} 秒）。`);
      return 0;
    }
    if (!existsSync(target)) {
      io.err(`找不到备份文件 ${target}。`);
      return 2;
    }
    // The schema first, as npm start does; a no-op when it is already there.
    migrateDatabase(databaseUrl);
    const result = await restoreBackup({ databaseUrl, file: target, passphrase });
    const secretFile = path.join(dataRoot(), AUTH_SECRET_FILE);
    if (result.manifest.authSecret !== null && process.env.BETTER_AUTH_SECRET === undefined && !existsSync(secretFile)) {
      writeFileSync(secretFile, result.manifest.authSecret, { mode: 0o600 });
    }
    io.out(`已从 ${target} 恢复 ${result.tables} 张表（备份时间 ${result.manifest.createdAt}，用时 ${result.seconds.toFixed(1)} 秒）。`);
    return 0;
  } catch (error) {
    if (error instanceof BackupFormatError || error instanceof RangeError) {
      io.err(error.message);
      return 1;
    }
    throw error;
  }
}

