/**
 * A county publishes: GONGKAI_BENCH_UNITS units (default 250) in departments of ten, each with a
 * signed-off budget for each of GONGKAI_BENCH_YEARS years (default 3: 2022–2024), made by the
 * factories of lib/demo/factories.ts in a throw-away embedded PostgreSQL; then the finance
 * reviewer publishes each year in one batch (publishSignedOffBudgets, PDF and Word included),
 * timed as a whole and per budget, with the renderers timed on their own. Then, when a production
 * build exists, the home page and the region page with all those units are loaded (autocannon,
 * 50 connections) beside the document page, for req/s and p99.
 * `npx tsx scripts/bench-county.ts` (`npm run bench` runs it); prints numbers, asserts nothing.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import autocannon from "autocannon";
import { documentRenderers } from "@/app/document-renderers";
import { saveCodeBook } from "@/lib/budgets/save-code-book";
import { projectRoot } from "@/lib/database/acquire-database";
import { startEmbeddedDatabase } from "@/lib/database/embedded-server";
import { findFreePort } from "@/lib/database/ports";
import { buildBudgetFor, createUnit, createUnitInDepartment, createUser, ensureRegionChain, GUANTAO_REGION_CHAIN, writeBudgetWithHistory, type CreatedUnit } from "@/lib/demo/factories";
import { guantao2024Budget, guantao2024CodeBook } from "@/lib/demo/guantao-2024";
import { renderDocx } from "@/lib/export/docx";
import { renderPdf } from "@/lib/export/pdf";
import { exportXlsx } from "@/lib/export/xlsx";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { createRenderPool } from "@/lib/publication/render-pool";
import { buildSnapshotContent } from "@/lib/publication/snapshot-content";
import { publishSignedOffBudgets } from "@/lib/workflow/publish-signed-off-budgets";
import { decideBuild } from "./lib/needs-build";

const UNITS = Number(process.env.GONGKAI_BENCH_UNITS ?? 250);
const YEAR_COUNT = Number(process.env.GONGKAI_BENCH_YEARS ?? 3);
const YEARS = Array.from({ length: YEAR_COUNT }, (_, i) => 2024 - YEAR_COUNT + 1 + i);
const TARGET_S = 60;
/** render workers (PDF, Word, XLSX in worker threads; 0: everything on the main thread) and budgets in flight */
const WORKERS = Number(process.env.GONGKAI_BENCH_WORKERS ?? availableParallelism());
const CONCURRENCY = WORKERS === 0 ? 1 : WORKERS + 1;
const log = (message: string) => process.stderr.write(`[bench] ${message}\n`);
const children: ChildProcess[] = [];

async function renderTimes(): Promise<string> {
  const content = buildSnapshotContent(guantao2024Budget, guantao2024CodeBook, { version: 1, publishedAt: "2024-02-01T08:00:00.000Z", approvedAt: "2024-01-20", correctionNote: null });
  const info = { contentHash: "0".repeat(64), canonicalPath: "/budgets/2024/224001/v1", downloads: null };
  const time = async (name: string, run: () => unknown) => {
    await run();
    const started = performance.now();
    for (let i = 0; i < 10; i++) await run();
    return `${name} ${((performance.now() - started) / 10).toFixed(0)} ms`;
  };
  return [
    await time("HTML", () => documentRenderers.html(content, info)),
    await time("PDF", () => renderPdf(content, info)),
    await time("Word", () => renderDocx(content, info)),
    await time("XLSX", () => exportXlsx(content)),
  ].join(", ");
}

async function loadPage(url: string) {
  await autocannon({ url, connections: 50, duration: 2 });
  const result = await autocannon({ url, connections: 50, duration: 10 });
  return `${Math.round(result.requests.average).toLocaleString("en-US")} req/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, non-2xx ${result.non2xx}, errors ${result.errors}, timeouts ${result.timeouts}`;
}

