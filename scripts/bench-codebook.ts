/**
 * Loading a year's code book of 2,000 codes (about the size of the official 支出功能分类 + 经济分类
 * book) into a throw-away embedded PostgreSQL: the preview (read the .csv through lib/spreadsheet,
 * validate, diff against last year's book) and the load (one transaction), each timed, and the SQL
 * statements each issues counted (Prisma query events) at 200 and 2,000 codes, so a count that grows
 * with the book shows. Run with `npx tsx scripts/bench-codebook.ts`; prints numbers, asserts nothing.
 */
import { spawnSync } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { importCodeBook } from "@/lib/codebooks/import-code-book";
import { previewCodeBookImport } from "@/lib/codebooks/preview-code-book-import";
import { codeBookCsv } from "@/lib/codebooks/test-support";
import { projectRoot } from "@/lib/database/acquire-database";
import { startEmbeddedDatabase } from "@/lib/database/embedded-server";
import { findFreePort } from "@/lib/database/ports";
import { createUser } from "@/lib/demo/factories";
import type { ClassificationCode, CodeBook } from "@/lib/disclosure/types";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { ms } from "./lib/timing";

const log = (message: string) => process.stderr.write(`[bench] ${message}\n`);

/** A book of about `size` codes: functional 类 › 款 › 项 and economic 类 › 款, names varying with `variant`. */
function syntheticBook(year: number, size: number, variant = 0): CodeBook {
  const functional: ClassificationCode[] = [];
  const economic: ClassificationCode[] = [];
  const economicSize = Math.round(size * 0.1);
  for (let k = 0; functional.length < size - economicSize; k++) {
    const klass = String(201 + (k % 30));
    if (k < 30) functional.push({ scheme: "FUNCTIONAL", code: klass, name: `类${klass}`, level: 1, parentCode: null });
    const section = `${klass}${String(1 + Math.floor(k / 30)).padStart(2, "0")}`;
    functional.push({ scheme: "FUNCTIONAL", code: section, name: `款${section}`, level: 2, parentCode: klass });
    for (let i = 1; i <= 5 && functional.length < size - economicSize; i++) {
      const item = `${section}${String(i).padStart(2, "0")}`;
      // every 20th 项 renamed in the variant, so the diff has work to do
      functional.push({ scheme: "FUNCTIONAL", code: item, name: variant > 0 && i === 5 ? `项${item}（修订）` : `项${item}`, level: 3, parentCode: section });
    }
  }
  for (let k = 0; economic.length < economicSize; k++) {
    const klass = String(301 + (k % 10));
    if (k < 10) economic.push({ scheme: "ECONOMIC", code: klass, name: `经济类${klass}`, level: 1, parentCode: null });
    const section = `${klass}${String(1 + Math.floor(k / 10)).padStart(2, "0")}`;
    economic.push({ scheme: "ECONOMIC", code: section, name: `经济款${section}`, level: 2, parentCode: klass });
  }
  return { year, functional, economic };
}

let statements = 0;

async function measure(db: PrismaClient, admin: { userId: string; roles: [{ role: "ADMIN" }] }, year: number, size: number) {
  const book = syntheticBook(year, size, year % 2);
  const bytes = codeBookCsv(book);
  statements = 0;
  let started = performance.now();
  const preview = await previewCodeBookImport(db, admin, { year, fileName: `${year}.csv`, bytes });
  const previewMs = performance.now() - started;
  const previewStatements = statements;
  if (!preview.ok) throw new Error(preview.problems.map((p) => p.message).join("\n"));
  statements = 0;
  started = performance.now();
  await importCodeBook(db, admin, { ...preview.plan, effectiveOn: `${year}-01-01`, note: "", expectedRevision: preview.plan.nextRevision });
  const importMs = performance.now() - started;
  const { diff } = preview.plan;
  return {
    codes: book.functional.length + book.economic.length,
    bytes: bytes.byteLength,
    previewMs,
    previewStatements,
    importMs,
    importStatements: statements,
    diff: `+${diff.added.length} −${diff.removed.length} ~${diff.renamed.length}`,
  };
}

async function main(): Promise<void> {
  const dir = await mkdtemp(path.join(tmpdir(), "gongkai-bench-codebook-"));
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
    statements += 1;
  });
  try {
    log("Migrating…");
    const migrated = spawnSync(process.execPath, ["node_modules/prisma/build/index.js", "migrate", "deploy"], {
      cwd: projectRoot,
      env: { ...process.env, DATABASE_URL: database.url },
      stdio: ["ignore", "ignore", "inherit"],
    });
    if (migrated.status !== 0) throw new Error(`migrate deploy failed (exit ${migrated.status})`);
    const user = await createUser(db, { roles: [{ role: "ADMIN" }] });
    const admin = { userId: user.id, roles: [{ role: "ADMIN" as const }] as [{ role: "ADMIN" }] };
    const rows = [];
    // 2020/2021 warm up the client; then each year is compared with the one before
    await measure(db, admin, 2020, 200);
    for (const [year, size] of [[2021, 200], [2022, 2000], [2023, 2000]] as const) rows.push(await measure(db, admin, year, size));
    const lines = rows.map(
      (r) => `| ${r.codes} | ${(r.bytes / 1024).toFixed(0)} KB | ${ms(r.previewMs)} | ${r.previewStatements} | ${ms(r.importMs)} | ${r.importStatements} | ${r.diff} |`,
    );
    process.stdout.write(
      [
        `Code book load, one call at a time (load average: ${loadavg()[0]?.toFixed(2)}); SQL = statements the call issues (Prisma query events)`,
        "",
        "| codes | .csv | preview (read, check, diff) | SQL | load (one transaction) | SQL | diff vs last year |",
        "|---|---|---|---|---|---|---|",
        ...lines,
        "",
      ].join("\n"),
    );
  } finally {
    await db.$disconnect();
    await database.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
