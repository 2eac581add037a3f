/**
 * The reviewers' reads against a realistic county: the review queue (listReviewQueue, and
 * listQueueDepartments for its filter), the publication-deadline dashboard (loadDeadlineDashboard)
 * and the review screen of one budget (loadReviewScreen). A throw-away embedded PostgreSQL is
 * migrated and filled with the factories of lib/demo/factories.ts in two stages, 30 units in 4
 * departments and then 300 units in 40, each with a 2024 budget (statuses spread over the
 * workflow) and its approved 2023 budget; every call is timed (mean, p95) and its SQL statements
 * counted (Prisma query events) at both sizes, so a count that grows with the units shows.
 * Finally the review screen of a synthetic 2,000-line budget. Run with
 * `npx tsx scripts/bench-workflow.ts`; prints numbers, asserts nothing.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { PrismaPg } from "@prisma/adapter-pg";
import type { Viewer } from "@/lib/auth/policies";
import { saveCodeBook } from "@/lib/budgets/save-code-book";
import { projectRoot } from "@/lib/database/acquire-database";
import { startEmbeddedDatabase } from "@/lib/database/embedded-server";
import { findFreePort } from "@/lib/database/ports";
import { loadDeadlineDashboard } from "@/lib/deadlines/queries";
import {
  buildBudgetFor,
  createUnit,
  createUnitInDepartment,
  ensureRegionChain,
  GUANTAO_REGION_CHAIN,
  writeBudgetWithHistory,
  type CreatedUnit,
  type FactoryStatus,
} from "@/lib/demo/factories";
import { guantao2024CodeBook } from "@/lib/demo/guantao-2024";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { listQueueDepartments, listReviewQueue, loadReviewScreen, REVIEW_SCREEN_STATEMENTS } from "@/lib/review/queries";
import { syntheticBudget } from "./lib/synthetic-budget";
import { ms, timeAsync, type Timing } from "./lib/timing";

const RUNS = 30;
const WARM_UP = 3;
/** 2024 statuses, in turn; DEPARTMENT_REVIEW only where the department reviews. */
const STATUSES: readonly FactoryStatus[] = ["SUBMITTED", "FINANCE_REVIEW", "APPROVED", "SIGNED_OFF", "RETURNED", "FINANCE_REVIEW", "DRAFT"];
const BATCH = 25;

const log = (message: string) => process.stderr.write(`[bench] ${message}\n`);

interface County {
  regionId: number;
  departments: CreatedUnit[];
  units: CreatedUnit[];
  /** departments with their own review (every fourth) */
  reviewing: Set<number>;
}

let queryCount = 0;
/** sum of the statements' durations as Prisma reports them (ms) */
let queryMs = 0;

async function grow(db: PrismaClient, county: County, departmentTarget: number, unitTarget: number): Promise<void> {
  const started = performance.now();
  const newUnits: CreatedUnit[] = [];
  const firstNewDepartment = county.departments.length;
  while (county.departments.length < departmentTarget) {
    const n = county.departments.length + 1;
    const unit = await createUnit(db, {
      regionCode: "130433",
      departmentCode: `9${String(n).padStart(2, "0")}`,
      unitCode: `9${String(n).padStart(2, "0")}001`,
      unitName: `部门${n}本级`,
    });
    if (n % 4 === 1) {
      await db.department.update({ where: { id: unit.departmentId }, data: { hasDepartmentReview: true } });
      county.reviewing.add(unit.departmentId);
    }
    county.departments.push(unit);
    newUnits.push(unit);
  }
  const newDepartments = county.departments.slice(firstNewDepartment);
  let k = 0;
  while (county.units.length + newUnits.length < unitTarget) {
    const department = newDepartments[k % newDepartments.length] as CreatedUnit;
    const n = county.units.length + newUnits.length + 1;
    newUnits.push(await createUnitInDepartment(db, department, { unitCode: `${department.department.code}${String(100 + k).padStart(3, "0")}`, unitName: `下属单位${n}` }));
    k += 1;
  }
  for (let i = 0; i < newUnits.length; i += BATCH) {
    const batch = newUnits.slice(i, i + BATCH);
    await db.$transaction(
      async (tx) => {
        for (const [j, unit] of batch.entries()) {
          const index = county.units.length + i + j;
          let status = STATUSES[index % STATUSES.length] as FactoryStatus;
          if (county.reviewing.has(unit.departmentId) && status === "SUBMITTED" && index % 2 === 0) status = "DEPARTMENT_REVIEW";
          const day = (index % 28) + 1;
          await writeBudgetWithHistory(tx, { budget: buildBudgetFor(unit, { year: 2023 }), status: "APPROVED", at: new Date(Date.UTC(2023, 1, day)) });
          await writeBudgetWithHistory(tx, {
            budget: buildBudgetFor(unit, { year: 2024 }),
            status,
            at: new Date(Date.UTC(2024, 1, day, 8, index % 60)),
            comment: index % 3 === 0 ? "C1|2010101：项目支出增长系新增网络安全项目" : undefined,
          });
        }
      },
      { timeout: 120_000 },
    );
  }
  county.units.push(...newUnits);
  log(`County now ${county.departments.length} departments, ${county.units.length} units (${((performance.now() - started) / 1000).toFixed(1)} s)`);
}

