import { readFileSync } from "node:fs";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/auth/policies";
import { disconnectPrisma } from "@/lib/db";
import { createBudget } from "@/lib/demo/factories";
import { guantao2024CodeBook } from "@/lib/demo/guantao-2024";
import { saveCodeBook } from "@/lib/budgets/save-code-book";
import { createViewer, unitScope } from "@/lib/budgets/test-support";
import { requireDatabaseUrl } from "@/lib/env";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { prisma, resetDatabase } from "@/tests/integration/db";
import { importBudgetWorkbook } from "./import-budget-workbook";

/**
 * Saving an imported budget costs the same number of SQL statements whatever its number of lines:
 * rows are written in batches (createMany), never one statement per line.
 */

const key = { unitCode: "224001", year: 2024 };
const fixtures = path.resolve(__dirname, "../../tests/fixtures/excel");

/** A client of its own that counts every statement it sends. */
const counting = new PrismaClient({
  adapter: new PrismaPg({ connectionString: requireDatabaseUrl() }),
  log: [{ emit: "event", level: "query" }],
});
let statements: string[] = [];
counting.$on("query", (event) => statements.push(event.query));

let accountant: Viewer;

/** A statement without its values: the same INSERT for 20 or 2,000 rows is one kind. */
function kindOf(statement: string): string {
  return statement.replace(/\$\d+/g, "$").replace(/(\(\$(,\$)*\),?)+/g, "(…)").slice(0, 200);
}

beforeEach(async () => {
  await resetDatabase();
  await saveCodeBook(prisma, guantao2024CodeBook);
  await createBudget(prisma, { status: "DRAFT" });
  const scope = await unitScope(prisma, key.unitCode);
  accountant = await createViewer(prisma, [{ role: "ACCOUNTANT", unitId: scope.unitId }]);
});
afterAll(async () => {
  await counting.$disconnect();
  await disconnectPrisma();
});

async function statementsToSave(fileName: string): Promise<{ count: number; lines: number; byKind: Map<string, number> }> {
  const bytes = new Uint8Array(readFileSync(path.join(fixtures, fileName)));
  statements = [];
  const result = await importBudgetWorkbook(counting, accountant, { ...key, fileName, bytes, baseLockVersion: 0 });
  expect(result, JSON.stringify(result).slice(0, 2000)).toMatchObject({ ok: true });
  const saved = await prisma.expenditureLine.count();
  const byKind = new Map<string, number>();
  for (const statement of statements) byKind.set(kindOf(statement), (byKind.get(kindOf(statement)) ?? 0) + 1);
  return { count: statements.length, lines: saved, byKind };
}

describe("saving an imported workbook", () => {
  it("issues no statement per line: the 2,000-line unit costs the statements of the reference, table by table", async () => {
    const small = await statementsToSave("guantao-2024-lines-a.xlsx");
    await resetDatabase();
    await saveCodeBook(prisma, guantao2024CodeBook);
    await createBudget(prisma, { status: "DRAFT" });
    const scope = await unitScope(prisma, key.unitCode);
    accountant = await createViewer(prisma, [{ role: "ACCOUNTANT", unitId: scope.unitId }]);
    const large = await statementsToSave("large-unit-2000-lines.xlsx");
    expect(large.lines).toBeGreaterThan(small.lines * 10);
    // The reference has no 三公 rows and saves no change (it equals the draft): those two batched
    // inserts are skipped there. Every other statement is the same, once per table, not per line.
    expect(large.count - small.count, `small: ${small.count}, large: ${large.count}`).toBeLessThanOrEqual(2);
    for (const [kind, count] of large.byKind) expect(count, kind).toBeLessThanOrEqual(Math.max(1, small.byKind.get(kind) ?? 0));
  });
});
