import type { DbReader } from "@/lib/budgets/db-client";
import { Prisma } from "@/lib/generated/prisma/client";

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

interface ChainTable {
  /** constant SQL identifiers, never user input */
  table: "audit_events" | "publication_ledger";
  canonical: "audit_event_canonical" | "publication_ledger_canonical";
  /** the column a broken link is named by, besides its position */
  label: "id" | "file_name";
  describe: (row: { chain_seq: bigint; label: string }) => string;
  what: string;
}

const AUDIT_CHAIN: ChainTable = {
  table: "audit_events",
  canonical: "audit_event_canonical",
  label: "id",
  describe: (row) => `审计日志第 ${row.chain_seq} 条（id ${row.label}）`,
  what: "审计记录",
};

const LEDGER_CHAIN: ChainTable = {
  table: "publication_ledger",
  canonical: "publication_ledger_canonical",
  label: "file_name",
  describe: (row) => `公开文件台账第 ${row.chain_seq} 条（${row.label}）`,
  what: "台账记录",
};

/** One chain, recomputed in PostgreSQL with the triggers' own functions; only the first broken row comes back. */
async function verifyChain(db: DbReader, chain: ChainTable): Promise<ChainReport> {
  const table = Prisma.raw(`"${chain.table}"`);
  const canonical = Prisma.raw(`"${chain.canonical}"`);
  const label = Prisma.raw(`"${chain.label}"`);
  const [counted] = await db.$queryRaw<{ n: bigint; head: string | null }[]>`
    SELECT count(*) AS n, (SELECT row_hash FROM ${table} ORDER BY chain_seq DESC LIMIT 1) AS head FROM ${table}`;
  const broken = await db.$queryRaw<{ chain_seq: bigint; label: string; reason: string }[]>`
    SELECT chain_seq, label,
      CASE
        WHEN chain_seq <> coalesce(previous_seq, 0) + 1 THEN 'gap'
        WHEN prev_hash <> coalesce(previous_hash, ${ZEROS}) THEN 'link'
        ELSE 'content'
      END AS reason
    FROM (
      SELECT t.chain_seq, t.${label}::text AS label, t.prev_hash, t.row_hash,
        chain_hash(t.prev_hash, ${canonical}(t)) AS expected,
        lag(t.chain_seq) OVER (ORDER BY t.chain_seq) AS previous_seq,
        lag(t.row_hash) OVER (ORDER BY t.chain_seq) AS previous_hash
      FROM ${table} t
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
    firstBreak: first === undefined ? null : { position: chain.describe(first), reason: describeReason(first.reason, chain.what) },
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
  return { audit: await verifyChain(db, AUDIT_CHAIN), ledger: await verifyChain(db, LEDGER_CHAIN), files: await verifyFiles(db) };
}

export function isIntact(report: IntegrityReport): boolean {
  return report.audit.firstBreak === null && report.ledger.firstBreak === null && report.files.firstBreak === null;
}