async function main(): Promise<void> {
  const dir = await mkdtemp(path.join(tmpdir(), "gongkai-bench-county-"));
  await chmod(dir, 0o755);
  const database = await startEmbeddedDatabase({ dataRoot: dir, port: await findFreePort(), databaseName: "gongkai_bench", whenAlreadyRunning: "fail", isDurable: false, log, command: "npm run bench" });
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: database.url }) });
  try {
    const env = { ...process.env, DATABASE_URL: database.url, NEXT_TELEMETRY_DISABLED: "1", BETTER_AUTH_SECRET: "bench-only-secret-bench-only-secret-0123" };
    const migrated = spawnSync(process.execPath, ["node_modules/prisma/build/index.js", "migrate", "deploy"], { cwd: projectRoot, env, stdio: ["ignore", "ignore", "inherit"] });
    if (migrated.status !== 0) throw new Error(`migrate deploy failed (exit ${migrated.status})`);
    for (const year of YEARS) await saveCodeBook(db, { ...guantao2024CodeBook, year });
    const { regionId } = await db.$transaction((tx) => ensureRegionChain(tx, GUANTAO_REGION_CHAIN));

    log(`Making ${UNITS} units × ${YEARS.length} years of signed-off budgets…`);
    const filled = performance.now();
    const units: CreatedUnit[] = [];
    for (let n = 0; units.length < UNITS; n += 1) {
      const head = await createUnit(db, { regionCode: "130433", departmentCode: `8${String(n).padStart(2, "0")}`, unitCode: `8${String(n).padStart(2, "0")}001`, unitName: `部门${n + 1}本级` });
      units.push(head);
      for (let k = 2; k <= 10 && units.length < UNITS; k += 1) {
        units.push(await createUnitInDepartment(db, head, { unitCode: `8${String(n).padStart(2, "0")}${String(k).padStart(3, "0")}`, unitName: `部门${n + 1}所属单位${k}` }));
      }
    }
    for (const unit of units) {
      await db.$transaction(async (tx) => {
        for (const year of YEARS) await writeBudgetWithHistory(tx, { budget: buildBudgetFor(unit, { year }), status: "SIGNED_OFF" });
      }, { timeout: 60_000 });
    }
    const reviewer = await createUser(db, { roles: [{ role: "FINANCE_REVIEWER", regionId }] });
    log(`Filled in ${((performance.now() - filled) / 1000).toFixed(1)} s.`);

    const renders = await renderTimes();
    const loadBefore = loadavg()[0]?.toFixed(2);
    const started = performance.now();
    const cpuBefore = process.cpuUsage();
    const pool = WORKERS === 0 ? null : createRenderPool(documentRenderers, { workerFile: path.join(projectRoot, "app/render-worker.ts"), size: WORKERS });
    let published = 0;
    let failed = 0;
    try {
      for (const year of YEARS) {
        const result = await publishSignedOffBudgets(db, { userId: reviewer.id, roles: [{ role: "FINANCE_REVIEWER", regionId }] }, { regionCode: "130433", year }, pool?.renderers ?? documentRenderers, {
          concurrency: CONCURRENCY,
          onProgress: (_item, done, total) => {
            if (done % 50 === 0 || done === total) log(`${year}: ${done}/${total}`);
          },
        });
        published += result.published;
        failed += result.failed;
      }
    } finally {
      await pool?.close();
    }
    const seconds = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    const loadAfter = loadavg()[0]?.toFixed(2);
    const size = await db.$queryRaw<{ bytes: bigint }[]>`SELECT pg_database_size(current_database()) AS bytes`;
    const artifacts = await db.$queryRaw<{ bytes: bigint }[]>`SELECT COALESCE(SUM(size), 0)::bigint AS bytes FROM published_artifacts`;
    const lines = [
      `County: ${UNITS} units × ${YEARS.length} years = ${published} budgets published (${failed} failed) with HTML, PDF, Word, XLSX, CSV, JSON in ${seconds.toFixed(1)} s` +
        ` — ${((seconds * 1000) / Math.max(1, published)).toFixed(0)} ms per budget; target for 750 budgets: ≤ ${TARGET_S} s` +
        (published === 750 ? (seconds <= TARGET_S ? " (met)" : " (missed)") : ` (extrapolated to 750: ${((seconds / Math.max(1, published)) * 750).toFixed(0)} s)`),
      `  ${WORKERS === 0 ? "no render workers" : `${WORKERS} render workers`}, ${CONCURRENCY} budget(s) in flight; this process used ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s of CPU (all threads) in ${seconds.toFixed(1)} s`,
      `  one budget's renderers, mean of 10: ${renders}`,
      `  database ${(Number(size[0]?.bytes ?? 0) / 1024 / 1024).toFixed(0)} MiB, published files ${(Number(artifacts[0]?.bytes ?? 0) / 1024 / 1024).toFixed(0)} MiB (load average before ${loadBefore}, after ${loadAfter})`,
    ];

    const build = decideBuild(projectRoot);
    if (build.isNeeded) {
      lines.push(`  home and region pages: not measured (${build.reason}; run npm run build first)`);
    } else {
      const port = await findFreePort();
      const origin = `http://127.0.0.1:${port}`;
      const child = spawn(process.execPath, ["--import", "tsx", "scripts/serve.ts"], { cwd: projectRoot, env: { ...env, PORT: String(port), NODE_ENV: "production" }, stdio: ["ignore", "ignore", "inherit"] });
      children.push(child);
      for (let i = 0; i < 300 && (await fetch(`${origin}/`).then((r) => r.status, () => 0)) !== 200; i += 1) await new Promise((resolve) => setTimeout(resolve, 200));
      const loadPages = loadavg()[0]?.toFixed(2);
      // The document first: the Next pages can leave the server busy after their run.
      const document = await loadPage(`${origin}/budgets/2024/800001`);
      const region = await loadPage(`${origin}/regions/130433`);
      await new Promise((resolve) => setTimeout(resolve, 5_000));
      const home = await loadPage(`${origin}/`);
      lines.push(
        `  document /budgets/2024/800001: ${document} (load average ${loadPages})`,
        `  region /regions/130433 (${UNITS} units listed): ${region}`,
        `  home / (${UNITS} units listed): ${home}`,
      );
    }
    console.log(lines.join("\n"));
  } finally {
    for (const child of children) child.kill("SIGTERM");
    await Promise.all(children.map((child) => (child.exitCode === null ? new Promise((resolve) => child.once("exit", resolve)) : null)));
    await db.$disconnect();
    await database.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  log(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exitCode = 1;
});
