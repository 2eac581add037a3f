import type { DbReader } from "@/lib/budgets/db-client";

/**
 * Checks the two hash chains of migration 20261208090100_tamper_evidence: the audit log and the
 * ledger of published files, and every stored file against the hash the ledger recorded when it
 * was published. The recomputation runs in PostgreSQL with the same functions the triggers use,
 * so a row changed past the triggers (by the database owner) is found without reading the log
 * into memory. Reports the first broken link of each chain.
 */
export interface ChainReport {
  /** rows (or files) checked */
  checked: number;
  /** null when the chain is whole */
  firstBreak: { position: string; reason: string } | null;
  /** the newest row's hash: written down outside the database, it anchors the chain (null for files) */
  head: string | null;
}

export interface IntegrityReport {
  audit: ChainReport;
  ledger: ChainReport;
  files: ChainReport;
}

const ZEROS = "0".repeat(64);

async function verifyAuditChain(db: DbReader): Promise<ChainReport> {
  const [counted] = await db.$queryRaw<{ n: bigint; head: string | null }[]>`
    SELECT count(*) AS n, (SELECT row_hash FROM audit_events ORDER BY chain_seq DESC LIMIT 1) AS head FROM audit_events`;
  const broken = await db.$queryRaw<{ chain_seq: bigint; id: bigint; reason: string }[]>`
    SELECT chain_seq, id,
      CASE
        WHEN chain_seq <> coalesce(previous_seq, 0) + 1 THEN 'gap'
        WHEN prev_hash <> coalesce(previous_hash, ${ZEROS}) THEN 'link'
        ELSE 'content'
      END AS reason
    FROM (
      SELECT e.chain_seq, e.id, e.prev_hash, e.row_hash,
        chain_hash(e.prev_hash, audit_event_canonical(e)) AS expected,
        lag(e.chain_seq) OVER (ORDER BY e.chain_seq) AS previous_seq,
        lag(e.row_hash) OVER (ORDER BY e.chain_seq) AS previous_hash
      FROM audit_events e
    ) chained
    WHERE chain_seq <> coalesce(previous_seq, 0) + 1
       OR prev_hash <> coalesce(previous_hash, ${ZEROS})
       OR row_hash <> expected
    ORDER BY chain_seq
    LIMIT 1`;
  const first = broken[0];
  return {
    checked: Number(counted?.n ?? 0),
    head: counted?.head ?? null,
    firstBreak:
      first === undefined
        ? null
        : { position: `审计日志第 ${first.chain_seq} 条（id ${first.id}）`, reason: describeReason(first.reason, "审计记录") },
  };
}

async function verifyLedgerChain(db: DbReader): Promise<ChainReport> {
  const [counted] = await db.$queryRaw<{ n: bigint; head: string | null }[]>`
    SELECT count(*) AS n, (SELECT row_hash FROM publication_ledger ORDER BY chain_seq DESC LIMIT 1) AS head FROM publication_ledger`;
  const broken = await db.$queryRaw<{ chain_seq: bigint; file_name: string; reason: string }[]>`
    SELECT chain_seq, file_name,
      CASE
        WHEN chain_seq <> coalesce(previous_seq, 0) + 1 THEN 'gap'
        WHEN prev_hash <> coalesce(previous_hash, ${ZEROS}) THEN 'link'
        ELSE 'content'
      END AS reason
    FROM (
      SELECT l.chain_seq, l.file_name, l.prev_hash, l.row_hash,
        chain_hash(l.prev_hash, publication_ledger_canonical(l)) AS expected,
        lag(l.chain_seq) OVER (ORDER BY l.chain_seq) AS previous_seq,
        lag(l.row_hash) OVER (ORDER BY l.chain_seq) AS previous_hash
      FROM publication_ledger l
    ) chained
    WHERE chain_seq <> coalesce(previous_seq, 0) + 1
       OR prev_hash <> coalesce(previous_hash, ${ZEROS})
       OR row_hash <> expected
    ORDER BY chain_seq
    LIMIT 1`;
  const first = broken[0];
  return {
    checked: Number(counted?.n ?? 0),
    head: counted?.head ?? null,
    firstBreak:
      first === undefined
        ? null
        : { position: `公开文件台账第 ${first.chain_seq} 条（${first.file_name}）`, reason: describeReason(first.reason, "台账记录") },
  };
}

/** Every stored file against the ledger: its bytes' hash now, and the hash recorded at publication. */
async function verifyFiles(db: DbReader): Promise<ChainReport> {
  const rows = await db.$queryRaw<{ scope: string; id: number; file_name: string; actual: string; recorded: string | null }[]>`
    SELECT f.scope, f.id, f.file_name, f.actual, l.sha256 AS recorded
    FROM (
      SELECT 'unit' AS scope, id, file_name, encode(sha256(bytes), 'hex') AS actual FROM published_artifacts
      UNION ALL
      SELECT 'department', id, file_name, encode(sha256(bytes), 'hex') FROM department_artifacts
    ) f
    LEFT JOIN publication_ledger l ON l.document_scope = f.scope AND l.artifact_id = f.id
    ORDER BY f.scope DESC, f.id`;
  const broken = rows.find((row) => row.recorded !== row.actual);
  return {
    checked: rows.length,
    head: null,
    firstBreak:
      broken === undefined
        ? null
        : {
            position: `${broken.scope === "unit" ? "单位" : "部门"}公开文件 ${broken.file_name}（id ${broken.id}）`,
            reason:
              broken.recorded === null
                ? "该文件不在公开文件台账中：它不是经发布流程写入的。"
                : `文件内容的 sha256 为 ${broken.actual}，与发布时台账记录的 ${broken.recorded} 不一致：文件在发布后被改动。`,
          },
  };
}

function describeReason(reason: string, what: string): string {
  if (reason === "gap") return `序号不连续：前面的${what}被删除或插入了不属于链的记录。`;
  if (reason === "link") return `与前一条${what}的哈希链接不上：前一条被改动或删除。`;
  return `内容与其哈希不符：该${what}在写入后被改动。`;
}

export async function verifyIntegrity(db: DbReader): Promise<IntegrityReport> {
  return { audit: await verifyAuditChain(db), ledger: await verifyLedgerChain(db), files: await verifyFiles(db) };
}

export function isIntact(report: IntegrityReport): boolean {
  return report.audit.firstBreak === null && report.ledger.firstBreak === null && report.files.firstBreak === null;
}
