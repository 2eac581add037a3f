import type { DbReader } from "@/lib/budgets/db-client";
import { prisma } from "@/lib/db";
import type { RegionLevel } from "@/lib/generated/prisma/enums";

/**
 * Reads for the public browse pages. They read published snapshots only, never budgets: what a
 * citizen can find is exactly what was published, whatever state later drafts are in. Each
 * function runs a fixed number of queries, whatever the number of rows.
 */

export interface RegionRef {
  code: string;
  name: string;
}

/** The latest published version of one unit's budget for one year. */
export interface PublishedBudgetRef {
  year: number;
  version: number;
  publishedAt: Date;
  /** the unit code the public URL /budgets/{year}/{unit} uses */
  unitCode: string;
}

export interface PublishedBudgetListItem extends PublishedBudgetRef {
  unitName: string;
  department: { code: string; name: string };
}

/** The latest published version of a department's 部门预算 for one year (/budgets/{year}/departments/{code}). */
export interface PublishedDepartmentRef {
  year: number;
  version: number;
  publishedAt: Date;
  departmentCode: string;
}

export interface PublishedDepartmentListItem extends PublishedDepartmentRef {
  departmentName: string;
}

export interface RegionListing {
  region: RegionRef;
  /** the region's ancestors, top first (河北省, 邯郸市 for 馆陶县) */
  ancestors: RegionRef[];
  /** newest year first; `departments`: the departments' 部门预算 of that year, in code order */
  years: { year: number; budgets: PublishedBudgetListItem[]; departments: PublishedDepartmentListItem[] }[];
}

export interface PublishedBudgetIndex {
  /** every year with a published budget, newest first (for the year filter) */
  years: number[];
  /** regions in code order, with their budgets of the chosen year(s) */
  regions: RegionListing[];
}

/** Deep enough for 省 › 市 › 县 (RegionLevel has three levels) and one level more. */
const ANCESTOR_SELECT = {
  code: true,
  name: true,
  parent: { select: { code: true, name: true, parent: { select: { code: true, name: true, parent: { select: { code: true, name: true } } } } } },
} as const;

interface RegionWithParents {
  code: string;
  name: string;
  parent?: RegionWithParents | null;
}

/** The ancestors of a region selected with ANCESTOR_SELECT, top first. */
function ancestorsOf(region: RegionWithParents): RegionRef[] {
  const chain: RegionRef[] = [];
  for (let r = region.parent; r; r = r.parent) chain.unshift({ code: r.code, name: r.name });
  return chain;
}

const byCode = <T extends { code: string }>(a: T, b: T): number => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);

/**
 * Keeps the first row of each (unit, year); callers order rows by version descending, so that
 * row is the latest published version.
 */
