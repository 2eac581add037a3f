import type { DbReader } from "@/lib/budgets/db-client";
import { type ChainReport, isIntact, verifyIntegrity } from "@/lib/integrity/verify-chains";
import type { CliIo } from "./run-cli";

export const VERIFY_USAGE = "  npm run gongkai -- verify [--json]   校验审计日志和公开文件台账的哈希链，发现断点时退出码为1";

function line(title: string, report: ChainReport): string {
  if (report.firstBreak === null) {
    return `${title}：完整（${report.checked} 条）${report.head === null ? "" : `，最新哈希 ${report.head}`}`;
  }
  return `${title}：第一个断点在 ${report.firstBreak.position}。${report.firstBreak.reason}`;
}

/** `verify`: exit 0 when both chains and every file are intact, 1 with the first broken link of each. */
export async function runVerifyCommand(args: string[], db: DbReader, io: CliIo): Promise<number> {
  const unknown = args.filter((arg) => arg !== "--json");
  if (unknown.length > 0) {
    io.err(`参数有误：未知参数 ${unknown.join(" ")}\n用法：\n${VERIFY_USAGE}`);
    return 2;
  }
  const report = await verifyIntegrity(db);
  if (args.includes("--json")) {
    io.out(JSON.stringify({ intact: isIntact(report), ...report }, null, 2));
  } else {
    io.out([line("审计日志哈希链", report.audit), line("公开文件台账哈希链", report.ledger), line("公开文件内容", report.files)].join("\n"));
  }
  return isIntact(report) ? 0 : 1;
}
