import { spawnSync } from "node:child_process";
import path from "node:path";
import { projectRoot } from "./acquire-database";

/** `prisma migrate deploy` against one database, as npm start runs it; throws with Prisma's output. */
export function migrateDatabase(url: string): void {
  const result = spawnSync(process.execPath, [path.join(projectRoot, "node_modules/prisma/build/index.js"), "migrate", "deploy"], {
    cwd: projectRoot,
    env: { ...process.env, DATABASE_URL: url },
    encoding: "utf8",
  });
  if (result.status !== 0) {
    throw new Error(`prisma migrate deploy failed (exit ${result.status}):\n${result.stdout}${result.stderr}`);
  }
}
