import type { DbClient } from "@/lib/budgets/db-client";
import { prisma } from "./db";

/**
 * A client whose transactions fail at one write (`model.method`, e.g. publishedArtifact.createMany),
 * to prove that the writes before it in the same transaction are undone.
 */
export function failingAt(model: string, method: string, message = "injected failure: the database went away"): DbClient {
  return {
    $transaction: (fn, options) =>
      prisma.$transaction(
        (tx) =>
          fn(
            new Proxy(tx, {
              get(target, property, receiver) {
                const value: unknown = Reflect.get(target, property, receiver);
                if (property !== model) return value;
                return { [method]: () => Promise.reject(new Error(message)) };
              },
            }),
          ),
        options,
      ),
  };
}
