import { budgetFromRecord, budgetSelect } from "@/lib/budgets/budget-mapper";
import type { DbReader } from "@/lib/budgets/db-client";
import { loadCodeBook } from "@/lib/budgets/queries";
import type { Budget, CodeBook } from "@/lib/disclosure/types";
import type { BudgetStatus } from "@/lib/generated/prisma/enums";

/** Statuses of a budget the finance bureau has approved (批复): only these are summed. */
export const APPROVED_STATUSES: readonly BudgetStatus[] = ["APPROVED", "SIGNED_OFF", "PUBLISHED"];

export interface DepartmentUnitState {
  unitId: number;
  code: string;
  name: string;
  /** the newest version of the unit's budget for the year (any status); null when it has none */
  newest: { budgetId: number; version: number; status: BudgetStatus } | null;
  /** the newest approved version: what the department budget sums; null when none is approved */
  approved: { budgetId: number; version: number; status: BudgetStatus; approvedAt: Date | null } | null;
}

export interface DepartmentState {
  departmentId: number;
  code: string;
  name: string;
  regionId: number;
  region: { code: string; name: string };
  year: number;
  units: DepartmentUnitState[];
  /** the newest published version of the department budget for the year */
  published: { snapshotId: number; version: number; publishedAt: Date; budgetIds: number[] } | null;
}

/** The department, its units with where their budgets of the year stand, and its newest publication. Two queries. */
export async function loadDepartmentState(db: DbReader, key: { departmentId: number; year: number }): Promise<DepartmentState | null> {
  const [department, published] = await Promise.all([
    db.department.findUnique({
      where: { id: key.departmentId },
      select: {
        id: true,
        code: true,
        name: true,
        regionId: true,
        region: { select: { code: true, name: true } },
        units: {
          orderBy: { code: "asc" },
          select: {
            id: true,
            code: true,
            name: true,
            budgets: {
              where: { year: key.year },
              orderBy: { version: "desc" },
              select: { id: true, version: true, status: true, approvedAt: true },
            },
          },
        },
      },
    }),
    db.departmentSnapshot.findFirst({
      where: { departmentId: key.departmentId, year: key.year },
      orderBy: { version: "desc" },
      select: { id: true, version: true, publishedAt: true, budgets: { select: { budgetId: true } } },
    }),
  ]);
  if (department === null) return null;
  return {
    departmentId: department.id,
    code: department.code,
    name: department.name,
    regionId: department.regionId,
    region: department.region,
    year: key.year,
    units: department.units.map((unit) => {
      const [newest] = unit.budgets;
      const approved = unit.budgets.find((b) => APPROVED_STATUSES.includes(b.status));
      return {
        unitId: unit.id,
        code: unit.code,
        name: unit.name,
        newest: newest === undefined ? null : { budgetId: newest.id, version: newest.version, status: newest.status },
        approved:
          approved === undefined
            ? null
            : { budgetId: approved.id, version: approved.version, status: approved.status, approvedAt: approved.approvedAt },
      };
    }),
    published:
      published === null
        ? null
        : {
            snapshotId: published.id,
            version: published.version,
            publishedAt: published.publishedAt,
            budgetIds: published.budgets.map((b) => b.budgetId).sort((a, b) => a - b),
          },
  };
}

/** Budget versions by id, with the year's code book. Two queries whatever the number of units. */
export async function loadBudgetsById(db: DbReader, ids: readonly number[], year: number): Promise<{ budgets: Map<number, Budget>; codeBook: CodeBook }> {
  const [records, codeBook] = await Promise.all([
    db.budget.findMany({ where: { id: { in: [...ids] } }, select: budgetSelect }),
    loadCodeBook(db, year),
  ]);
  return { budgets: new Map(records.map((record) => [record.id, budgetFromRecord(record)])), codeBook };
}

export interface DepartmentListItem {
  departmentId: number;
  code: string;
  name: string;
}

/** The departments a department reviewer reviews, for the staff navigation. One query. */
export async function listDepartments(db: DbReader, departmentIds: readonly number[]): Promise<DepartmentListItem[]> {
  const rows = await db.department.findMany({
    where: { id: { in: [...departmentIds] } },
    select: { id: true, code: true, name: true },
    orderBy: { code: "asc" },
  });
  return rows.map((row) => ({ departmentId: row.id, code: row.code, name: row.name }));
}
