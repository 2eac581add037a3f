import { parseArgs } from "node:util";
import { checkDisclosure, hasBlockingErrors } from "@/lib/disclosure/check";
import { deriveTables } from "@/lib/disclosure/derive-tables";
import type { Finding } from "@/lib/disclosure/findings";
import { printRows } from "@/lib/disclosure/print";
import { TABLE_IDS } from "@/lib/disclosure/table-model";
import type { Budget, CodeBook } from "@/lib/disclosure/types";
import { IMPORT_EXCEL_USAGE, runImportExcel, type ExcelImportStore } from "./import-excel-command";
import { IMPORT_USAGE, runImport } from "./import-command";
import { renderTextTable } from "./text-table";

/** What the CLI needs from storage; the database implements it, tests pass an in-memory one. */
export interface BudgetSource {
  findUnit(code: string): Promise<{ code: string; name: string } | null>;
  budgetYears(unitCode: string): Promise<number[]>;
  loadBudget(unitCode: string, year: number): Promise<{ budget: Budget; codeBook: CodeBook } | null>;
}

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

export const USAGE = `用法：
  npm run gongkai -- tables --unit <单位编码> --year <年度> [--json]   打印九张预算公开表
  npm run gongkai -- check  --unit <单位编码> --year <年度> [--json]   检查勾稽关系，有错误时退出码为1
  npm run gongkai -- admin create-user --email … --name … --role …    创建账户（首位管理员），详见 admin --help
  npm run gongkai -- verify [--json]                              校验审计日志和公开文件台账的哈希链
  npm run gongkai -- backup --out <文件> | restore <文件>           加密的在线备份与恢复（口令：GONGKAI_BACKUP_PASSPHRASE）
  npm run gongkai -- codebook load --year <年度> <文件> [--dry-run]      导入年度科目表（见 codebook 的用法）
${IMPORT_EXCEL_USAGE}
  ${IMPORT_USAGE}
  npm run gongkai -- export-site --out <目录>                        导出静态镜像（全部公开文件和 nginx 配置）
  npm run gongkai -- publication …                                   补充缺少的 PDF、批量公开已审签的预算（见 npm run gongkai -- publication）

示例：
  npm run gongkai -- tables --unit 224001 --year 2024`;

/** Exit codes: 0 ok, 1 the check found errors, 2 bad input (usage, unknown unit or year). */
export async function runCli(argv: string[], source: BudgetSource, io: CliIo, excel?: ExcelImportStore): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === "help" || command === "--help" || command === "-h") {
    io.out(USAGE);
    return command === undefined ? 2 : 0;
  }
  if (command === "import-excel" && excel !== undefined) return runImportExcel(rest, excel, io);
  if (command === "import") return runImport(rest, io);
  if (command !== "tables" && command !== "check") {
    io.err(`未知命令“${command}”。\n\n${USAGE}`);
    return 2;
  }
  let values: { unit?: string; year?: string; json?: boolean };
  try {
    ({ values } = parseArgs({
      args: rest,
      options: { unit: { type: "string" }, year: { type: "string" }, json: { type: "boolean" } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    io.err(`参数有误：${describeArgError(error)}\n\n${USAGE}`);
    return 2;
  }
  const unitCode = values.unit?.trim() ?? "";
  if (!/^\d{3,12}$/.test(unitCode)) {
    io.err(unitCode ? `单位编码“${unitCode}”格式不正确，应为数字，例如 224001。` : `缺少参数 --unit（单位编码，例如 224001）。\n\n${USAGE}`);
    return 2;
  }
  const yearText = values.year?.trim() ?? "";
  if (!/^\d{4}$/.test(yearText)) {
    io.err(yearText ? `预算年度“${yearText}”格式不正确，应为四位数字，例如 2024。` : `缺少参数 --year（预算年度，例如 2024）。\n\n${USAGE}`);
    return 2;
  }
  const year = Number(yearText);

  const unit = await source.findUnit(unitCode);
  if (!unit) {
    io.err(`未找到单位编码为“${unitCode}”的预算单位。`);
    return 2;
  }
  const loaded = await source.loadBudget(unitCode, year);
  if (!loaded) {
    const years = await source.budgetYears(unitCode);
    const known = years.length ? `已有预算的年度：${years.join("、")}。` : "该单位尚无任何年度的预算。";
    io.err(`${unit.code} ${unit.name} 没有${year}年的预算。${known}`);
    return 2;
  }
  const { budget, codeBook } = loaded;
  const tables = deriveTables(budget, codeBook);

  if (command === "tables") {
    if (values.json) {
      const printed = TABLE_IDS.map((id) => ({ ...tables[id], printed: printRows(tables[id], budget.amountUnit) }));
      io.out(JSON.stringify({ unit: budget.unit.code, name: budget.unit.name, year: budget.year, amountUnit: budget.amountUnit, tables: printed }, null, 2));
    } else {
      const heading = `${budget.unit.code}${budget.unit.name}    预算年度：${budget.year}`;
      io.out(TABLE_IDS.map((id) => renderTextTable(tables[id], budget.amountUnit, heading)).join("\n\n"));
    }
    return 0;
  }

  const findings = checkDisclosure({ budget, codeBook, tables });
  if (values.json) {
    io.out(JSON.stringify({ unit: budget.unit.code, year: budget.year, findings }, null, 2));
  } else {
    io.out(describeFindings(budget, findings));
  }
  return hasBlockingErrors(findings) ? 1 : 0;
}

function describeFindings(budget: Budget, findings: Finding[]): string {
  const errors = findings.filter((f) => f.severity === "error").length;
  const warnings = findings.length - errors;
  const head = `${budget.unit.code} ${budget.unit.name} ${budget.year}年预算：`;
  if (findings.length === 0) return `${head}未发现问题（已检查 C1–C16 勾稽关系及数据有效性）。`;
  const lines = findings.map((f) => `[${f.severity === "error" ? "错误" : "提醒"}] ${f.rule} ${f.message}`);
  return `${head}${errors} 个错误，${warnings} 个提醒。\n${lines.join("\n")}`;
}

export function describeArgError(error: unknown): string {
  const code = typeof error === "object" && error !== null && "code" in error ? String(error.code) : "";
  const message = error instanceof Error ? error.message : String(error);
  const option = /'(-[^' ]+)/.exec(message)?.[1];
  if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") return `不认识的选项 ${option ?? ""}`.trim();
  if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") return `选项 ${option ?? ""} 需要一个值`.trim();
  if (code === "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL") return `多余的参数 ${option ?? ""}`.trim();
  return "无法解析命令行参数";
}
