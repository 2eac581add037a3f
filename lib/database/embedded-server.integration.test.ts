import { spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { projectRoot } from "./acquire-database";
import { DatabaseStartError, startEmbeddedDatabase, type EmbeddedDatabaseOptions } from "./embedded-server";
import { findFreePort } from "./ports";
import { parsePostmasterPid } from "./postmaster-pid";
import { isProcessAlive } from "./processes";

const roots: string[] = [];
afterAll(async () => {
  await Promise.all(roots.map((root) => rm(root, { recursive: true, force: true })));
});

async function newOptions(overrides: Partial<EmbeddedDatabaseOptions> = {}): Promise<EmbeddedDatabaseOptions> {
  const dataRoot = await mkdtemp(path.join(tmpdir(), "gongkai-embedded-test-"));
  roots.push(dataRoot);
  return {
    dataRoot,
    port: await findFreePort(),
    databaseName: "gongkai_test",
    whenAlreadyRunning: "fail",
    isDurable: false,
    log: () => undefined,
    command: "npm start",
    ...overrides,
  };
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

async function postmasterPid(dataRoot: string): Promise<number> {
  const lock = parsePostmasterPid(await readFile(path.join(dataRoot, "postgres", "postmaster.pid"), "utf8"));
  if (lock === undefined) throw new Error("no readable postmaster.pid");
  return lock.pid;
}

describe("startEmbeddedDatabase", () => {
  it("creates a private UTF-8 cluster on 127.0.0.1 and keeps its data across restarts", async () => {
    const logs: string[] = [];
    const options = await newOptions({ log: (message) => logs.push(message) });

    const first = await startEmbeddedDatabase(options);
    const [settings] = await query<{ encoding: string; collate: string; listen: string }>(
      first.url,
      `SELECT pg_encoding_to_char(encoding) AS encoding, datcollate AS collate,
              current_setting('listen_addresses') AS listen
       FROM pg_database WHERE datname = current_database()`,
    );
    expect(settings).toEqual({ encoding: "UTF8", collate: "C.UTF-8", listen: "127.0.0.1" });
    expect((await stat(path.join(options.dataRoot, "postgres-password"))).mode & 0o777).toBe(0o600);
    expect(new URL(first.url).hostname).toBe("127.0.0.1");
    await query(first.url, `CREATE TABLE kept (name text); INSERT INTO kept VALUES ('预算')`);
    const pid = await postmasterPid(options.dataRoot);
    await first.stop();
    expect(isProcessAlive(pid)).toBe(false);

    const second = await startEmbeddedDatabase(options);
    expect(await query(second.url, "SELECT name FROM kept")).toEqual([{ name: "预算" }]);
    await second.stop();
    expect(logs.filter((line) => line.includes("first run"))).toHaveLength(1);
    expect(logs.at(-1)).toMatch(/existing data/);
  });

  it("names the program holding the port and the variable that avoids it", async () => {
    const options = await newOptions();
    const blocker = createServer().listen(options.port, "127.0.0.1");
    await once(blocker, "listening");
    try {
      const start = startEmbeddedDatabase(options);
      await expect(start).rejects.toBeInstanceOf(DatabaseStartError);
      await expect(start).rejects.toThrow(
        new RegExp(`Port ${options.port} is already in use by PID ${process.pid} .*GONGKAI_DB_PORT=${options.port + 1}`, "s"),
      );
    } finally {
      blocker.close();
    }
  });

  it("shares a server that a live process serves, or refuses to take it over", async () => {
    const options = await newOptions();
    const owner = await startEmbeddedDatabase(options);
    try {
      await expect(startEmbeddedDatabase(options)).rejects.toThrow(
        new RegExp(`already in use by PID ${process.pid}`),
      );
      const shared = await startEmbeddedDatabase({ ...options, whenAlreadyRunning: "attach" });
      expect(shared.isAttached).toBe(true);
      expect(await query(shared.url, "SELECT 1 AS one")).toEqual([{ one: 1 }]);
      await shared.stop();
      expect(await query(owner.url, "SELECT 1 AS one")).toEqual([{ one: 1 }]);
    } finally {
      await owner.stop();
    }
  });

  it("ignores a postmaster.pid whose PID now belongs to an unrelated process", async () => {
    const logs: string[] = [];
    const options = await newOptions({ log: (message) => logs.push(message) });
    await (await startEmbeddedDatabase(options)).stop();
    await writeFile(
      path.join(options.dataRoot, "postgres", "postmaster.pid"),
      `${process.pid}\n${path.join(options.dataRoot, "postgres")}\n0\n${options.port}\n`,
    );

    const server = await startEmbeddedDatabase(options);
    await server.stop();
    expect(logs.join("\n")).toMatch(/Removed a stale postmaster.pid \(PID \d+ now belongs to another program\)/);
  });

  it("shuts down the server left behind by a process killed with SIGKILL, then starts afresh", async () => {
    const logs: string[] = [];
    const options = await newOptions({ log: (message) => logs.push(message) });
    const victim = spawn(
      process.execPath,
      ["--import", "tsx", "tests/integration/fixtures/hold-embedded-database.ts", options.dataRoot, String(options.port)],
      { cwd: projectRoot, stdio: ["ignore", "pipe", "ignore"] },
    );
    const [ready] = (await once(victim.stdout, "data")) as [Buffer];
    expect(ready.toString()).toBe("ready\n");
    const orphan = await postmasterPid(options.dataRoot);
    victim.kill("SIGKILL");
    await once(victim, "exit");
    expect(isProcessAlive(orphan)).toBe(true);

    const server = await startEmbeddedDatabase(options);
    try {
      expect(logs.join("\n")).toMatch(new RegExp(`PID ${orphan}\\) still running after the process that started it died`));
      expect(isProcessAlive(orphan)).toBe(false);
      expect(await query(server.url, "SELECT 1 AS one")).toEqual([{ one: 1 }]);
    } finally {
      await server.stop();
    }
  });
});
