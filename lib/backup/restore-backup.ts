import { createReadStream } from "node:fs";
import { open, stat } from "node:fs/promises";
import { pipeline } from "node:stream";
import { finished } from "node:stream/promises";
import { createGunzip } from "node:zlib";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import {
  type BackupManifest,
  BackupFormatError,
  decryptionFor,
  FRAME,
  HEADER_BYTES,
  readFrames,
  type SequenceValue,
  TAG_BYTES,
  writeAll,
} from "./archive-format";
import { appliedMigrations, copyColumns, listTables, quoteIdentifier, type TableColumns } from "./database-tables";

export interface RestoreResult {
  manifest: BackupManifest;
  tables: number;
  seconds: number;
}

/**
 * Rebuilds an empty, migrated database from a backup, in one transaction: a wrong passphrase, a
 * changed or truncated file, or a schema of another version leaves the database as it was. Triggers
 * (the append-only rules, the audit chain) are passed in replica mode, so rows come back exactly as
 * they were, hashes included.
 */
export async function restoreBackup(options: { databaseUrl: string; file: string; passphrase: string }): Promise<RestoreResult> {
  const started = performance.now();
  const { size } = await stat(options.file);
  if (size < HEADER_BYTES + TAG_BYTES) throw new BackupFormatError("该文件不是本系统的备份文件，或已被截断。");
  const handle = await open(options.file, "r");
  const header = Buffer.alloc(HEADER_BYTES);
  const tag = Buffer.alloc(TAG_BYTES);
  try {
    await handle.read(header, 0, HEADER_BYTES, 0);
    await handle.read(tag, 0, TAG_BYTES, size - TAG_BYTES);
  } finally {
    await handle.close();
  }
  const decipher = await decryptionFor(options.passphrase, header, tag);
  const plain = pipeline(createReadStream(options.file, { start: HEADER_BYTES, end: size - TAG_BYTES - 1 }), decipher, createGunzip(), () => undefined);

  const client = new pg.Client({ connectionString: options.databaseUrl });
  await client.connect();
  let manifest: BackupManifest | null = null;
  let tables = 0;
  let copying: ReturnType<typeof copyFrom> | null = null;
  try {
    const targetTables = new Map((await listTables(client)).map((table) => [table.name, table]));
    await assertEmpty(client, [...targetTables.keys()]);
    await client.query("BEGIN");
    await client.query("SET LOCAL session_replication_role = replica");
    let isComplete = false;
    for await (const frame of readFrames(plain)) {
      if (frame.type === FRAME.manifest) {
        manifest = JSON.parse(frame.payload.toString("utf8")) as BackupManifest;
        await assertSameSchema(client, manifest);
      } else if (frame.type === FRAME.table) {
        const table = JSON.parse(frame.payload.toString("utf8")) as TableColumns;
        if (!targetTables.has(table.name)) throw new BackupFormatError(`备份中的表 ${table.name} 在目标数据库中不存在。`);
        copying = client.query(copyFrom(`COPY ${copyColumns(table)} FROM STDIN`));
      } else if (frame.type === FRAME.data && copying !== null) {
        await writeAll(copying, frame.payload);
      } else if (frame.type === FRAME.tableEnd && copying !== null) {
        copying.end();
        await finished(copying);
        copying = null;
        tables += 1;
      } else if (frame.type === FRAME.sequences) {
        for (const sequence of JSON.parse(frame.payload.toString("utf8")) as SequenceValue[]) {
          await client.query(
            sequence.lastValue === null ? "SELECT setval($1::regclass, 1, false)" : "SELECT setval($1::regclass, $2::bigint, true)",
            sequence.lastValue === null ? [quoteIdentifier(sequence.name)] : [quoteIdentifier(sequence.name), sequence.lastValue],
          );
        }
      } else if (frame.type === FRAME.end) {
        isComplete = true;
      } else {
        throw new BackupFormatError("备份文件内容无法识别。");
      }
    }
    if (!isComplete || manifest === null) throw new BackupFormatError("备份文件不完整：缺少结尾，可能在备份过程中中断。");
    await client.query("COMMIT");
  } catch (error) {
    // A COPY in progress holds the connection: cancel it (CopyFail) before rolling back.
    if (copying !== null) {
      copying.destroy(new Error("restore aborted"));
      await finished(copying).catch(() => undefined);
    }
    await client.query("ROLLBACK").catch(() => undefined);
    throw describeFailure(error);
  } finally {
    await client.end();
  }
  return { manifest, tables, seconds: (performance.now() - started) / 1000 };
}

async function assertEmpty(client: pg.Client, tables: string[]): Promise<void> {
  if (tables.length === 0) throw new BackupFormatError("目标数据库还没有建表：请先执行数据库迁移（恢复命令会自动执行）。");
  const { rows } = await client.query<{ name: string }>(
    tables.map((name, index) => `SELECT '${index}' AS name WHERE EXISTS (SELECT 1 FROM ${quoteIdentifier(name)})`).join(" UNION ALL "),
  );
  if (rows.length > 0) {
    const names = rows.map((row) => tables[Number(row.name)]).join("、");
    throw new BackupFormatError(`目标数据库不是空的（${names} 中已有数据）：恢复只写入空数据库，不会覆盖现有数据。`);
  }
}

async function assertSameSchema(client: pg.Client, manifest: BackupManifest): Promise<void> {
  const target = await appliedMigrations(client);
  if (target.join("\n") !== manifest.migrations.join("\n")) {
    throw new BackupFormatError(
      `备份的数据库结构（${manifest.migrations.length} 个迁移，最新 ${manifest.migrations.at(-1) ?? "无"}）与目标数据库（${target.length} 个，最新 ${target.at(-1) ?? "无"}）不同：请用与备份时相同版本的程序恢复。`,
    );
  }
}

/** A wrong passphrase and a changed file both fail the GCM tag (or, earlier, the gzip stream). */
function describeFailure(error: unknown): unknown {
  if (error instanceof BackupFormatError) return error;
  if (error instanceof Error && /unable to authenticate data|incorrect header check|invalid|unexpected end/i.test(error.message)) {
    return new BackupFormatError("无法解密备份文件：口令不正确，或文件已被改动或损坏。数据库未作任何改动。");
  }
  return error;
}
