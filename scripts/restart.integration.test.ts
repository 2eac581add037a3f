import { spawnSync } from "node:child_process";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, describe, expect, it } from "vitest";
import { projectRoot } from "@/lib/database/acquire-database";
import { disconnectPrisma } from "@/lib/db";
import { DEMO_USERS } from "@/lib/demo/demo-users";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { openCorrection } from "@/lib/workflow/open-correction";
import { prisma } from "@/tests/integration/db";
import { SET_UP_STEPS } from "./lib/set-up-steps";

/**
 * What `npm start` does to a database before it serves (scripts/lib/set-up-steps.ts: migrate,
 * then prisma/seed.ts), run as child processes exactly as scripts/start.ts runs them, against
 * databases of their own in the test cluster.
 */

const databases: { name: string; client: PrismaClient }[] = [];

async function freshDatabase(name: string): Promise<{ url: string; client: PrismaClient }> {
  await prisma.$executeRawUnsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await prisma.$executeRawUnsafe(`CREATE DATABASE "${name}"`);
  const url = new URL(process.env.DATABASE_URL ?? "");
  url.pathname = `/${name}`;
  const client = new PrismaClient({ adapter: new PrismaPg({ connectionString: url.toString() }) });
  databases.push({ name, client });
  return { url: url.toString(), client };
}

afterAll(async () => {
  for (const { name, client } of databases) {
    await client.$disconnect();
    await prisma.$executeRawUnsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  }
  await disconnectPrisma();
});

/** One start-up's set-up, as scripts/start.ts runs it; returns what the steps printed. */
function startUp(url: string, demo: "true" | "false"): string {
  let output = "";
  for (const step of SET_UP_STEPS) {
    const result = spawnSync(process.execPath, [path.join(projectRoot, step.script), ...step.args], {
      cwd: projectRoot,
      // No Chromium: the demo publishes without PDFs (seconds faster; PDFs are not what is tested here).
      env: { ...process.env, DATABASE_URL: url, GONGKAI_DEMO: demo, GONGKAI_CHROMIUM_PATH: "/nonexistent/chromium" },
      encoding: "utf8",
      timeout: 180_000,
    });
    output += `${result.stdout}${result.stderr}`;
    expect(result.status, `${step.title}:\n${output}`).toBe(0);
  }
  return output;
}

/** Every row of every table (sessions aside), each table's rows sorted: a dump without pg_dump. */
async function dump(client: PrismaClient): Promise<Record<string, string[]>> {
  const tables = await client.$queryRaw<{ tablename: string }[]>`
    SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename <> 'sessions' ORDER BY tablename`;
  const result: Record<string, string[]> = {};
  for (const { tablename } of tables) {
    const rows = await client.$queryRawUnsafe<{ row: string }[]>(
      `SELECT to_jsonb(t)::text AS row FROM "${tablename.replaceAll('"', '""')}" t ORDER BY 1`,
    );
    result[tablename] = rows.map(({ row }) => row);
  }
  return result;
}

describe("npm start's set-up (migrate + seed) on a database in use", () => {
  it("changes nothing, twice, while 224001 has an open correction draft and a budget waits in review", async () => {
    const { url, client } = await freshDatabase("gongkai_restart_test");
    expect(startUp(url, "true")).toContain("Seed: loaded the demo into the empty database");

    // The demo accountant opens a correction of the published 224001/2024: a DRAFT v2 nobody reviewed.
    const accountant = DEMO_USERS.find((user) => user.role === "ACCOUNTANT");
    const user = await client.user.findUniqueOrThrow({
      where: { email: accountant?.email ?? "" },
      select: { id: true, roleAssignments: { select: { role: true, unitId: true } } },
    });
    const published = await client.budget.findFirstOrThrow({ where: { year: 2024, unit: { code: "224001" }, status: "PUBLISHED" }, select: { id: true } });
    const viewer = { userId: user.id, roles: user.roleAssignments.map(({ role, unitId }) => ({ role, ...(unitId === null ? {} : { unitId }) })) };
    const correction = await openCorrection(client, viewer, { budgetId: published.id, correctionNote: "更正：测试重启不会报送或公开此草稿。" });
    const budgets = async () =>
      (await client.budget.findMany({ select: { unit: { select: { code: true } }, version: true, status: true }, orderBy: [{ unitId: "asc" }, { version: "asc" }] })).map(
        (b) => `${b.unit.code} v${b.version} ${b.status}`,
      );
    expect(await budgets()).toEqual(expect.arrayContaining(["224001 v1 PUBLISHED", "224001 v2 DRAFT", "303001 v1 SUBMITTED"]));
    const publicFiles = async () =>
      (await client.publishedSnapshot.findMany({ select: { budget: { select: { unit: { select: { code: true } } } }, version: true, contentHash: true }, orderBy: { id: "asc" } })).map(
        (s) => `${s.budget.unit.code} v${s.version} ${s.contentHash}`,
      );
    const publicBefore = await publicFiles();
    const before = await dump(client);
    expect(before.budgets).toHaveLength(5);
    expect(before.audit_events?.length).toBeGreaterThan(0);

    for (let restart = 1; restart <= 2; restart += 1) {
      expect(startUp(url, "true")).toContain("Seed: the database is not empty; the demo is loaded only into an empty database. Nothing changed.");
    }

    expect(await dump(client)).toEqual(before);
    expect(await budgets()).toEqual(expect.arrayContaining(["224001 v2 DRAFT", "303001 v1 SUBMITTED"]));
    expect(await client.budget.findUniqueOrThrow({ where: { id: correction.budgetId }, select: { status: true } })).toEqual({ status: "DRAFT" });
    // The public site reads published snapshots only: the same ones, and no v2.
    expect(await publicFiles()).toEqual(publicBefore);
    expect(publicBefore.filter((line) => line.startsWith("224001 "))).toEqual([expect.stringMatching(/^224001 v1 /)]);
  }, 240_000);

  it("with GONGKAI_DEMO=false, loads nothing into an empty database: no region, unit, budget, publication or account", async () => {
    const { url, client } = await freshDatabase("gongkai_no_demo_test");

    const output = startUp(url, "false");

    expect(output).toContain("Seed: GONGKAI_DEMO=false: no demo data is loaded; nothing changed.");
    expect(output).toContain("npm run gongkai -- admin create-user");
    const rows = await dump(client);
    expect(Object.keys(rows)).toEqual(expect.arrayContaining(["regions", "units", "users", "budgets", "published_snapshots", "audit_events"]));
    const nonEmpty = Object.entries(rows).filter(([table, list]) => table !== "_prisma_migrations" && list.length > 0);
    expect(nonEmpty).toEqual([]);
    expect(await client.user.count()).toBe(0);
  }, 120_000);
});
