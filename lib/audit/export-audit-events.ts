import type { Viewer } from "@/lib/auth/policies";
import type { DbClient } from "@/lib/budgets/db-client";
import { encodeCsv } from "@/lib/export/csv";
import { AUDIT_RESULT_LABELS, auditActionLabel, auditDetailLines, auditObjectLabel, chinaDateTime } from "./audit-labels";
import { filterSummary, queryAuditEvents, requireAuditReader, type AuditReadRequest } from "./search-audit-events";
import { writeAuditEvent } from "./write-audit-event";

/** At most this many rows per export (newest first); narrow the filters for more. */
export const AUDIT_EXPORT_LIMIT = 10_000;

export interface AuditExport {
  fileName: string;
  body: Buffer;
  rows: number;
  /** true when more rows matched than one export holds */
  truncated: boolean;
}

/**
 * 导出审计日志: the rows the filters find (newest first, at most AUDIT_EXPORT_LIMIT) as CSV, UTF-8
 * with BOM so Excel opens it in Chinese, every column in words (action and result in Chinese,
 * the stored action key beside it for machines). The 审计管理员 only; the export and every
 * refused one is audited (`audit.export`, with the client address) in the transaction that reads.
 */
export async function exportAuditEvents(db: DbClient, viewer: Viewer | null, raw: unknown, request: AuditReadRequest = {}): Promise<AuditExport> {
  const { viewer: reader, input } = await requireAuditReader(db, viewer, "audit.export", raw, request);
  const filters = { ...input, before: undefined };
  return db.$transaction(async (tx) => {
    const rows = await queryAuditEvents(tx, filters, AUDIT_EXPORT_LIMIT + 1);
    const events = rows.slice(0, AUDIT_EXPORT_LIMIT);
    await writeAuditEvent(tx, {
      action: "audit.export",
      result: "SUCCESS",
      userId: reader.userId,
      clientAddress: request.clientAddress ?? null,
      objectType: "audit_events",
      details: { filters: filterSummary(filters), results: events.length },
    });
    const body = encodeCsv([
      ["编号", "时间（北京时间）", "用户姓名", "用户邮箱", "操作", "操作代码", "结果", "对象", "对象编号", "客户端地址", "详情"],
      ...events.map((e) => [
        e.id,
        chinaDateTime(e.at),
        e.user?.name ?? null,
        e.user?.email ?? e.user?.id ?? null,
        auditActionLabel(e.action),
        e.action,
        AUDIT_RESULT_LABELS[e.result],
        e.objectType === null ? null : auditObjectLabel(e.objectType),
        e.objectId,
        e.clientAddress,
        auditDetailLines(e.details).map((line) => `${line.label}：${line.value}`).join("；"),
      ]),
    ]);
    return { fileName: "审计日志.csv", body, rows: events.length, truncated: rows.length > AUDIT_EXPORT_LIMIT };
  });
}
