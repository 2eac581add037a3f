import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { documentRenderers } from "@/app/document-renderers";
import { disconnectPrisma } from "@/lib/db";
import { seedDemo } from "@/lib/demo/seed-demo";
import { TABLE_IDS } from "@/lib/disclosure/table-model";
import { prisma, resetDatabase } from "@/tests/integration/db";
import { readReference, referenceTable } from "@/tests/reference-document";
import { databaseBudgetSource } from "./budget-source";
import { runCli } from "./run-cli";

beforeAll(async () => {
  await resetDatabase();
  await seedDemo(prisma, documentRenderers);
});
afterAll(disconnectPrisma);

async function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, databaseBudgetSource(prisma), { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

describe("the demo budget saved in PostgreSQL and loaded back", () => {
  it("derives the nine tables of the reference document, cell by cell", async () => {
    const { code, out } = await run(["tables", "--unit", "224001", "--year", "2024", "--json"]);
    expect(code).toBe(0);
    const parsed = JSON.parse(out) as { tables: { id: string; title: string; printed: string[][] }[] };
    expect(parsed.tables.map((t) => t.id)).toEqual([...TABLE_IDS]);
    const reference = readReference();
    for (const table of parsed.tables) {
      expect(table.printed, table.title).toEqual(referenceTable(reference, table.title).rows);
    }
  });

  it("passes the consistency check", async () => {
    const { code, out } = await run(["check", "--unit", "224001", "--year", "2024"]);
    expect(code).toBe(0);
    expect(out).toContain("未发现问题");
  });

  it("answers an unknown unit and an unknown year with a clear message", async () => {
    expect(await run(["tables", "--unit", "224999", "--year", "2024"])).toMatchObject({ code: 2, err: "未找到单位编码为“224999”的预算单位。" });
    const unknownYear = await run(["check", "--unit", "224001", "--year", "2023"]);
    expect(unknownYear.code).toBe(2);
    expect(unknownYear.err).toContain("没有2023年的预算。已有预算的年度：2024。");
  });
});
