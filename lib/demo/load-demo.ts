import type { DbClient, DbReader } from "@/lib/budgets/db-client";
import { seedDemoDepartment } from "@/lib/department/seed-department";
import type { DocumentRenderers } from "@/lib/publication/publish-budget";
import { seedDeadlineDemo } from "./seed-deadline-demo";
import { seedDemo, type SeedReport } from "./seed-demo";

/**
 * When the demo is loaded: the ONE place that decides it (docs/decisions/0012-demo-and-production.md).
 *
 * - GONGKAI_DEMO=false: never; nothing is written.
 * - GONGKAI_DEMO=true (the default of `npm start`): only into an empty database, once, in one
 *   transaction. Once anything exists (a region, a unit, a user or a budget: the demo's own rows,
 *   or a real region's), no start ever loads, changes, submits or publishes anything.
 */

/** What decides whether a database is empty. */
export interface DatabaseContents {
  regions: number;
  units: number;
  users: number;
  budgets: number;
}

export type DemoDecision = "load" | "disabled" | "not-empty";

/** Empty: no region, no unit, no user (account) and no budget. */
export function isEmptyDatabase(contents: DatabaseContents): boolean {
  return contents.regions === 0 && contents.units === 0 && contents.users === 0 && contents.budgets === 0;
}

export function decideDemo(isDemoEnabled: boolean, contents: DatabaseContents): DemoDecision {
  if (!isDemoEnabled) return "disabled";
  return isEmptyDatabase(contents) ? "load" : "not-empty";
}

export async function countContents(tx: DbReader): Promise<DatabaseContents> {
  return { regions: await tx.region.count(), units: await tx.unit.count(), users: await tx.user.count(), budgets: await tx.budget.count() };
}

export type DemoOutcome =
  | { decision: "disabled" | "not-empty"; contents: DatabaseContents }
  | {
      decision: "load";
      contents: DatabaseContents;
      report: SeedReport;
      /** more units of 馆陶县 (lib/demo/seed-deadline-demo.ts) */
      deadlineUnits: number;
      isDepartmentPublished: boolean;
    };

/** Any two start-ups at once on one database: the second waits, then finds it no longer empty. */
const DEMO_LOCK_KEY = 4_711_2024;

/** Long enough for the three PDFs the demo publishes (Chromium takes seconds each). */
const DEMO_TRANSACTION_TIMEOUT_MS = 10 * 60_000;

/**
 * Loads the demo if decideDemo says so. Every step of the demo (seed, workflow use cases,
 * publications) runs inside one transaction: an interrupted load leaves the database empty, and
 * the next start tries again from scratch instead of "repairing" half a demo.
 */
export async function loadDemo(
  db: DbClient & DbReader,
  renderers: DocumentRenderers,
  options: { isDemoEnabled: boolean; now?: Date },
): Promise<DemoOutcome> {
  if (!options.isDemoEnabled) return { decision: "disabled", contents: await countContents(db) };
  return db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${DEMO_LOCK_KEY}::bigint)`;
      const contents = await countContents(tx);
      const decision = decideDemo(true, contents);
      if (decision !== "load") return { decision, contents };
      const inside = joinTransaction(tx);
      const report = await seedDemo(inside, renderers);
      const deadlines = await seedDeadlineDemo(inside, renderers, options.now);
      const isDepartmentPublished = await seedDemoDepartment(inside, renderers);
      // The codebooks helper's 2025 demo code book goes here (one call, same `inside` client).
      return { decision, contents, report, deadlineUnits: deadlines.unitsCreated, isDepartmentPublished };
    },
    { timeout: DEMO_TRANSACTION_TIMEOUT_MS },
  );
}

/**
 * The open transaction as a client whose $transaction runs in it (no nested transaction): the
 * use cases the demo calls open their own transactions, which here become part of the demo's one.
 */
export function joinTransaction(tx: DbReader): DbClient & DbReader {
  const joined: DbClient = { $transaction: (fn) => fn(tx) };
  return new Proxy(tx, {
    get(target, property) {
      if (property === "$transaction") return joined.$transaction;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  }) as DbClient & DbReader;
}
