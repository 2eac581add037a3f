import ExcelJS from "exceljs";
import type { Viewer } from "@/lib/auth/policies";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import type { DbClient } from "@/lib/budgets/db-client";
import { BUDGET_STATUS_LABELS } from "@/lib/budgets/status-labels";
import { encodeCsv, type CsvCell } from "@/lib/export/csv";
import { displayWidth } from "@/lib/export/xlsx";
import { loadDeadlineDashboard, type DeadlineDashboard, type DeadlineFilters, type DeadlineRow } from "./queries";
import { chinaDate, DEADLINE_RULE_TEXT, DEADLINE_STATUS_LABELS } from "./publication-deadline";

export type DeadlineExportFormat = "csv" | "xlsx";

export interface DeadlineExport {
  fileName: string;
  contentType: string;
  body: Buffer;
}

export const DEADLINE_EXPORT_HEADER = [
  "单位编码",
  "单位名称",
  "主管部门",
  "版本",
  "预算状态",
  "报送日期",
  "批复日期",
  "公开日期",
  "批复后天数",
  "公开截止日期",
  "剩余天数",
  "逾期天数",
  "公开情况",
] as const;

type Cell = { kind: "text"; value: string } | { kind: "number"; value: number } | { kind: "date"; value: string } | null;

const text = (value: string): Cell => ({ kind: "text", value });
const num = (value: number | null): Cell => (value === null ? null : { kind: "number", value });
/** a China calendar date, YYYY-MM-DD */
const date = (value: string | null): Cell => (value === null ? null : { kind: "date", value });
const dateOf = (instant: Date | null): Cell => (instant === null ? null : date(chinaDate(instant)));

function cells(row: DeadlineRow): Cell[] {
  const a = row.assessment;
  return [
    text(row.unitCode),
    text(row.unitName),
    text(`${row.departmentCode} ${row.departmentName}`),
    num(row.version),
    text(row.budgetStatus === null ? "无预算" : BUDGET_STATUS_LABELS[row.budgetStatus]),
    dateOf(row.submittedAt),
    dateOf(a.approvedAt),
    dateOf(a.publishedAt),
    num(a.daysSinceApproval),
    date(a.dueDate),
    num(a.daysLeft),
    num(a.daysLate),
    text(DEADLINE_STATUS_LABELS[a.status]),
  ];
}

function title(dashboard: DeadlineDashboard): string {
  return `${dashboard.region.name}（${dashboard.region.code}）${dashboard.year}年度单位预算公开时限`;
}

function toCsv(dashboard: DeadlineDashboard): Buffer {
  const rows: CsvCell[][] = [
    [title(dashboard), `导出日期：${chinaDate(dashboard.generatedAt)}`],
    [DEADLINE_RULE_TEXT],
    [...DEADLINE_EXPORT_HEADER],
    ...dashboard.rows.map((row) => cells(row).map((cell): CsvCell => (cell === null ? null : cell.value))),
  ];
  return encodeCsv(rows);
}

async function toXlsx(dashboard: DeadlineDashboard): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.created = dashboard.generatedAt;
  const sheet = workbook.addWorksheet("公开时限", { views: [{ state: "frozen", ySplit: 3 }] });
  sheet.addRow([title(dashboard)]).font = { bold: true, size: 13 };
  sheet.addRow([DEADLINE_RULE_TEXT]);
  const header = sheet.addRow([...DEADLINE_EXPORT_HEADER]);
  header.font = { bold: true };
  const widths = DEADLINE_EXPORT_HEADER.map((label) => displayWidth(label) + 2);
  for (const row of dashboard.rows) {
    const values = cells(row);
    const added = sheet.addRow(
      values.map((cell) => {
        if (cell === null) return null;
        // Dates as real dates (UTC midnight of the China date, so Excel shows that date).
        if (cell.kind === "date") return new Date(`${cell.value}T00:00:00Z`);
        return cell.value;
      }),
    );
    values.forEach((cell, index) => {
      const target = added.getCell(index + 1);
      if (cell?.kind === "date") target.numFmt = "yyyy-mm-dd";
      if (cell?.kind === "text") target.numFmt = "@";
      const width = cell === null ? 0 : cell.kind === "date" ? 12 : displayWidth(String(cell.value)) + 2;
      widths[index] = Math.min(40, Math.max(widths[index] ?? 8, width));
    });
  }
  widths.forEach((width, index) => {
    sheet.getColumn(index + 1).width = width;
  });
  sheet.autoFilter = { from: { row: 3, column: 1 }, to: { row: 3 + dashboard.rows.length, column: DEADLINE_EXPORT_HEADER.length } };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/**
 * The dashboard as a download, with the same authorization and filters as the page (a viewer
 * exports only what it may see). Each export is audited (`deadlines.export`).
 */
export async function exportDeadlines(
  db: DbClient,
  viewer: Viewer | null,
  filters: DeadlineFilters,
  format: DeadlineExportFormat,
  now: Date = new Date(),
  clientAddress: string | null = null,
): Promise<DeadlineExport> {
  return db.$transaction(async (tx) => {
    const dashboard = await loadDeadlineDashboard(tx, viewer, filters, now);
    const base = `${dashboard.region.code}-${dashboard.year}-公开时限-${chinaDate(now)}`;
    const body = format === "csv" ? toCsv(dashboard) : await toXlsx(dashboard);
    await writeAuditEvent(tx, {
      action: "deadlines.export",
      result: "SUCCESS",
      userId: viewer?.userId ?? null,
      clientAddress,
      objectType: "region",
      objectId: dashboard.region.code,
      details: {
        year: dashboard.year,
        format,
        rows: dashboard.rows.length,
        departmentCode: dashboard.filters.departmentCode,
        status: dashboard.filters.status,
      },
    });
    return format === "csv"
      ? { fileName: `${base}.csv`, contentType: "text/csv; charset=utf-8", body }
      : { fileName: `${base}.xlsx`, contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", body };
  }, { timeout: 20_000 });
}
