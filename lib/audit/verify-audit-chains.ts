import type { Viewer } from "@/lib/auth/policies";
import type { DbClient } from "@/lib/budgets/db-client";
import { isIntact, verifyIntegrity, type IntegrityReport } from "@/lib/integrity/verify-chains";
import { requireAuditReader, type AuditReadRequest } from "./search-audit-events";
import { writeAuditEvent } from "./write-audit-event";

/**
 * 校验哈希链: the check of `npm run gongkai -- verify` (lib/integrity, ADR 0020) for the 审计管理员,
 * on the audit page: the audit log's chain, the ledger of published files and every stored file.
 * The check and its outcome (intact, or the first broken link) are audited (`audit.verify`, with
 * the client address), and so is every refused attempt.
 */
export async function verifyAuditChains(db: DbClient, viewer: Viewer | null, request: AuditReadRequest = {}): Promise<IntegrityReport> {
  const { viewer: reader } = await requireAuditReader(db, viewer, "audit.verify", {}, request);
  // Read committed, as every writer of the audit log: the chain trigger must see the newest row.
  return db.$transaction(async (tx) => {
  const report = await verifyIntegrity(tx);
  const breaks = [report.audit.firstBreak, report.ledger.firstBreak, report.files.firstBreak].flatMap((b) => (b === null ? [] : [`${b.position}：${b.reason}`]));
  await writeAuditEvent(tx, {
      action: "audit.verify",
      result: "SUCCESS",
      userId: reader.userId,
      clientAddress: request.clientAddress ?? null,
      objectType: "audit_events",
      details: {
        intact: isIntact(report),
        auditRows: report.audit.checked,
        ledgerRows: report.ledger.checked,
        files: report.files.checked,
        firstBreak: breaks.join("；").slice(0, 1000) || null,
        head: report.audit.head,
      },
    });
  return report;
  }, { timeout: 300_000 });
}
