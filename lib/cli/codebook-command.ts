import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { AppError } from "@/lib/app-error";
import type { DbClient, DbReader } from "@/lib/budgets/db-client";
import { describePlan } from "@/lib/codebooks/describe-plan";
import { writeCodeBookRevision } from "@/lib/codebooks/import-code-book";
import { prepareCodeBookImport } from "@/lib/codebooks/prepare-code-book-import";
import { revisionLabel } from "@/lib/codebooks/queries";
import { DEFAULT_SPREADSHEET_LIMITS } from "@/lib/spreadsheet/read-spreadsheet";
import type { CliIo } from "./run-cli";

export const CODEBOOK_USAGE = `用法：
  npm run gongkai -- codebook load --year <年度> <文件.xlsx|文件.csv> [--dry-run] [--effective-on YYYY-MM-DD] [--note 说明]
    导入一个年度的政府收支分类科目表（科目编码、科目名称两列），先显示与上一版的差异；
    --dry-run 只检查和显示差异，不写入。已有科目表的年度再次导入即为修订版，已录入的预算仍用原版本。`;

/**
 * `npm run gongkai -- codebook load …`: the operator's way to load a year's book (the bureau's file),
 * through the same reader, checks and load as the administration screen. Audited as done from the
 * command line (no account). Exit codes: 0 done (or dry run passed), 2 bad input or refused file.
 */
export async function runCodeBookCommand(argv: string[], db: DbClient & DbReader, io: CliIo): Promise<number> {
  const [subcommand, ...rest] = argv;
  if (subcommand !== "load") {
    io.err(subcommand === undefined ? CODEBOOK_USAGE : `未知命令“codebook ${subcommand}”。\n\n${CODEBOOK_USAGE}`);
    return 2;
  }
  let parsed: { values: { year?: string; "dry-run"?: boolean; "effective-on"?: string; note?: string }; positionals: string[] };
  try {
    parsed = parseArgs({
      args: rest,
      options: { year: { type: "string" }, "dry-run": { type: "boolean" }, "effective-on": { type: "string" }, note: { type: "string" } },
      strict: true,
      allowPositionals: true,
    });
  } catch {
    io.err(`参数有误。\n\n${CODEBOOK_USAGE}`);
    return 2;
  }
  const year = Number(parsed.values.year ?? "");
  if (!/^\d{4}$/.test(parsed.values.year ?? "") || year < 1990 || year > 2999) {
    io.err(`缺少或错误的参数 --year（预算年度，例如 2025）。\n\n${CODEBOOK_USAGE}`);
    return 2;
  }
  const [file, ...extra] = parsed.positionals;
  if (file === undefined || extra.length > 0) {
    io.err(`请给出一个科目表文件。\n\n${CODEBOOK_USAGE}`);
    return 2;
  }
  const size = await stat(file).then((s) => s.size, () => null);
  if (size === null) {
    io.err(`找不到文件“${file}”。`);
    return 2;
  }
  if (size > DEFAULT_SPREADSHEET_LIMITS.maxBytes) {
    io.err(`文件“${file}”太大（${(size / 1024 / 1024).toFixed(1)} MB），科目表文件不应超过 ${DEFAULT_SPREADSHEET_LIMITS.maxBytes / 1024 / 1024} MB。`);
    return 2;
  }
  const fileName = path.basename(file);
  const bytes = new Uint8Array(await readFile(file));
  const preview = await prepareCodeBookImport(db, { year, fileName, bytes });
  if (!preview.ok) {
    io.err(`科目表“${fileName}”未导入，请修改后重试：`);
    for (const problem of preview.problems) io.err(`  ${problem.message}`);
    return 2;
  }
  const { plan } = preview;
  for (const line of describePlan(plan)) io.out(line);
  if (parsed.values["dry-run"] === true) {
    io.out("试运行（--dry-run）：没有写入任何数据。");
    return 0;
  }
  const effectiveOn = parsed.values["effective-on"] ?? (plan.nextRevision === 1 ? `${year}-01-01` : new Date().toISOString().slice(0, 10));
  try {
    const loaded = await db.$transaction(
      (tx) =>
        writeCodeBookRevision(
          tx,
          { year, fileName, functional: plan.functional, economic: plan.economic, effectiveOn, note: parsed.values.note ?? "", expectedRevision: plan.nextRevision },
          { userId: null, via: "cli" },
        ),
      { timeout: 30_000 },
    );
    io.out(`已导入${revisionLabel(loaded)}科目表（${effectiveOn} 起生效）：支出功能分类 ${loaded.functionalCount} 个，支出经济分类 ${loaded.economicCount} 个。`);
    return 0;
  } catch (error) {
    if (error instanceof AppError) {
      io.err(error.message);
      return 2;
    }
    throw error;
  }
}
