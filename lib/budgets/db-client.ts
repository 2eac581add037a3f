import type { Prisma } from "@/lib/generated/prisma/client";

/** Any Prisma client, or the client of an open transaction: enough to read and write rows. */
export type DbReader = Prisma.TransactionClient;

/** A Prisma client that can open a transaction (whatever its log or extension options). */
export interface DbClient {
  $transaction<R>(
    fn: (tx: Prisma.TransactionClient) => Promise<R>,
    options?: { maxWait?: number; timeout?: number; isolationLevel?: Prisma.TransactionIsolationLevel },
  ): Promise<R>;
}
