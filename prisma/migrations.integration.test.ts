import { spawnSync } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { disconnectPrisma } from "@/lib/db";
import { prisma } from "@/tests/integration/db";

/**
 * The migrations must produce exactly the schema in schema.prisma, or `prisma migrate dev`
 * would generate surprise changes and deployed databases would differ from what the client
 * expects. `prisma migrate diff --exit-code` answers 0 for no difference and 2 for a difference.
 */

const root = path.resolve(import.meta.dirname, "..");
const schemaPath = path.join(root, "prisma/schema.prisma");
const migrationsPath = path.join(root, "prisma/migrations");

afterAll(disconnectPrisma);

function migrateDiff(...args: string[]) {
  const result = spawnSync(
    process.execPath,
    [path.join(root, "node_modules/prisma/build/index.js"), "migrate", "diff", ...args, "--exit-code"],
    { cwd: root, env: { ...process.env }, encoding: "utf8", timeout: 60_000 },
  );
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe("prisma/migrations", () => {
  it("produce exactly the schema of schema.prisma", () => {
    const diff = migrateDiff("--from-migrations", migrationsPath, "--to-schema", schemaPath);

    expect(diff.output).toContain("No difference detected");
    expect(diff.status).toBe(0);
  });

  it("left the migrated test database matching schema.prisma", () => {
    const diff = migrateDiff("--from-config-datasource", "--to-schema", schemaPath);

    expect(diff.output).toContain("No difference detected");
    expect(diff.status).toBe(0);
  });

  it("would notice a schema change (the check is not vacuous)", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "gongkai-drift-"));
    try {
      const changed = path.join(dir, "schema.prisma");
      const probe = '\nmodel DriftProbe {\n  id Int @id\n\n  @@map("drift_probe")\n}\n';
      await writeFile(changed, (await readFile(schemaPath, "utf8")) + probe);

      const diff = migrateDiff("--from-migrations", migrationsPath, "--to-schema", changed);

      expect(diff.status).toBe(2);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("add the CHECK constraints and append-only triggers that Prisma's diff does not see", async () => {
    const checks = await prisma.$queryRaw<{ name: string }[]>`
      SELECT conname AS name FROM pg_constraint
      WHERE contype = 'c' AND connamespace = current_schema()::regnamespace ORDER BY conname`;
    const triggers = await prisma.$queryRaw<{ name: string }[]>`
      SELECT tgname AS name FROM pg_trigger WHERE NOT tgisinternal ORDER BY tgname`;

    expect(checks.map((c) => c.name)).toEqual(
      expect.arrayContaining([
        "budgets_version_check",
        "budgets_amounts_check",
        "income_lines_amount_fen_check",
        "projects_spending_plan_check",
        "role_assignments_scope_check",
      ]),
    );
    expect(checks.length).toBeGreaterThanOrEqual(20);
    expect(checks.map((c) => c.name)).toEqual(
      expect.arrayContaining(["published_artifacts_sha256_check", "published_artifacts_size_check"]),
    );
    // Other migrations may add triggers of their own; these must all be there.
    expect(triggers.map((t) => t.name)).toEqual(expect.arrayContaining([
      "audit_events_append_only",
      "audit_events_chain",
      "audit_events_no_truncate",
      "department_artifacts_ledger",
      "department_artifacts_no_truncate",
      "publication_ledger_append_only",
      "publication_ledger_no_truncate",
      "published_artifacts_ledger",
      "published_artifacts_no_truncate",
      "department_artifacts_append_only",
      "department_artifacts_notify",
      "department_snapshot_budgets_append_only",
      "department_snapshots_notify",
      "department_snapshots_permanent",
      "published_artifacts_append_only",
      "published_artifacts_notify",
      "published_snapshots_notify",
      "published_snapshots_permanent",
    ]));
  });
});
