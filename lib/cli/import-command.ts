import { open, stat } from "node:fs/promises";
import path from "node:path";
import { formatAmount } from "@/lib/disclosure/money";
import { ImportError } from "@/lib/import/import-error";
import { importDocument, MAX_IMPORT_BYTES, summarise, type ImportFile } from "@/lib/import/import-document";
import { summaryJson, type ImportSummary } from "@/lib/import/import-summary";
import type { CliIo } from "./run-cli";

const TEMPLATE_LABELS: Record<string, string> = {
  "hebei-county": "河北县级模板",
  "shanghai-district": "上海区级模板",
  "shanghai-municipal": "上海市级模板",
  "jiangsu-provincial": "江苏省级12表模板",
  unknown: "未识别的模板",
};

/** Reads a file only after its size is known to be acceptable, so a 200 MB file is never loaded. */
async function readBounded(file: string): Promise<ImportFile> {
  let size: number;
  try {
    const info = await stat(file);
    if (!info.isFile()) throw new ImportError("UNREADABLE", `“${file}”不是文件。`);
    size = info.size;
  } catch (error) {
    if (error instanceof ImportError) throw error;
    throw new ImportError("UNREADABLE", `找不到文件“${file}”或无权读取。`);
  }
  if (size > MAX_IMPORT_BYTES) {
    throw new ImportError("TOO_LARGE", `文件“${path.basename(file)}”过大（${Math.round(size / 1024 / 1024)} MB），超过${MAX_IMPORT_BYTES / 1024 / 1024} MB的上限，未读取。`);
  }
  const handle = await open(file, "r");
  try {
    const bytes = new Uint8Array(size);
    await handle.read(bytes, 0, size, 0);
    return { name: path.basename(file), bytes };
  } finally {
    await handle.close();
  }
}

const yuan = (fen: number | null) => (fen === null ? "—" : `${formatAmount(fen, "YUAN", { grouping: true })}元`);

function describe(summary: ImportSummary): string {
  const lines = [
    `类型：${summary.kind === "final" ? "决算（不能作为预算导入）" : "预算"}    范围：${summary.scope === "department" ? "部门预算" : "单位预算"}`,
    `单位：${summary.unitName || "（未识别）"}    年度：${summary.year || "（未识别）"}`,
    `模板：${TEMPLATE_LABELS[summary.template] ?? summary.template}    金额单位：${summary.amountUnit === "mixed" ? "元与万元混用（按表）" : summary.amountUnit}`,
    `收入总计：${yuan(summary.incomeTotal)}    支出总计：${yuan(summary.expenditureTotal)}`,
    `基本支出：${yuan(summary.basic)}    项目支出：${yuan(summary.project)}${summary.reserve === null ? "" : `    单位预留机动经费：${yuan(summary.reserve)}`}`,
    `人员经费：${yuan(summary.personnel)}    公用经费：${yuan(summary.publicOperating)}`,
    `“三公”经费：${yuan(summary.threePublic)}    政府采购：${yuan(summary.procurement)}`,
    `功能分类（类）：${Object.entries(summary.classes).map(([code, fen]) => `${code} ${yuan(fen)}`).join("，") || "—"}`,
  ];
  const errors = summary.findings.filter((f) => f.severity === "error").length;
  lines.push(summary.findings.length ? `发现 ${errors} 个错误，${summary.findings.length - errors} 个提醒：` : "未发现问题。");
  for (const f of summary.findings) lines.push(`[${f.severity === "error" ? "错误" : "提醒"}] ${f.rule} ${f.message}`);
  return lines.join("\n");
}

export const IMPORT_USAGE = "npm run gongkai -- import 文件… [--json]   读取已公开的预算文件（PDF、Word、文本），不写入任何数据";

/** `import FILE… [--json]`: 0 read, 1 read with errors (a 决算 included), 2 could not read. */
export async function runImport(args: string[], io: CliIo): Promise<number> {
  const json = args.includes("--json");
  const unknown = args.find((a) => a.startsWith("-") && a !== "--json");
  const files = args.filter((a) => !a.startsWith("-"));
  if (unknown || files.length === 0) {
    io.err(`${unknown ? `不认识的选项 ${unknown}` : "缺少要读取的文件。"}\n\n用法：\n  ${IMPORT_USAGE}`);
    return 2;
  }
  try {
    const inputs: ImportFile[] = [];
    for (const file of files) inputs.push(await readBounded(file));
    const summary = summarise(await importDocument(inputs));
    io.out(json ? summaryJson(summary) : describe(summary));
    return summary.findings.some((f) => f.severity === "error") ? 1 : 0;
  } catch (error) {
    if (error instanceof ImportError) {
      io.err(`无法读取：${error.message}`);
      return 2;
    }
    io.err("无法读取：文件内容无法解析（可能已损坏）。");
    return 2;
  }
}
