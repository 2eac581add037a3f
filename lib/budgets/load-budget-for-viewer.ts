import { AppError } from "@/lib/app-error";
import type { Viewer } from "@/lib/auth/policies";
import { findReadableBudget, NOT_FOUND_MESSAGE } from "./budget-access";
import type { DbReader } from "./db-client";
import { loadBudget, type LoadedBudget } from "./queries";

/**
 * The newest version of a unit's budget for a year, if the viewer may read it. Budgets the viewer
 * may not read are reported as NOT_FOUND, exactly like budgets that do not exist.
 */
export async function loadBudgetForViewer(
  db: DbReader,
  viewer: Viewer | null,
  key: { unitCode: string; year: number },
): Promise<LoadedBudget> {
  const target = await findReadableBudget(db, viewer, key);
  const region = await db.region.findUnique({ where: { id: target.scope.regionId }, select: { code: true } });
  const loaded =
    region === null
      ? null
      : await loadBudget(db, { unitCode: key.unitCode, year: key.year, version: target.version, regionCode: region.code });
  if (loaded === null || loaded.meta.id !== target.id) throw new AppError("NOT_FOUND", NOT_FOUND_MESSAGE);
  return loaded;
}
