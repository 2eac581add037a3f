import { afterAll, describe, expect, it } from "vitest";
import { disconnectPrisma } from "@/lib/db";
import { prisma, resetDatabase } from "./db";

afterAll(async () => {
  await prisma.$executeRawUnsafe(`DROP TABLE IF EXISTS "reset_probe"`);
  await disconnectPrisma();
});

describe("the integration test database", () => {
  it("is migrated, UTF-8, and round-trips Chinese text", async () => {
    const [row] = await prisma.$queryRaw<{ encoding: string; text: string; migrations: bigint }[]>`
      SELECT pg_encoding_to_char(encoding) AS encoding,
             '预算公开 基本支出'::text AS text,
             (SELECT count(*) FROM _prisma_migrations WHERE finished_at IS NOT NULL) AS migrations
      FROM pg_database WHERE datname = current_database()`;
    expect(row?.encoding).toBe("UTF8");
    expect(row?.text).toBe("预算公开 基本支出");
    expect(Number(row?.migrations)).toBeGreaterThan(0);
  });
});

describe("resetDatabase", () => {
  it("empties application tables and restarts their sequences, keeping the migration history", async () => {
    await prisma.$executeRawUnsafe(
      `CREATE TABLE IF NOT EXISTS "reset_probe" (id serial PRIMARY KEY, name text NOT NULL)`,
    );
    await prisma.$executeRawUnsafe(`INSERT INTO "reset_probe" (name) VALUES ('一'), ('二')`);

    await resetDatabase();

    const [after] = await prisma.$queryRaw<{ probes: bigint; migrations: bigint }[]>`
      SELECT (SELECT count(*) FROM "reset_probe") AS probes,
             (SELECT count(*) FROM _prisma_migrations) AS migrations`;
    expect(Number(after?.probes)).toBe(0);
    expect(Number(after?.migrations)).toBeGreaterThan(0);
    const [inserted] = await prisma.$queryRaw<{ id: number }[]>`
      INSERT INTO "reset_probe" (name) VALUES ('三') RETURNING id`;
    expect(inserted?.id).toBe(1);
  });
});
