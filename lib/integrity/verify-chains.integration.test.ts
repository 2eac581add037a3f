import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { saveCodeBook } from "@/lib/budgets/save-code-book";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import { APP_ROLE, enableAppRole } from "@/lib/database/app-role";
import { disconnectPrisma } from "@/lib/db";
import { createBudget, createUser } from "@/lib/demo/factories";
import { guantao2024CodeBook } from "@/lib/demo/guantao-2024";
import { publishBudget } from "@/lib/publication/publish-budget";
import { prisma, resetDatabase } from "@/tests/integration/db";
import { renderersWithoutPdf } from "@/tests/integration/renderers";
import { runVerifyCommand } from "@/lib/cli/verify-command";
import { isIntact, verifyIntegrity } from "./verify-chains";

let owner: pg.Client;
let app: pg.Client;

beforeAll(async () => {
  const ownerUrl = process.env.DATABASE_URL;
  if (ownerUrl === undefined) throw new Error("the integration set-up provides DATABASE_URL");
  owner = new pg.Client({ connectionString: ownerUrl });
  await owner.connect();
  const appUrl = await enableAppRole(ownerUrl, randomBytes(18).toString("base64url"));
  if (appUrl === null) throw new Error(`the migrations did not create ${APP_ROLE}`);
  app = new pg.Client({ connectionString: appUrl });
  await app.connect();
});
beforeEach(resetDatabase);
afterAll(async () => {
  await owner.end();
  await app.end();
  await disconnectPrisma();
});

/** What a database owner can do past the row triggers: change a row and leave no trace but the chain. */
async function asOwnerBypassingTriggers(table: string, sql: string): Promise<void> {
  await owner.query("BEGIN");
  await owner.query(`ALTER TABLE ${table} DISABLE TRIGGER USER`);
  await owner.query(sql);
  await owner.query(`ALTER TABLE ${table} ENABLE TRIGGER USER`);
  await owner.query("COMMIT");
}

async function writeEvents(count: number, prefix: string): Promise<void> {
  for (let index = 0; index < count; index += 1) {
    await writeAuditEvent(prisma, { action: `${prefix}.${index}`, result: "SUCCESS", clientAddress: "198.51.100.1", details: { index } });
  }
}

async function publishDemo(): Promise<void> {
  await saveCodeBook(prisma, guantao2024CodeBook);
  await createBudget(prisma, { status: "SIGNED_OFF", at: new Date("2024-01-20T02:00:00Z") });
  const publisher = await createUser(prisma);
  await publishBudget(prisma, { unitCode: "224001", year: 2024, actorId: publisher.id, clientAddress: "203.0.113.7", now: new Date("2024-02-01T08:00:00Z") }, renderersWithoutPdf);
}

describe("the audit log's hash chain", () => {
  it("chains every row, also when several transactions write at once", async () => {
    await Promise.all([writeEvents(15, "a"), writeEvents(15, "b"), writeEvents(15, "c")]);
    const rows = await prisma.auditEvent.findMany({ orderBy: { chainSeq: "asc" }, select: { chainSeq: true, prevHash: true, rowHash: true } });
    expect(rows.map((row) => Number(row.chainSeq))).toEqual(Array.from({ length: 45 }, (_, index) => index + 1));
    expect(rows[0]!.prevHash).toBe("0".repeat(64));
    rows.slice(1).forEach((row, index) => expect(row.prevHash).toBe(rows[index]!.rowHash));
    const report = await verifyIntegrity(prisma);
    expect(report.audit).toEqual({ checked: 45, firstBreak: null, head: rows[44]!.rowHash });
    expect(isIntact(report)).toBe(true);
  });

  it("names the first row a database owner changed past the triggers", async () => {
    await writeEvents(10, "x");
    await asOwnerBypassingTriggers("audit_events", `UPDATE audit_events SET client_address = '10.0.0.9' WHERE chain_seq = 4`);
    const report = await verifyIntegrity(prisma);
    expect(report.audit.firstBreak).toEqual({ position: "审计日志第 4 条（id 4）", reason: "内容与其哈希不符：该审计记录在写入后被改动。" });
    expect(isIntact(report)).toBe(false);
  });

  it("names the gap a deleted row leaves, even when the owner recomputes the deleted row's successor", async () => {
    await writeEvents(6, "y");
    await asOwnerBypassingTriggers("audit_events", `DELETE FROM audit_events WHERE chain_seq = 3`);
    expect((await verifyIntegrity(prisma)).audit.firstBreak?.position).toBe("审计日志第 4 条（id 4）");
  });

  it("refuses TRUNCATE, UPDATE and DELETE, for the owner by trigger and for the application role by privilege", async () => {
    await writeEvents(2, "z");
    await expect(owner.query("TRUNCATE audit_events")).rejects.toThrow(/append-only: TRUNCATE is not allowed/);
    await expect(owner.query("UPDATE audit_events SET action = 'x'")).rejects.toThrow(/append-only/);
    await expect(app.query("TRUNCATE audit_events")).rejects.toThrow(/permission denied/);
    await expect(app.query("DELETE FROM audit_events")).rejects.toThrow(/permission denied/);
    await app.query("INSERT INTO audit_events (action, result) VALUES ('app.write', 'SUCCESS')");
    expect(await prisma.auditEvent.count()).toBe(3);
    expect((await verifyIntegrity(prisma)).audit).toMatchObject({ checked: 3, firstBreak: null });
  });
});

