import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import { saveCodeBook } from "@/lib/budgets/save-code-book";
import { migrateDatabase } from "@/lib/database/migrate-database";
import { disconnectPrisma } from "@/lib/db";
import { createBudget, createUser } from "@/lib/demo/factories";
import { guantao2024CodeBook } from "@/lib/demo/guantao-2024";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { isIntact, verifyIntegrity } from "@/lib/integrity/verify-chains";
import { publishBudget } from "@/lib/publication/publish-budget";
import { prisma, resetDatabase } from "@/tests/integration/db";
import { renderersWithoutPdf } from "@/tests/integration/renderers";
import { createBackup } from "./create-backup";
import { restoreBackup } from "./restore-backup";

const PASSPHRASE = "correct horse battery staple";
let folder: string;
let admin: pg.Client;
let sourceUrl: string;
let targetCount = 0;

beforeAll(async () => {
  sourceUrl = process.env.DATABASE_URL ?? "";
  if (sourceUrl === "") throw new Error("the integration set-up provides DATABASE_URL");
  folder = await mkdtemp(path.join(tmpdir(), "gongkai-backup-"));
  admin = new pg.Client({ connectionString: sourceUrl });
  await admin.connect();
});
beforeEach(resetDatabase);
afterAll(async () => {
  await admin.end();
  await rm(folder, { recursive: true, force: true });
  await disconnectPrisma();
});

/** A new, migrated, empty database on the same server. */
async function emptyDatabase(): Promise<string> {
  targetCount += 1;
  const name = `gongkai_restore_${process.pid}_${targetCount}`;
  await admin.query(`DROP DATABASE IF EXISTS ${name}`);
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(sourceUrl);
  url.pathname = `/${name}`;
  migrateDatabase(url.toString());
  return url.toString();
}

/** Every table's rows as one digest per table, in a stable order. */
async function tableDigests(url: string, except: string[] = []): Promise<Record<string, string>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows: tables } = await client.query<{ name: string }>(
      "SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() AND tablename <> '_prisma_migrations' ORDER BY 1",
    );
    const digests: Record<string, string> = {};
    for (const { name } of tables) {
      if (except.includes(name)) continue;
      const { rows } = await client.query<{ digest: string | null; n: string }>(
        `SELECT md5(string_agg(t::text, E'\\n' ORDER BY t::text)) AS digest, count(*)::text AS n FROM "${name}" t`,
      );
      digests[name] = `${rows[0]!.n}:${rows[0]!.digest ?? ""}`;
    }
    return digests;
  } finally {
    await client.end();
  }
}

async function seedPublishedDemoWithAudit(auditRows: number): Promise<void> {
  await saveCodeBook(prisma, guantao2024CodeBook);
  await createBudget(prisma, { status: "SIGNED_OFF", at: new Date("2024-01-20T02:00:00Z") });
  const publisher = await createUser(prisma);
  await publishBudget(prisma, { unitCode: "224001", year: 2024, actorId: publisher.id, clientAddress: "203.0.113.7", now: new Date("2024-02-01T08:00:00Z") }, renderersWithoutPdf);
  await prisma.$executeRaw`
    INSERT INTO audit_events (action, result, client_address, details)
    SELECT 'drill.seed', 'SUCCESS', '198.51.100.' || (i % 250), jsonb_build_object('i', i) FROM generate_series(1, ${auditRows}) AS i`;
}

describe("backup and restore drill", () => {
  it("backs up one consistent snapshot while writes go on, and restores it table for table into an empty database", async () => {
    await seedPublishedDemoWithAudit(3000);
    const before = await tableDigests(sourceUrl);
    const file = path.join(folder, "drill.gkbackup");

    let isBackingUp = true;
    let writtenDuring = 0;
    const writer = (async () => {
      while (isBackingUp) {
        await writeAuditEvent(prisma, { action: "drill.during", result: "SUCCESS", clientAddress: "192.0.2.1" });
        writtenDuring += 1;
      }
    })();
    const backup = await createBackup({ databaseUrl: sourceUrl, outFile: file, passphrase: PASSPHRASE, authSecret: "s".repeat(40) });
    isBackingUp = false;
    await writer;

    const targetUrl = await emptyDatabase();
    const restore = await restoreBackup({ databaseUrl: targetUrl, file, passphrase: PASSPHRASE });
    process.stderr.write(
      `[drill] backup ${backup.seconds.toFixed(2)} s (${(backup.bytes / 1024).toFixed(0)} KB, ${backup.tables} tables), restore ${restore.seconds.toFixed(2)} s; ${writtenDuring} audit rows written during the backup\n`,
    );
    expect(restore.manifest.authSecret).toBe("s".repeat(40));

    // Everything but the audit log is as it was; the audit log is a prefix of the source's, cut at the snapshot.
    const after = await tableDigests(targetUrl, ["audit_events"]);
    const { audit_events: _beforeAudit, ...beforeRest } = before;
    expect(after).toEqual(beforeRest);
    const target = new PrismaClient({ adapter: new PrismaPg({ connectionString: targetUrl }) });
    try {
      const restoredCount = await target.auditEvent.count();
      expect(restoredCount).toBeGreaterThanOrEqual(3001);
      const sourcePrefix = await prisma.$queryRaw<{ d: string }[]>`
        SELECT md5(string_agg(t::text, E'\n' ORDER BY t.chain_seq)) AS d FROM audit_events t WHERE chain_seq <= ${restoredCount}`;
      const restored = await target.$queryRaw<{ d: string }[]>`SELECT md5(string_agg(t::text, E'\n' ORDER BY t.chain_seq)) AS d FROM audit_events t`;
      expect(restored[0]!.d).toBe(sourcePrefix[0]!.d);
      expect(isIntact(await verifyIntegrity(target))).toBe(true);
      // Sequences continue after the restored rows: the next audit row chains on.
      await writeAuditEvent(target, { action: "after.restore", result: "SUCCESS" });
      expect(isIntact(await verifyIntegrity(target))).toBe(true);
    } finally {
      await target.$disconnect();
    }
  }, 90_000);

  it("refuses a wrong passphrase, a changed file and a database that is not empty, and writes nothing", async () => {
    await seedPublishedDemoWithAudit(10);
    const file = path.join(folder, "refusals.gkbackup");
    await createBackup({ databaseUrl: sourceUrl, outFile: file, passphrase: PASSPHRASE, authSecret: null });
    const targetUrl = await emptyDatabase();
    const empty = await tableDigests(targetUrl);

    await expect(restoreBackup({ databaseUrl: targetUrl, file, passphrase: "wrong passphrase!" })).rejects.toThrow("口令不正确，或文件已被改动或损坏");
    const bytes = await readFile(file);
    bytes[Math.floor(bytes.length / 2)]! ^= 0xff;
    const changed = path.join(folder, "changed.gkbackup");
    await writeFile(changed, bytes);
    await expect(restoreBackup({ databaseUrl: targetUrl, file: changed, passphrase: PASSPHRASE })).rejects.toThrow("口令不正确，或文件已被改动或损坏");
    const truncated = path.join(folder, "truncated.gkbackup");
    await writeFile(truncated, (await readFile(file)).subarray(0, 40));
    await expect(restoreBackup({ databaseUrl: targetUrl, file: truncated, passphrase: PASSPHRASE })).rejects.toThrow();
    expect(await tableDigests(targetUrl)).toEqual(empty);

    await expect(restoreBackup({ databaseUrl: sourceUrl, file, passphrase: PASSPHRASE })).rejects.toThrow("目标数据库不是空的");
  }, 90_000);
});