interface Measured {
  label: string;
  rows: number;
  queries: number;
  /** mean time per call spent in its SQL statements (Prisma's query duration) */
  sqlMs: number;
  timing: Timing;
  /** the statement count the code documents and a test holds (printed beside the count) */
  anchor?: number;
}

async function measure(label: string, call: () => Promise<unknown>, rowsOf: (result: never) => number, anchor?: number): Promise<Measured> {
  queryCount = 0;
  const result = await call();
  const queries = queryCount;
  for (let i = 0; i < WARM_UP; i++) await call();
  queryMs = 0;
  const timing = await timeAsync(RUNS, 0, call);
  return { label, rows: rowsOf(result as never), queries, sqlMs: queryMs / RUNS, timing, anchor };
}

async function measureAll(db: PrismaClient, county: County): Promise<Measured[]> {
  const finance: Viewer = { userId: "bench-finance", roles: [{ role: "FINANCE_REVIEWER", regionId: county.regionId }] };
  const reviewingDepartment = county.departments.find((d) => county.reviewing.has(d.departmentId)) as CreatedUnit;
  const departmentReviewer: Viewer = { userId: "bench-department", roles: [{ role: "DEPARTMENT_REVIEWER", departmentId: reviewingDepartment.departmentId }] };
  const target = await db.budget.findFirstOrThrow({
    where: { year: 2024, status: "FINANCE_REVIEW", unit: { regionId: county.regionId } },
    orderBy: { id: "asc" },
    select: { id: true },
  });
  const length = (items: unknown[]) => items.length;
  return [
    await measure("listReviewQueue, finance reviewer, waiting (default)", () => listReviewQueue(db, finance), length),
    await measure("listReviewQueue, finance reviewer, all statuses", () => listReviewQueue(db, finance, { status: "ALL" }), length),
    await measure("listReviewQueue, department reviewer, waiting", () => listReviewQueue(db, departmentReviewer), length),
    await measure("listQueueDepartments, finance reviewer", () => listQueueDepartments(db, finance), length),
    await measure("loadDeadlineDashboard, finance reviewer, 2024", () => loadDeadlineDashboard(db, finance, { year: 2024 }), (d: { rows: unknown[] }) => d.rows.length),
    await measure("loadReviewScreen, demo budget with a 2023 budget", () => loadReviewScreen(db, finance, target.id), () => 1, REVIEW_SCREEN_STATEMENTS),
  ];
}

/** The statement count, and beside it the anchor (at most REVIEW_SCREEN_STATEMENTS: 10 after two submissions). */
function sqlCell(m: Measured): string {
  return m.anchor === undefined ? String(m.queries) : `${m.queries} (anchor ≤ ${m.anchor})`;
}