function latestPerUnitAndYear<T extends { unitId: number; year: number }>(rows: readonly T[]): T[] {
  const seen = new Set<string>();
  return rows.filter((row) => {
    const key = `${row.unitId}/${row.year}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Keeps the first row of each (department, year): the latest version when ordered by version descending. */
function latestPerDepartmentAndYear<T extends { departmentId: number; year: number }>(rows: readonly T[]): T[] {
  return latestPerUnitAndYear(rows.map((row) => ({ ...row, unitId: row.departmentId })));
}

/**
 * The published budgets for the home page, grouped by region and year: the latest published
 * version of each unit and year, and of each department's 部门预算. Four queries: the years
 * (units', departments'), and the snapshots (metadata only, not their content) with unit,
 * department and region chain.
 */
export async function listPublishedBudgets(options: { year?: number } = {}, db: DbReader = prisma): Promise<PublishedBudgetIndex> {
  const [yearRows, departmentYearRows, departmentSnapshots, snapshots] = await Promise.all([
    db.publishedSnapshot.groupBy({ by: ["year"], orderBy: { year: "desc" } }),
    db.departmentSnapshot.groupBy({ by: ["year"], orderBy: { year: "desc" } }),
    db.departmentSnapshot.findMany({
      where: options.year === undefined ? {} : { year: options.year },
      select: {
        departmentId: true,
        year: true,
        version: true,
        publishedAt: true,
        department: { select: { code: true, name: true, region: { select: ANCESTOR_SELECT } } },
      },
      orderBy: [{ year: "desc" }, { version: "desc" }],
    }),
    db.publishedSnapshot.findMany({
      where: options.year === undefined ? {} : { year: options.year },
      select: {
        unitId: true,
        year: true,
        version: true,
        publishedAt: true,
        unit: {
          select: {
            code: true,
            name: true,
            department: { select: { code: true, name: true } },
            region: { select: ANCESTOR_SELECT },
          },
        },
      },
      orderBy: [{ year: "desc" }, { version: "desc" }],
    }),
  ]);

  const regions = new Map<string, RegionListing>();
  const groupOf = (region: RegionWithParents, year: number) => {
    let listing = regions.get(region.code);
    if (listing === undefined) {
      listing = { region: { code: region.code, name: region.name }, ancestors: ancestorsOf(region), years: [] };
      regions.set(region.code, listing);
    }
    let group = listing.years.find((y) => y.year === year);
    if (group === undefined) {
      group = { year, budgets: [], departments: [] };
      listing.years.push(group);
    }
    return group;
  };
  for (const s of latestPerDepartmentAndYear(departmentSnapshots)) {
    groupOf(s.department.region, s.year).departments.push({
      year: s.year,
      version: s.version,
      publishedAt: s.publishedAt,
      departmentCode: s.department.code,
      departmentName: s.department.name,
    });
  }
  for (const s of latestPerUnitAndYear(snapshots)) {
    const group = groupOf(s.unit.region, s.year);
    group.budgets.push({
      year: s.year,
      version: s.version,
      publishedAt: s.publishedAt,
      unitCode: s.unit.code,
      unitName: s.unit.name,
      department: s.unit.department,
    });
  }
  const sorted = [...regions.values()].sort((a, b) => byCode(a.region, b.region));
  for (const listing of sorted) {
    listing.years.sort((a, b) => b.year - a.year);
    for (const group of listing.years) {
      group.budgets.sort((a, b) => byCode(a.department, b.department) || byCode({ code: a.unitCode }, { code: b.unitCode }));
      group.departments.sort((a, b) => byCode({ code: a.departmentCode }, { code: b.departmentCode }));
    }
  }
  const years = [...new Set([...yearRows, ...departmentYearRows].map((r) => r.year))].sort((a, b) => b - a);
  return { years, regions: sorted };
}

export interface RegionUnit {
  code: string;
  name: string;
  /** newest year first; the latest published version of each year */
  budgets: PublishedBudgetRef[];
}

export interface RegionPage {
  region: RegionRef & { level: RegionLevel };
  /** top first, for the breadcrumbs */
  ancestors: RegionRef[];
  /** sub-regions (the counties of a city …), in code order */
  children: RegionRef[];
  /** departments with a published 部门预算 or a unit that has published a budget, in code order */
  departments: { code: string; name: string; budgets: PublishedDepartmentRef[]; units: RegionUnit[] }[];
}

/**
 * A region with its parent chain and sub-regions, and its departments' units with their
 * published budgets by year; null for an unknown region. Two queries.
 */
export async function loadRegionPage(regionCode: string, db: DbReader = prisma): Promise<RegionPage | null> {
  const [region, departments] = await Promise.all([
    db.region.findUnique({
      where: { code: regionCode },
      select: { ...ANCESTOR_SELECT, level: true, children: { select: { code: true, name: true }, orderBy: { code: "asc" } } },
    }),
    db.department.findMany({
      where: {
        region: { code: regionCode },
        OR: [{ units: { some: { publishedSnapshots: { some: {} } } } }, { departmentSnapshots: { some: {} } }],
      },
      select: {
        code: true,
        name: true,
        departmentSnapshots: {
          select: { departmentId: true, year: true, version: true, publishedAt: true },
          orderBy: [{ year: "desc" }, { version: "desc" }],
        },
        units: {
          where: { publishedSnapshots: { some: {} } },
          select: {
            code: true,
            name: true,
            publishedSnapshots: {
              select: { unitId: true, year: true, version: true, publishedAt: true },
              orderBy: [{ year: "desc" }, { version: "desc" }],
            },
          },
          orderBy: { code: "asc" },
        },
      },
      orderBy: { code: "asc" },
    }),
  ]);
  if (region === null) return null;
  return {
    region: { code: region.code, name: region.name, level: region.level },
    ancestors: ancestorsOf(region),
    children: region.children,
    departments: departments.map((d) => ({
      code: d.code,
      name: d.name,
      budgets: latestPerDepartmentAndYear(d.departmentSnapshots).map((s) => ({
        year: s.year,
        version: s.version,
        publishedAt: s.publishedAt,
        departmentCode: d.code,
      })),
      units: d.units.map((u) => ({
        code: u.code,
        name: u.name,
        budgets: latestPerUnitAndYear(u.publishedSnapshots).map((s) => ({
          year: s.year,
          version: s.version,
          publishedAt: s.publishedAt,
          unitCode: u.code,
        })),
      })),
    })),
  };
}
