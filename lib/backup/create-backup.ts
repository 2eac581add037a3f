import { createWriteStream } from "node:fs";
import { rename, rm } from "node:fs/promises";
import { pipeline } from "node:stream/promises";
import { PassThrough } from "node:stream";
import { createGzip } from "node:zlib";
import pg from "pg";
import { to as copyTo } from "pg-copy-streams";
import {
  type BackupManifest,
  encodeFrame,
  FRAME,
  MIN_PASSPHRASE_LENGTH,
  newEncryption,
  type SequenceValue,
  writeAll,
} from "./archive-format";
import { appliedMigrations, copyColumns, listTables } from "./database-tables";

export interface BackupResult {
  tables: number;
  bytes: number;
  seconds: number;
}

/**
 * A consistent online backup: every table read in ONE repeatable-read snapshot while the app goes
 * on writing, streamed as COPY text into an encrypted archive (archive-format.ts). Written to a
 * temporary name and renamed at the end, so a failed backup never leaves a file that looks whole.
 */
export async function createBackup(options: {
  databaseUrl: string;
  outFile: string;
  passphrase: string;
  authSecret: string | null;
}): Promise<BackupResult> {
  if (options.passphrase.length < MIN_PASSPHRASE_LENGTH) {
    throw new RangeError(`备份口令至少 ${MIN_PASSPHRASE_LENGTH} 个字符。`);
  }
  const started = performance.now();
  const { header, cipher } = await newEncryption(options.passphrase);
  const temporary = `${options.outFile}.partial`;
  const file = createWriteStream(temporary, { mode: 0o600 });
  await writeAll(file, header);
  const frames = new PassThrough();
  const written = pipeline(frames, createGzip({ level: 6 }), cipher, file, { end: false });

  const client = new pg.Client({ connectionString: options.databaseUrl });
  await client.connect();
  let tableCount = 0;
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const [{ server_version: serverVersion }] = (await client.query<{ server_version: string }>("SHOW server_version")).rows as [
      { server_version: string },
    ];
    const manifest: BackupManifest = {
      format: 1,
      createdAt: new Date().toISOString(),
      serverVersion,
      migrations: await appliedMigrations(client),
      authSecret: options.authSecret,
    };
    await writeAll(frames, encodeFrame(FRAME.manifest, JSON.stringify(manifest)));
    for (const table of await listTables(client)) {
      await writeAll(frames, encodeFrame(FRAME.table, JSON.stringify(table)));
      for await (const chunk of client.query(copyTo(`COPY ${copyColumns(table)} TO STDOUT`))) {
        await writeAll(frames, encodeFrame(FRAME.data, chunk as Buffer));
      }
      await writeAll(frames, encodeFrame(FRAME.tableEnd, ""));
      tableCount += 1;
    }
    const sequences = await client.query<{ name: string; last_value: string | null }>(
      "SELECT sequencename AS name, last_value::text FROM pg_sequences WHERE schemaname = current_schema() ORDER BY sequencename",
    );
    const values: SequenceValue[] = sequences.rows.map((row) => ({ name: row.name, lastValue: row.last_value }));
    await writeAll(frames, encodeFrame(FRAME.sequences, JSON.stringify(values)));
    await writeAll(frames, encodeFrame(FRAME.end, ""));
    await client.query("COMMIT");
    frames.end();
    await written;
    await new Promise<void>((resolve, reject) => file.end(cipher.getAuthTag(), (error?: Error | null) => (error ? reject(error) : resolve())));
    await rename(temporary, options.outFile);
  } catch (error) {
    frames.destroy();
    file.destroy();
    await rm(temporary, { force: true });
    throw error;
  } finally {
    await client.end();
  }
  return { tables: tableCount, bytes: file.bytesWritten, seconds: (performance.now() - started) / 1000 };
}
