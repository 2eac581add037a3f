import type { AmountUnit, BudgetStatus } from "@/lib/generated/prisma/enums";
import type { Budget, CodeBook } from "@/lib/disclosure/types";
import {
  budgetFromRecord,
  budgetSelect,
  classificationCodeFromRecord,
  metaFromRecord,
  type BudgetMeta,
} from "./budget-mapper";
import { BudgetStoreError } from "./budget-store-error";
import type { DbReader } from "./db-client";

export interface BudgetKey {
  unitCode: string;
  year: number;
  /** a specific version; the latest when omitted */
  version?: number;
  /** 行政区划代码 of the unit's region; needed only when the unit code exists in several regions */
  regionCode?: string;
}

export interface LoadedBudget {
  budget: Budget;
  codeBook: CodeBook;
  meta: BudgetMeta;
}

/**
 * One budget version with its year's code book, in three queries whatever its size: the unit,
 * the budget with all its rows (one nested select), the code book.
 */
export async function loadBudget(db: DbReader, key: BudgetKey): Promise<LoadedBudget | null> {
  const units = await db.unit.findMany({
    where: { code: key.unitCode, ...(key.regionCode === undefined ? {} : { region: { code: key.regionCode } }) },
    select: { id: true },
    take: 2,
  });
  const [unit] = units;
  if (unit === undefined) return null;
  if (units.length > 1) {
    throw new BudgetStoreError(
      "AMBIGUOUS_UNIT",
      `unit code ${key.unitCode} exists in several regions; give the region code`,
    );
  }
  const record = await db.budget.findFirst({
    where: { unitId: unit.id, year: key.year, ...(key.version === undefined ? {} : { version: key.version }) },
    orderBy: { version: "desc" },
    select: budgetSelect,
  });
  if (record === null) return null;
  const codeBook = await loadCodeBook(db, key.year, record.codeBookRevisionId);
  return { budget: budgetFromRecord(record), codeBook, meta: metaFromRecord(record) };
}

/**
 * The code book of a year (empty when none is loaded), each scheme ordered by code: 类 before its
 * 款 before its 项. The one way to read a book: give the revision a budget was entered under
 * (Budget.codeBookRevisionId); without one (null or omitted), the year's newest revision.
 */
export async function loadCodeBook(db: DbReader, year: number, revisionId?: number | null): Promise<CodeBook> {
  const revision =
    revisionId ?? (await db.codeBookRevision.findFirst({ where: { year }, orderBy: { revision: "desc" }, select: { id: true } }))?.id;
  if (revision === undefined) return { year, functional: [], economic: [] };
  const rows = await db.classificationCode.findMany({
    where: { year, revisionId: revision },
    select: { scheme: true, code: true, name: true, level: true, parentCode: true },
    orderBy: [{ scheme: "asc" }, { code: "asc" }],
  });
  const codes = rows.map(classificationCodeFromRecord);
  return {
    year,
    functional: codes.filter((c) => c.scheme === "FUNCTIONAL"),
    economic: codes.filter((c) => c.scheme === "ECONOMIC"),
  };
}

export interface BudgetListItem {
  id: number;
  unitCode: string;
  unitName: string;
  year: number;
  version: number;
  status: BudgetStatus;
  amountUnit: AmountUnit;
  department: { code: string; name: string };
  region: { code: string; name: string };
  updatedAt: Date;
  publishedAt: Date | null;
}

export interface BudgetListFilter {
  statuses?: readonly BudgetStatus[];
  year?: number;
}

/**
 * Budget versions for listings, by region, department and unit code, newest year and version
 * first. One query.
 */
export async function listBudgets(db: DbReader, filter: BudgetListFilter = {}): Promise<BudgetListItem[]> {
  const rows = await db.budget.findMany({
    where: {
      ...(filter.statuses === undefined ? {} : { status: { in: [...filter.statuses] } }),
      ...(filter.year === undefined ? {} : { year: filter.year }),
    },
    select: {
      id: true,
      year: true,
      version: true,
      status: true,
      amountUnit: true,
      updatedAt: true,
      publishedAt: true,
      unit: {
        select: {
          code: true,
          name: true,
          department: { select: { code: true, name: true } },
          region: { select: { code: true, name: true } },
        },
      },
    },
    orderBy: [
      { unit: { region: { code: "asc" } } },
      { unit: { department: { code: "asc" } } },
      { unit: { code: "asc" } },
      { year: "desc" },
      { version: "desc" },
    ],
  });
  return rows.map((row) => ({
    id: row.id,
    unitCode: row.unit.code,
    unitName: row.unit.name,
    year: row.year,
    version: row.version,
    status: row.status,
    amountUnit: row.amountUnit,
    department: row.unit.department,
    region: row.unit.region,
    updatedAt: row.updatedAt,
    publishedAt: row.publishedAt,
  }));
}
