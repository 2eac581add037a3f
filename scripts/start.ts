/**
 * `npm start` (production) and `npm run dev` (`--dev`): everything a fresh clone needs after
 * `npm ci`: start or reuse the database, migrate, load the demo into an empty database (unless
 * GONGKAI_DEMO=false), build when needed, then serve.
 */
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { acquireDatabase, projectRoot } from "@/lib/database/acquire-database";
import { APP_ROLE, appRolePasswordFor, enableAppRole } from "@/lib/database/app-role";
import { DatabaseStartError } from "@/lib/database/embedded-server";
import { isPortAvailable, portInUseMessage } from "@/lib/database/ports";
import { EnvError, parseEnv } from "@/lib/env";
import { loadEnvFiles } from "./lib/load-env-files";
import { decideBuild } from "./lib/needs-build";
import { SET_UP_STEPS } from "./lib/set-up-steps";
import { exitCodeOf, Supervisor } from "./lib/supervisor";

const isDev = process.argv.includes("--dev");
const npmCommand = isDev ? "npm run dev" : "npm start";

const log = (message: string) => process.stderr.write(`[gongkai] ${message}\n`);
const supervisor = new Supervisor(log);

class StartError extends Error {}

const NEXT_CLI = "node_modules/next/dist/bin/next";

async function main(): Promise<never> {
  const startedAt = performance.now();
  const loadedEnvFiles = loadEnvFiles(projectRoot, isDev ? "development" : "production");
  if (loadedEnvFiles.length > 0) log(`Loaded ${loadedEnvFiles.join(", ")}.`);
  const env = parseEnv();

  // Checked before anything starts, so a second copy of the app fails in milliseconds.
  if (!(await isPortAvailable(env.PORT))) {
    throw new StartError(portInUseMessage(env.PORT, "PORT", npmCommand));
  }
  assertDatabaseFilesExist();

  const database = await acquireDatabase({ env, log, whenAlreadyRunning: "fail", command: npmCommand });
  supervisor.onCleanup(database.release);
  const childEnv = {
    ...process.env,
    DATABASE_URL: database.url,
    // Air-gapped servers: no attempts to reach Next.js's telemetry endpoint.
    NEXT_TELEMETRY_DISABLED: process.env.NEXT_TELEMETRY_DISABLED ?? "1",
  };

  for (const setUp of SET_UP_STEPS) await step(setUp.title, setUp.script, [...setUp.args], childEnv);

  if (!isDev) {
    const build = decideBuild(projectRoot);
    if (build.isNeeded) {
      await step(`Building the app (${build.reason})`, NEXT_CLI, ["build"], childEnv);
    } else {
      log("Build is up to date.");
    }
  }

  // Migrations and the seed ran as the owner; the server connects as the application role, which
  // cannot change or delete audit events (docs/decisions/0008-workflow-and-append-only-audit.md).
  const serverDatabaseUrl = await applicationDatabaseUrl(env, database.url);

  const setUpSeconds = ((performance.now() - startedAt) / 1000).toFixed(1);
  log(
    `Set-up done in ${setUpSeconds} s; starting the server on http://localhost:${env.PORT} (Ctrl+C stops the app and the database).`,
  );
  // Published documents are served from memory by scripts/serve.ts, everything else by Next.js inside it.
  const status = await supervisor.run(
    process.execPath,
    [
      "--require",
      path.join(projectRoot, "scripts/lib/exit-with-parent.cjs"),
      "--import",
      "tsx",
      path.join(projectRoot, "scripts/serve.ts"),
      ...(isDev ? ["--dev"] : []),
    ],
    {
      cwd: projectRoot,
      env: { ...childEnv, DATABASE_URL: serverDatabaseUrl, PORT: String(env.PORT), NODE_ENV: isDev ? "development" : "production" },
      stdio: "inherit",
    },
  );
  const code = supervisor.stopSignal === undefined ? exitCodeOf(status) : 0;
  if (supervisor.stopSignal === undefined) log(`The server exited (${describe(status)}).`);
  return supervisor.exit(code);
}

/**
 * The URL the server connects with: the application role's, which may only INSERT and SELECT
 * audit events (ADR 0008). On the embedded database its password is kept in the data folder; with
 * your own DATABASE_URL (the owner's, used for the migrations) it is GONGKAI_APP_ROLE_PASSWORD, as
 * docker-compose.yml sets it. Without that password, or without the role, the owner's URL stays.
 */
async function applicationDatabaseUrl(env: ReturnType<typeof parseEnv>, ownerUrl: string): Promise<string> {
  const password = appRolePasswordFor(env, env.GONGKAI_DATA_DIR ?? path.join(projectRoot, ".data"));
  if (password === null) {
    log(`GONGKAI_APP_ROLE_PASSWORD is not set: the server connects with DATABASE_URL as given (point it at ${APP_ROLE} yourself, ADR 0008).`);
    return ownerUrl;
  }
  const appUrl = await enableAppRole(ownerUrl, password);
  if (appUrl === null) {
    log(`The database role ${APP_ROLE} is missing; the server connects as the owner.`);
    return ownerUrl;
  }
  log(`The server connects as ${APP_ROLE} (audit events: insert and read only).`);
  return appUrl;
}

function assertDatabaseFilesExist(): void {
  const migrationsDir = path.join(projectRoot, "prisma", "migrations");
  const hasMigrations =
    existsSync(migrationsDir) &&
    readdirSync(migrationsDir, { withFileTypes: true }).some(
      (entry) => entry.isDirectory() && existsSync(path.join(migrationsDir, entry.name, "migration.sql")),
    );
  const missing = [
    ...(hasMigrations ? [] : ["prisma/migrations/<timestamp>_<name>/migration.sql (no migration yet)"]),
    ...(existsSync(path.join(projectRoot, "prisma", "seed.ts")) ? [] : ["prisma/seed.ts (loads the demo into an empty database)"]),
  ];
  if (missing.length > 0) {
    throw new StartError(
      `Cannot set up the database; missing:\n${missing.map((item) => `  - ${item}`).join("\n")}\n` +
        `Create the first migration with \`npm run with-db -- prisma migrate dev --name init\`.`,
    );
  }
}

/** Runs one of the project's Node CLIs to completion; any failure stops the start-up. */
async function step(title: string, script: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  if (supervisor.stopSignal !== undefined) await supervisor.exit(0);
  log(`${title}…`);
  const startedAt = performance.now();
  const status = await supervisor.run(process.execPath, [path.join(projectRoot, script), ...args], {
    cwd: projectRoot,
    env,
    stdio: "inherit",
  });
  if (supervisor.stopSignal !== undefined) await supervisor.exit(0);
  if (status.code !== 0) {
    throw new StartError(`${title} failed (${describe(status)}); see the output above.`);
  }
  log(`Done in ${((performance.now() - startedAt) / 1000).toFixed(1)} s.`);
}

function describe(status: { code: number | null; signal: NodeJS.Signals | null }): string {
  return status.signal === null ? `exit code ${status.code}` : `signal ${status.signal}`;
}

main().catch(async (error: unknown) => {
  if (supervisor.stopSignal !== undefined) {
    // Ctrl+C also reaches initdb/postgres directly, so their failure here is the requested stop.
    await supervisor.exit(0);
  }
  if (error instanceof StartError || error instanceof DatabaseStartError || error instanceof EnvError) {
    log(error.message);
  } else {
    log(`Unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  }
  await supervisor.exit(1);
});
