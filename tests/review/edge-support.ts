import type { Viewer } from "@/lib/auth/policies";
import { createViewer } from "@/lib/budgets/test-support";
import type { CreatedUnit } from "@/lib/demo/factories";
import { prisma } from "@/tests/integration/db";

/** Helpers for the edge tests (server actions and page loaders run as every kind of viewer). */

export type Who = "accountant" | "otherAccountant" | "departmentReviewer" | "financeReviewer" | "otherFinanceReviewer" | "admin" | "anonymous";

export const EVERYONE: readonly Who[] = [
  "accountant",
  "otherAccountant",
  "departmentReviewer",
  "financeReviewer",
  "otherFinanceReviewer",
  "admin",
  "anonymous",
];

/** One viewer of each kind around a unit's budget; "other…" hold the same role for another unit (and its region). */
export async function viewersOf(unit: CreatedUnit, other: CreatedUnit): Promise<Record<Who, Viewer | null>> {
  return {
    accountant: await createViewer(prisma, [{ role: "ACCOUNTANT", unitId: unit.unitId }]),
    otherAccountant: await createViewer(prisma, [{ role: "ACCOUNTANT", unitId: other.unitId }]),
    departmentReviewer: await createViewer(prisma, [{ role: "DEPARTMENT_REVIEWER", departmentId: unit.departmentId }]),
    financeReviewer: await createViewer(prisma, [{ role: "FINANCE_REVIEWER", regionId: unit.regionId }]),
    otherFinanceReviewer: await createViewer(prisma, [{ role: "FINANCE_REVIEWER", regionId: other.regionId }]),
    admin: await createViewer(prisma, [{ role: "ADMIN" }]),
    anonymous: null,
  };
}

/** A server action's form data, as the browser posts it. */
export function form(fields: Record<string, string | number>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, String(value));
  return data;
}
