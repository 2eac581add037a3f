/**
 * Bulk import of units (lib/organisation/import/): the dry run and the apply step for a county of
 * 300 units and one of 3,000 (departments of 30 units, an .xlsx with alias headers built with
 * exceljs), then the same file again (everything unchanged). Each step is timed once and its SQL
 * statements counted (Prisma query events, BEGIN/COMMIT included): the count must not grow with
 * the rows. A throw-away embedded PostgreSQL is migrated first. Run with
 * `npx tsx scripts/bench-import.ts`; prints numbers, asserts nothing.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { PrismaPg } from "@prisma/adapter-pg";
import type { Viewer } from "@/lib/auth/policies";
import { projectRoot } from "@/lib/database/acquire-database";
import { startEmbeddedDatabase } from "@/lib/database/embedded-server";
import { findFreePort } from "@/lib/database/ports";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { applyUnitImport } from "@/lib/organisation/import/apply-unit-import";
import { previewUnitImport } from "@/lib/organisation/import/preview-unit-import";
import { countyUnitRows, xlsxFile } from "@/lib/organisation/import/test-files";

const log = (message: string) => process.stderr.write(`[bench] ${message}\n`);

let queryCount = 0;

async function step<T>(run: () => Promise<T>): Promise<{ ms: number; statements: number; result: T }> {
  queryCount = 0;
  const started = performance.now();
  const result = await run();
  return { ms: performance.now() - started, statements: queryCount, result };
}

async function main(): Promise<void> {
  const dir = await mkdtemp(path.join(tmpdir(), "gongkai-bench-import-"));
  const database = await startEmbeddedDatabase({
    dataRoot: dir,
    port: await findFreePort(),
    databaseName: "gongkai_bench",
    whenAlreadyRunning: "fail",
    isDurable: false,
    log,
    command: "npm run bench",
  });
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: database.url }), log: [{ emit: "event", level: "query" }] });
  db.$on("query", () => {
    queryCount += 1;
  });
  try {
    log("Migrating…");
    const migrated = spawnSync(process.execPath, ["node_modules/prisma/build/index.js", "migrate", "deploy"], {
      cwd: projectRoot,
      env: { ...process.env, DATABASE_URL: database.url },
      stdio: ["ignore", "ignore", "inherit"],
    });
    if (migrated.status !== 0) throw new Error(`migrate deploy failed (exit ${migrated.status})`);
    const admin: Viewer = { userId: "bench-admin", roles: [{ role: "ADMIN" }] };
    const lines: string[] = [];
    for (const [index, departments] of [10, 100].entries()) {
      const region = await db.region.create({ data: { code: `13043${index}`, name: `基准县${index}`, level: "COUNTY" }, select: { id: true } });
      const file = await xlsxFile([{ name: "单位", rows: countyUnitRows(departments, 30) }], "units.xlsx");
      const input = { regionId: String(region.id) };
      const units = departments * 30;
      log(`Importing ${units} units (${(file.bytes.byteLength / 1024).toFixed(0)} KiB .xlsx)…`);
      const preview = await step(() => previewUnitImport(db, admin, input, file));
      const apply = await step(() => applyUnitImport(db, admin, input, file, { fingerprint: preview.result.fingerprint }));
      const again = await step(() => applyUnitImport(db, admin, input, file));
      const written = await db.unit.count({ where: { regionId: region.id } });
      lines.push(
        `${String(units).padStart(5)} units, ${String(departments).padStart(3)} departments: dry run ${preview.ms.toFixed(0).padStart(5)} ms (${preview.statements} SQL) · apply ${apply.ms.toFixed(0).padStart(5)} ms (${apply.statements} SQL, ${written} units written) · same file again ${again.ms.toFixed(0).padStart(5)} ms (${again.statements} SQL, ${again.result.counts.unitsUnchanged} unchanged)`,
      );
    }
    console.log([`Bulk import of units (.xlsx, alias headers), one run each (load average: ${loadavg()[0]?.toFixed(2)}); SQL = statements issued`, "", ...lines].join("\n"));
  } finally {
    await db.$disconnect();
    await database.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
