import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { buildDatabaseUrl } from "@/lib/database/database-url";
import { findFreePort } from "@/lib/database/ports";

/**
 * A second app for the onboarding journey, as a county runs it in production: `npm start`'s
 * start-up (scripts/start.ts) with GONGKAI_DEMO=false on an empty embedded database of its own,
 * on free ports, its data inside the run's folder. Started after playwright.config.ts's server
 * is up, so the build is reused, never run twice at once.
 */
export interface ProductionServer {
  baseURL: string;
  databaseUrl: string;
  /** the variables that make `npm run gongkai` and friends use this server's database */
  env: NodeJS.ProcessEnv;
  stop: () => Promise<void>;
}

export async function startProductionServer(name: string): Promise<ProductionServer> {
  const runDir = process.env.GONGKAI_E2E_DATA_DIR;
  if (runDir === undefined) throw new Error("GONGKAI_E2E_DATA_DIR is not set; run the tests through playwright.config.ts");
  const dataDir = path.join(runDir, name);
  mkdirSync(dataDir, { recursive: true });
  const [port, dbPort] = [await findFreePort(), await findFreePort()];
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    GONGKAI_DB_PORT: String(dbPort),
    GONGKAI_DATA_DIR: dataDir,
    GONGKAI_DEMO: "false",
    // Empty, not absent: a DATABASE_URL from .env must not point the journey at a real database.
    DATABASE_URL: "",
    NEXT_TELEMETRY_DISABLED: "1",
  };
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], { cwd: process.cwd(), env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const baseURL = `http://127.0.0.1:${port}`;
  await waitForServer(child, baseURL, () => output);
  const databaseUrl = buildDatabaseUrl({
    host: "127.0.0.1",
    port: dbPort,
    user: "postgres",
    password: readFileSync(path.join(dataDir, "postgres-password"), "utf8").trim(),
    database: "gongkai",
  });
  return { baseURL, databaseUrl, env, stop: () => stop(child) };
}

async function waitForServer(child: ChildProcess, baseURL: string, output: () => string): Promise<void> {
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the production-mode server exited (${child.exitCode}):\n${output()}`);
    try {
      const response = await fetch(`${baseURL}/login`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  await stop(child);
  throw new Error(`the production-mode server did not answer within 180 s:\n${output()}`);
}

/** SIGTERM lets scripts/start.ts stop Next.js and then PostgreSQL. */
function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), 20_000);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

export async function queryAt<T extends pg.QueryResultRow>(databaseUrl: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

/** `npm run -s gongkai -- <args>` against the server's database, as an operator types it on the server. */
export function gongkai(server: ProductionServer, args: string[], stdin?: string): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync("npm", ["run", "-s", "gongkai", "--", ...args], {
    cwd: process.cwd(),
    env: server.env,
    encoding: "utf8",
    input: stdin,
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