describe("the ledger of published files", () => {
  it("enters every published file with its hash, in a chain", async () => {
    await publishDemo();
    const files = await prisma.publishedArtifact.findMany({ select: { id: true, sha256: true, fileName: true } });
    const ledger = await prisma.publicationLedgerEntry.findMany({ orderBy: { chainSeq: "asc" } });
    expect(files.length).toBeGreaterThanOrEqual(4);
    expect(ledger.map((entry) => [entry.artifactId, entry.sha256, entry.documentScope])).toEqual(
      expect.arrayContaining(files.map((file) => [file.id, file.sha256, "unit"])),
    );
    expect(ledger).toHaveLength(files.length);
    expect(isIntact(await verifyIntegrity(prisma))).toBe(true);
  });

  it("finds a file whose bytes and stored hash were both changed by the owner", async () => {
    await publishDemo();
    const page = await prisma.publishedArtifact.findFirstOrThrow({ where: { kind: "HTML" }, select: { id: true, fileName: true } });
    await asOwnerBypassingTriggers(
      "published_artifacts",
      `UPDATE published_artifacts SET bytes = convert_to('<p>篡改</p>', 'UTF8'),
         sha256 = encode(sha256(convert_to('<p>篡改</p>', 'UTF8')), 'hex'), size = octet_length(convert_to('<p>篡改</p>', 'UTF8'))
       WHERE id = ${page.id}`,
    );
    const report = await verifyIntegrity(prisma);
    expect(report.files.firstBreak?.position).toBe(`单位公开文件 ${page.fileName}（id ${page.id}）`);
    expect(report.files.firstBreak?.reason).toMatch(/与发布时台账记录的 [0-9a-f]{64} 不一致/);
  });

  it("refuses changes to the ledger and TRUNCATE of published files", async () => {
    await publishDemo();
    await expect(owner.query("UPDATE publication_ledger SET sha256 = 'x'")).rejects.toThrow(/append-only/);
    await expect(owner.query("TRUNCATE publication_ledger")).rejects.toThrow(/append-only/);
    await expect(owner.query("TRUNCATE published_artifacts CASCADE")).rejects.toThrow(/append-only/);
    await asOwnerBypassingTriggers("publication_ledger", "UPDATE publication_ledger SET size = size + 1 WHERE chain_seq = 2");
    expect((await verifyIntegrity(prisma)).ledger.firstBreak?.position).toMatch(/^公开文件台账第 2 条/);
  });
});

describe("npm run gongkai -- verify", () => {
  async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runVerifyCommand(args, prisma, { out: (text) => out.push(text), err: (text) => err.push(text) });
    return { code, out: out.join("\n"), err: err.join("\n") };
  }

  it("exits 0 and counts the rows when both chains are whole, 1 and names the break when not", async () => {
    await writeEvents(3, "cli");
    expect(await run([])).toEqual({ code: 0, out: expect.stringContaining("审计日志哈希链：完整（3 条）"), err: "" });
    await asOwnerBypassingTriggers("audit_events", "UPDATE audit_events SET action = 'cli.forged' WHERE chain_seq = 2");
    const broken = await run(["--json"]);
    expect(broken.code).toBe(1);
    expect(JSON.parse(broken.out)).toMatchObject({ intact: false, audit: { firstBreak: { position: "审计日志第 2 条（id 2）" } } });
  });

  it("refuses an unknown option with exit 2", async () => {
    expect(await run(["--fix"])).toMatchObject({ code: 2, err: expect.stringContaining("未知参数 --fix") });
  });
});
