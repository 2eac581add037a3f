// Checks that the migrations produce exactly the Prisma schema, through the ordinary Prisma CLI and
// the offline schema engine beside this file.
//
//   import { checkDrift } from "./scripts/prisma-engine/check-drift.mjs";
//   const { inSync, script } = await checkDrift({ databaseUrl });
//
//   node scripts/prisma-engine/check-drift.mjs   # exit 0 in sync, 2 drift (prints the missing SQL), 1 error
import { execFile } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

const repoRoot = fileURLToPath(new URL("../../", import.meta.url));
const run = promisify(execFile);

/**
 * Replays the migrations in a temporary shadow database (created and dropped on the server of
 * `databaseUrl`; that database itself is not touched) and compares the result with the schema.
 *
 * @param {{ databaseUrl?: string, schemaPath?: string, migrationsDir?: string, cwd?: string }} [options]
 *   Paths are relative to `cwd`, the repository root by default; `databaseUrl` defaults to DATABASE_URL.
 * @returns {Promise<{ inSync: boolean, script: string }>} `script` is the SQL a new migration would
 *   need to reach the schema ("-- This is an empty migration." when in sync).
 * @throws {Error} when the CLI fails, e.g. a migration does not apply or the server is unreachable.
 */
export async function checkDrift({ databaseUrl = process.env.DATABASE_URL, schemaPath = "prisma/schema.prisma", migrationsDir = "prisma/migrations", cwd = repoRoot } = {}) {
  if (!databaseUrl) throw new Error("checkDrift needs a PostgreSQL server: pass databaseUrl or set DATABASE_URL.");
  const args = ["migrate", "diff", "--from-migrations", path.resolve(cwd, migrationsDir), "--to-schema", path.resolve(cwd, schemaPath), "--script", "--exit-code"];
  const env = { ...process.env, DATABASE_URL: databaseUrl, PRISMA_SCHEMA_ENGINE_BINARY: path.join(repoRoot, "scripts/prisma-engine/schema-engine") };
  try {
    const { stdout } = await run(path.join(repoRoot, "node_modules/.bin/prisma"), args, { cwd, env });
    return { inSync: true, script: stdout.trim() };
  } catch (error) {
    // `--exit-code` makes the CLI exit with 2 when there is a difference.
    if (error.code === 2) return { inSync: false, script: error.stdout.trim() };
    throw error;
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  checkDrift().then(
    ({ inSync, script }) => {
      process.stdout.write(inSync ? "No drift: the migrations produce prisma/schema.prisma.\n" : `Drift: the migrations lack\n\n${script}\n`);
      process.exitCode = inSync ? 0 : 2;
    },
    (error) => {
      process.stderr.write(`${error.message}\n`);
      process.exitCode = 1;
    },
  );
}
