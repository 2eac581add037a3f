import { AppError } from "@/lib/app-error";
import type { Budget } from "@/lib/disclosure/types";
import { Prisma } from "@/lib/generated/prisma/client";
import { budgetChanges, type LeafValue } from "./budget-changes";
import { BudgetStoreError } from "./budget-store-error";
import type { DbReader } from "./db-client";
import { writeBudget } from "./save-budget";

export interface DraftChangeSet {
  budgetId: number;
  version: number;
  /** the budget as stored before this change */
  before: Budget;
  after: Budget;
  /** the lockVersion the change was made from (optimistic locking) */
  expectedLockVersion: number;
  userId: string | null;
  /** what the user is told when someone else saved or submitted first */
  conflictMessage: string;
}

/**
 * Writes a draft's new content and its change log (one row per changed field, old → new), inside
 * the caller's transaction: the one way the forms and the imports change a draft. A save or a
 * submission that committed since the read becomes a CONFLICT with the caller's message.
 */
export async function writeDraftChangeSet(tx: DbReader, change: DraftChangeSet): Promise<{ lockVersion: number; changedFields: number }> {
  const saved = await writeBudget(tx, { budget: change.after, version: change.version, expectedLockVersion: change.expectedLockVersion }).catch((error: unknown) => {
    if (error instanceof BudgetStoreError && (error.code === "STALE_VERSION" || error.code === "NOT_EDITABLE")) {
      throw new AppError("CONFLICT", change.conflictMessage);
    }
    throw error;
  });
  const changes = budgetChanges(change.before, change.after);
  if (changes.length > 0) {
    await tx.budgetChange.createMany({
      data: changes.map((leaf) => ({
        budgetId: change.budgetId,
        userId: change.userId,
        path: leaf.path,
        oldValue: jsonValue(leaf.oldValue),
        newValue: jsonValue(leaf.newValue),
      })),
    });
  }
  return { lockVersion: saved.lockVersion, changedFields: changes.length };
}

/** A leaf that did not exist is stored as SQL NULL, a leaf that is null as JSON null. */
function jsonValue(value: LeafValue | undefined): Prisma.InputJsonValue | typeof Prisma.DbNull | typeof Prisma.JsonNull {
  if (value === undefined) return Prisma.DbNull;
  if (value === null) return Prisma.JsonNull;
  return value;
}
