import { prisma } from "@/lib/db";

/** The application's own client, so tests and the code under test share one connection pool. */
export { prisma };

/**
 * Empties every application table (not the migration history) and resets sequences, so each test
 * starts from a known state. Tables are discovered, not listed, so a new model needs no edit here.
 */
export async function resetDatabase(): Promise<void> {
  const tables = await prisma.$queryRaw<{ tablename: string }[]>`
    SELECT tablename FROM pg_tables
    WHERE schemaname = current_schema() AND tablename <> '_prisma_migrations'`;
  if (tables.length === 0) return;
  const quoted = tables.map(({ tablename }) => `"${tablename.replaceAll('"', '""')}"`);
  // The append-only tables refuse TRUNCATE by trigger; replica mode lets the tests' reset past them.
  await prisma.$transaction([
    prisma.$executeRawUnsafe("SET LOCAL session_replication_role = replica"),
    prisma.$executeRawUnsafe(`TRUNCATE TABLE ${quoted.join(", ")} RESTART IDENTITY CASCADE`),
  ]);
}
