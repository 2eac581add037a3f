import type { Viewer } from "@/lib/auth/policies";
import type { DbReader } from "@/lib/budgets/db-client";
import { revisionLabel } from "@/lib/codebooks/queries";

export interface BudgetYearRow {
  year: number;
  submissionDeadline: string;
  codeBookRevisionId: number;
  revisionLabel: string;
  openedAt: Date;
}

export interface FinanceRegion {
  regionId: number;
  code: string;
  name: string;
  years: BudgetYearRow[];
}

/** The regions the viewer is a finance reviewer of, each with its opened budget years, newest first. */
export async function listFinanceRegions(db: DbReader, viewer: Viewer): Promise<FinanceRegion[]> {
  const ids = viewer.roles.flatMap((grant) => (grant.role === "FINANCE_REVIEWER" && grant.regionId !== undefined ? [grant.regionId] : []));
  if (ids.length === 0) return [];
  const regions = await db.region.findMany({
    where: { id: { in: ids } },
    orderBy: { code: "asc" },
    select: {
      id: true,
      code: true,
      name: true,
      budgetYears: {
        orderBy: { year: "desc" },
        select: { year: true, submissionDeadline: true, codeBookRevisionId: true, openedAt: true, codeBookRevision: { select: { year: true, revision: true } } },
      },
    },
  });
  return regions.map((region) => ({
    regionId: region.id,
    code: region.code,
    name: region.name,
    years: region.budgetYears.map((y) => ({
      year: y.year,
      submissionDeadline: y.submissionDeadline.toISOString().slice(0, 10),
      codeBookRevisionId: y.codeBookRevisionId,
      revisionLabel: revisionLabel(y.codeBookRevision),
      openedAt: y.openedAt,
    })),
  }));
}

export interface OpenYearOfUnit {
  year: number;
  codeBookRevisionId: number;
  submissionDeadline: string;
}

/** The budget years open in a unit's region, newest first. */
export async function openYearsOfUnit(db: DbReader, unitId: number): Promise<OpenYearOfUnit[]> {
  const rows = await db.budgetYear.findMany({
    where: { region: { units: { some: { id: unitId } } } },
    orderBy: { year: "desc" },
    select: { year: true, codeBookRevisionId: true, submissionDeadline: true },
  });
  return rows.map((row) => ({ ...row, submissionDeadline: row.submissionDeadline.toISOString().slice(0, 10) }));
}
