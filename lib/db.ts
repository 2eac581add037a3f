import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { requireDatabaseUrl } from "@/lib/env";

/**
 * Next.js dev re-evaluates modules on every edit; keeping the client on globalThis stops each
 * reload from opening a new connection pool.
 */
const globalForPrisma = globalThis as typeof globalThis & { gongkaiPrisma?: PrismaClient };

function getPrismaClient(): PrismaClient {
  globalForPrisma.gongkaiPrisma ??= new PrismaClient({
    adapter: new PrismaPg({ connectionString: requireDatabaseUrl() }),
  });
  return globalForPrisma.gongkaiPrisma;
}

/**
 * The application's one Prisma client. It is created on first use, not on import, so `next build`
 * and modules that merely import it work without DATABASE_URL; it is required from then on.
 */
export const prisma: PrismaClient = new Proxy(
  // The target is never read: every property access goes to the real client.
  {} as PrismaClient,
  {
    get(_target, property) {
      const client = getPrismaClient();
      const value: unknown = Reflect.get(client, property, client);
      return typeof value === "function" ? value.bind(client) : value;
    },
  },
);

/** For scripts and tests that must let the process exit; a no-op if the client was never used. */
export async function disconnectPrisma(): Promise<void> {
  const client = globalForPrisma.gongkaiPrisma;
  globalForPrisma.gongkaiPrisma = undefined;
  await client?.$disconnect();
}
