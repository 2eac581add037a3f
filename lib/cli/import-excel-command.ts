import { parseArgs } from "node:util";
import type { Viewer } from "@/lib/auth/policies";
import type { ImportBudgetWorkbookResult } from "@/lib/budget-import/import-budget-workbook";
import { hasBlockingErrors } from "@/lib/disclosure/check";
import { formatAmount } from "@/lib/disclosure/money";
import type { Budget, CodeBook } from "@/lib/disclosure/types";
import { excelImportSummary } from "@/lib/import/excel/excel-import-summary";
import { importExcelFile, MAX_WORKBOOK_BYTES } from "@/lib/import/excel/import-excel-file";
import type { HeaderMapping, ImportProblem } from "@/lib/import/excel/import-types";
import { previewImport, type ImportPreview } from "@/lib/import/excel/preview-import";
import { summaryJson } from "@/lib/import/import-summary";
import type { CliIo } from "./run-cli";

/** What `import-excel` needs from storage; the database implements it, tests pass an in-memory one. */
export interface ExcelImportStore {
  readFile(path: string): Promise<{ size: number; bytes: () => Promise<Uint8Array> } | null>;
  loadTarget(unitCode: string, year: number): Promise<{ budget: Budget; codeBook: CodeBook; mappings: HeaderMapping[]; lockVersion: number } | null>;
  viewerByEmail(email: string): Promise<Viewer | null>;
  save(viewer: Viewer, request: { unitCode: string; year: number; fileName: string; bytes: Uint8Array; baseLockVersion: number }): Promise<ImportBudgetWorkbookResult>;
}

export const IMPORT_EXCEL_USAGE =
  "  npm run gongkai -- import-excel <文件.xlsx> [--unit <单位编码>] [--year <年度>] [--json] [--save --as <会计的登录邮箱>]   预览导入（--save 保存为单位的草稿）";

/** Exit codes as for `check`: 0 ok, 1 the workbook or the checker found errors, 2 bad input (usage, unreadable file, unknown unit or year). */
export async function runImportExcel(args: string[], store: ExcelImportStore, io: CliIo): Promise<number> {
  let values: { unit?: string; year?: string; json?: boolean; save?: boolean; as?: string };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args,
      options: { unit: { type: "string" }, year: { type: "string" }, json: { type: "boolean" }, save: { type: "boolean" }, as: { type: "string" } },
      strict: true,
      allowPositionals: true,
    }));
  } catch (error) {
    io.err(`参数有误：${error instanceof Error ? error.message.split("\n")[0] : String(error)}\n\n用法：\n${IMPORT_EXCEL_USAGE}`);
    return 2;
  }
  const [path, ...extra] = positionals;
  if (path === undefined || extra.length > 0) {
    io.err(`${path === undefined ? "缺少要导入的文件。" : `多余的参数：${extra.join(" ")}`}\n\n用法：\n${IMPORT_EXCEL_USAGE}`);
    return 2;
  }
  if (values.save && !values.as) {
    io.err("--save 需要 --as <登录邮箱>：导入以该单位会计的身份保存，与在网页上导入相同。");
    return 2;
  }
  const file = await store.readFile(path);
  if (file === null) {
    io.err(`找不到文件“${path}”。`);
    return 2;
  }
  if (file.size > MAX_WORKBOOK_BYTES) {
    io.err(`文件大小 ${Math.round(file.size / 1024 / 1024)} MB 超过上限 10 MB，请拆分后分别导入。`);
    return 2;
  }
  const bytes = await file.bytes();
  const fileName = path.split(/[\\/]/).pop() ?? path;

  // Without --unit or --year, the workbook names them (read once without a code book to find out).
  let unitCode = values.unit?.trim() ?? "";
  let year = values.year === undefined ? NaN : Number(values.year);
  if (unitCode === "" || Number.isNaN(year)) {
    const peek = await importExcelFile(bytes, fileName, { codeBook: { year: 0, functional: [], economic: [] }, expected: null, mappings: [] });
    if (!peek.ok) return reportUnreadable(peek.problems, io);
    unitCode ||= peek.data.unit.code ?? "";
    if (Number.isNaN(year)) year = peek.data.year ?? NaN;
  }
  if (!/^\d{3,12}$/.test(unitCode)) {
    io.err("工作簿中没有单位编码，请用 --unit 指定（例如 --unit 224001）。");
    return 2;
  }
  if (!Number.isInteger(year) || year < 2000 || year > 2100) {
    io.err("工作簿中没有预算年度，请用 --year 指定（例如 --year 2024）。");
    return 2;
  }
  const target = await store.loadTarget(unitCode, year);
  if (target === null) {
    io.err(`单位 ${unitCode} 没有${year}年的预算草稿：请先在工作台创建该年度的预算，再导入。`);
    return 2;
  }
  const imported = await importExcelFile(bytes, fileName, { codeBook: target.codeBook, expected: { unitCode, year }, mappings: target.mappings });
  if (!imported.ok) return reportUnreadable(imported.problems, io);
  const preview = previewImport(target.budget, target.codeBook, imported.data);
  io.out(values.json ? summaryJson(excelImportSummary(preview.budget, preview.imported, preview.findings)) : describePreview(preview));
  const failed = !preview.canSave || hasBlockingErrors(preview.findings);
  if (!values.save) return failed ? 1 : 0;

  if (!preview.canSave) {
    io.err("工作簿有错误，未保存。请修改后重新导出再导入。");
    return 1;
  }
  const viewer = await store.viewerByEmail(values.as ?? "");
  if (viewer === null) {
    io.err(`找不到登录邮箱为“${values.as ?? ""}”的用户。`);
    return 2;
  }
  const saved = await store.save(viewer, { unitCode, year, fileName, bytes, baseLockVersion: target.lockVersion });
  if (!saved.ok) {
    io.err(`未保存：\n${saved.problems.map((p) => p.message).join("\n")}`);
    return 1;
  }
  io.err(`已保存为 ${unitCode} ${year}年预算的草稿（修改了 ${saved.data.changedFields} 项）。`);
  return failed ? 1 : 0;
}

