import type { Viewer } from "@/lib/auth/policies";
import { createViewer, unitScope } from "@/lib/budgets/test-support";
import type { DbReader } from "@/lib/budgets/db-client";
import { createBudget, createUnit, type FactoryStatus } from "@/lib/demo/factories";
import type { DbClient } from "@/lib/budgets/db-client";

/** The people of the authorization matrix, relative to the demo unit 224001 (馆陶县, department 224). */
export const ROLE_NAMES = [
  "accountant of the unit",
  "accountant of another unit",
  "head of the unit",
  "head of another unit",
  "department reviewer of the department",
  "department reviewer of another department",
  "finance reviewer of the region",
  "finance reviewer of another region",
  "administrator",
  "anonymous",
] as const;
export type RoleName = (typeof ROLE_NAMES)[number];

export interface WorkflowFixture {
  budgetId: number;
  scope: { unitId: number; departmentId: number; regionId: number };
  viewers: Record<RoleName, Viewer | null>;
  /** shorthand for the people who act in the demo unit's workflow */
  accountant: Viewer;
  departmentReviewer: Viewer;
  financeReviewer: Viewer;
  /** 单位负责人 of 224001 */
  head: Viewer;
}

/**
 * The demo budget (224001, 2024) in `status` with the history that leads there, a user per role
 * of the matrix, and the department's review step switched on or off.
 */
export async function setUpWorkflow(
  db: DbClient & DbReader,
  options: { status?: FactoryStatus; hasDepartmentReview?: boolean; at?: Date } = {},
): Promise<WorkflowFixture> {
  const saved = await createBudget(db, { status: options.status ?? "DRAFT", at: options.at });
  const scope = await unitScope(db, "224001");
  if (options.hasDepartmentReview === true) {
    await db.department.update({ where: { id: scope.departmentId }, data: { hasDepartmentReview: true } });
  }
  const other = await createUnit(db);
  const viewers: Record<RoleName, Viewer | null> = {
    "accountant of the unit": await createViewer(db, [{ role: "ACCOUNTANT", unitId: scope.unitId }]),
    "accountant of another unit": await createViewer(db, [{ role: "ACCOUNTANT", unitId: other.unitId }]),
    "head of the unit": await createViewer(db, [{ role: "UNIT_HEAD", unitId: scope.unitId }]),
    "head of another unit": await createViewer(db, [{ role: "UNIT_HEAD", unitId: other.unitId }]),
    "department reviewer of the department": await createViewer(db, [{ role: "DEPARTMENT_REVIEWER", departmentId: scope.departmentId }]),
    "department reviewer of another department": await createViewer(db, [{ role: "DEPARTMENT_REVIEWER", departmentId: other.departmentId }]),
    "finance reviewer of the region": await createViewer(db, [{ role: "FINANCE_REVIEWER", regionId: scope.regionId }]),
    "finance reviewer of another region": await createViewer(db, [{ role: "FINANCE_REVIEWER", regionId: other.regionId }]),
    administrator: await createViewer(db, [{ role: "ADMIN" }]),
    anonymous: null,
  };
  return {
    budgetId: saved.id,
    scope,
    viewers,
    accountant: viewers["accountant of the unit"]!,
    departmentReviewer: viewers["department reviewer of the department"]!,
    financeReviewer: viewers["finance reviewer of the region"]!,
    head: viewers["head of the unit"]!,
  };
}

/** Everything a workflow step could change, to compare before and after a refusal. */
export async function workflowState(db: DbReader) {
  return {
    budgets: await db.budget.findMany({
      orderBy: { id: "asc" },
      select: {
        id: true,
        version: true,
        status: true,
        lockVersion: true,
        submittedAt: true,
        approvedAt: true,
        secrecyReviewedAt: true,
        secrecyReviewedById: true,
        secrecyStatement: true,
        headSignedAt: true,
        headSignedById: true,
        headSignerName: true,
        publishedAt: true,
        correctionNote: true,
        previousVersionId: true,
      },
    }),
    events: await db.budgetEvent.count(),
    comments: await db.reviewComment.findMany({ orderBy: { id: "asc" }, select: { id: true, resolvedAt: true } }),
    snapshots: await db.publishedSnapshot.count(),
    artifacts: await db.publishedArtifact.count(),
    signOffSheets: await db.signOffSheet.count(),
  };
}

/** The audit rows, oldest first, in the fields the tests compare. */
export function auditRows(db: DbReader) {
  return db.auditEvent.findMany({
    orderBy: { id: "asc" },
    select: { action: true, result: true, userId: true, objectType: true, objectId: true, clientAddress: true, details: true },
  });
}

