import type { RoleSpec } from "@/lib/demo/factories";
import { createUser } from "@/lib/demo/factories";
import { guantao2024CodeBook } from "@/lib/demo/guantao-2024";
import type { Viewer } from "@/lib/auth/policies";
import type { CodeBook } from "@/lib/disclosure/types";
import type { DbReader } from "./db-client";
import { loadBudget } from "./queries";

/** A 项 that only the 2023 code book has, to prove that codes are checked against the budget's own year. */
export const RETIRED_2023_CODE = "2013798";

/** The 2023 code book: the 2024 one plus a code retired in 2024. */
export const codeBook2023: CodeBook = {
  ...guantao2024CodeBook,
  year: 2023,
  functional: [
    ...guantao2024CodeBook.functional,
    { scheme: "FUNCTIONAL", code: RETIRED_2023_CODE, name: "已撤销的网信事务科目", level: 3, parentCode: "20137" },
  ],
};

/** A stored user with the given roles, and the Viewer authorization sees for them. */
export async function createViewer(db: DbReader, roles: readonly RoleSpec[]): Promise<Viewer> {
  const user = await createUser(db, { roles });
  return { userId: user.id, roles: roles.map((spec) => ({ ...spec })) };
}

/** Where a unit sits, by its code (unique in the tests). */
export async function unitScope(db: DbReader, unitCode: string): Promise<{ unitId: number; departmentId: number; regionId: number }> {
  const unit = await db.unit.findFirstOrThrow({ where: { code: unitCode }, select: { id: true, departmentId: true, regionId: true } });
  return { unitId: unit.id, departmentId: unit.departmentId, regionId: unit.regionId };
}

/** Everything a write could change about a unit's budget for a year, to compare before and after a refusal. */
export async function dumpBudget(db: DbReader, key: { unitCode: string; year: number }) {
  const loaded = await loadBudget(db, key);
  const id = loaded?.meta.id ?? -1;
  return {
    budget: loaded?.budget ?? null,
    meta: loaded?.meta ?? null,
    changes: await db.budgetChange.count({ where: { budgetId: id } }),
    events: await db.budgetEvent.count({ where: { budgetId: id } }),
  };
}

/** What a finance reviewer does before units start a year: open it with the year's newest code book revision. */
export async function openYearForTest(db: DbReader, regionId: number, year: number): Promise<{ codeBookRevisionId: number }> {
  const revision = await db.codeBookRevision.findFirstOrThrow({ where: { year }, orderBy: { revision: "desc" }, select: { id: true } });
  await db.budgetYear.create({ data: { regionId, year, codeBookRevisionId: revision.id, submissionDeadline: new Date(Date.UTC(year, 0, 31)) } });
  return { codeBookRevisionId: revision.id };
}