function reportUnreadable(problems: ImportProblem[], io: CliIo): number {
  io.err(`无法导入：\n${problems.map((p) => p.message).join("\n")}`);
  return 2;
}

function describePreview(preview: ImportPreview): string {
  const { imported, budget, findings } = preview;
  const unit = budget.amountUnit;
  const money = (fen: number) => `${formatAmount(fen, unit)}${unit === "WAN_YUAN" ? "万元" : "元"}`;
  const sum = (kind: string) => budget.expenditure.filter((l) => l.kind === kind).reduce((s, l) => s + l.amount, 0);
  const lines = [
    `${budget.unit.code} ${budget.unit.name} ${budget.year}年 · ${imported.shape === "flat" ? "明细行导出" : "预算公开表工作簿"} · 工作簿金额单位：${imported.amountUnit === "WAN_YUAN" ? "万元" : "元"}`,
    `识别的工作表：${imported.sheets.map((s) => `${s.name}${s.kind ? `（${s.kind}）` : "（未识别）"}`).join("、")}`,
    `导入数字 ${imported.figures.length} 个：收入合计 ${money(budget.income.reduce((s, l) => s + l.amount, 0))}，支出合计 ${money(budget.expenditure.reduce((s, l) => s + l.amount, 0))}（基本支出 ${money(sum("BASIC"))}，项目支出 ${money(sum("PROJECT"))}），项目 ${budget.projects.length} 个。`,
  ];
  const errors = imported.problems.filter((p) => p.severity === "error").length;
  lines.push(imported.problems.length === 0 ? "工作簿：每个单元格都已读取。" : `工作簿：${errors} 个错误，${imported.problems.length - errors} 个提醒。`);
  for (const p of imported.problems) lines.push(`[${p.severity === "error" ? "错误" : "提醒"}] ${p.message}`);
  const blocking = findings.filter((f) => f.severity === "error").length;
  lines.push(findings.length === 0 ? "检查：未发现问题（C1–C16 勾稽关系及数据有效性）。" : `检查：${blocking} 个错误，${findings.length - blocking} 个提醒。`);
  for (const f of findings) lines.push(`[${f.severity === "error" ? "错误" : "提醒"}] ${f.rule} ${f.message}`);
  lines.push(preview.canSave ? "预览完成，未写入任何数据。加 --save --as <登录邮箱> 保存为草稿。" : "工作簿有错误，不能保存。");
  return lines.join("\n");
}