function table(stages: { units: number; departments: number; results: Measured[] }[]): string {
  const [first] = stages;
  if (first === undefined) return "";
  const header = ["call", ...stages.flatMap((s) => [`rows (${s.units} units)`, `SQL (${s.units})`, `mean (${s.units})`, `p95 (${s.units})`, `in SQL (${s.units})`])];
  const lines = first.results.map((result, i) => {
    const cells = stages.flatMap((s) => {
      const m = s.results[i] as Measured;
      return [String(m.rows), sqlCell(m), `${ms(m.timing.meanMs)} ms`, `${ms(m.timing.p95Ms)} ms`, `${ms(m.sqlMs)} ms`];
    });
    return `| ${result.label} | ${cells.join(" | ")} |`;
  });
  return [`| ${header.join(" | ")} |`, `|${header.map(() => "---").join("|")}|`, ...lines].join("\n");
}

async function main(): Promise<void> {
  const dir = await mkdtemp(path.join(tmpdir(), "gongkai-bench-workflow-"));
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
  db.$on("query", (event) => {
    queryCount += 1;
    queryMs += event.duration;
  });
  try {
    log("Migrating…");
    const migrated = spawnSync(process.execPath, ["node_modules/prisma/build/index.js", "migrate", "deploy"], {
      cwd: projectRoot,
      env: { ...process.env, DATABASE_URL: database.url },
      stdio: ["ignore", "ignore", "inherit"],
    });
    if (migrated.status !== 0) throw new Error(`migrate deploy failed (exit ${migrated.status})`);
    await saveCodeBook(db, guantao2024CodeBook);
    await saveCodeBook(db, { ...guantao2024CodeBook, year: 2023 });
    const { regionId } = await db.$transaction((tx) => ensureRegionChain(tx, GUANTAO_REGION_CHAIN));
    const county: County = { regionId, departments: [], units: [], reviewing: new Set() };

    const stages: { units: number; departments: number; results: Measured[] }[] = [];
    for (const [departments, units] of [
      [4, 30],
      [40, 300],
    ] as const) {
      await grow(db, county, departments, units);
      await db.$executeRawUnsafe("ANALYZE");
      log(`Measuring at ${units} units (${RUNS} runs per call)…`);
      stages.push({ units, departments, results: await measureAll(db, county) });
    }

    // One large unit: the synthetic budget of scripts/bench-checker.ts, for 2025, under finance review.
    const synthetic = syntheticBudget(2000, 100);
    const large = county.units[0] as CreatedUnit;
    await saveCodeBook(db, { ...synthetic.codeBook, year: 2025 });
    const saved = await db.$transaction(
      (tx) =>
        writeBudgetWithHistory(tx, {
          budget: { ...buildBudgetFor(large, synthetic.budget), year: 2025 },
          status: "FINANCE_REVIEW",
        }),
      { timeout: 120_000 },
    );
    const finance: Viewer = { userId: "bench-finance", roles: [{ role: "FINANCE_REVIEWER", regionId }] };
    const largeScreen = await measure(
      "loadReviewScreen, synthetic budget (2,000 lines, 100 projects)",
      () => loadReviewScreen(db, finance, saved.id),
      () => 1,
      REVIEW_SCREEN_STATEMENTS,
    );
    const queueWithLarge = await measure("listReviewQueue, finance reviewer, waiting, the synthetic budget included", () => listReviewQueue(db, finance), (items: unknown[]) => items.length);

    console.log(
      [
        `Reviewer reads, one call at a time, ${RUNS} runs after ${WARM_UP} warm-up (load average: ${loadavg()[0]?.toFixed(2)}); SQL = statements one call issues`,
        "",
        table(stages),
        "",
        "| call (300 units and one large budget) | rows | SQL | mean | p95 | in SQL |",
        "|---|---|---|---|---|---|",
        ...[largeScreen, queueWithLarge].map(
          (m) => `| ${m.label} | ${m.rows} | ${sqlCell(m)} | ${ms(m.timing.meanMs)} ms | ${ms(m.timing.p95Ms)} ms | ${ms(m.sqlMs)} ms |`,
        ),
      ].join("\n"),
    );
  } finally {
    await db.$disconnect();
    await database.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  log(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exitCode = 1;
});
