import { AppError } from "@/lib/app-error";
import { canAdminister, canViewPublicationDeadlines, type Viewer } from "@/lib/auth/policies";
import type { DbReader } from "@/lib/budgets/db-client";
import type { BudgetStatus } from "@/lib/generated/prisma/enums";
import {
  assessDeadline,
  compareUrgency,
  DEADLINE_STATUS_ORDER,
  type DeadlineAssessment,
  type DeadlineStatus,
} from "./publication-deadline";

export interface DeadlineFilters {
  /** 行政区划代码; the viewer's first region when omitted */
  regionCode?: string;
  /** the newest year with budgets in the region when omitted */
  year?: number;
  /** a department code of the region */
  departmentCode?: string;
  status?: DeadlineStatus;
}

export interface DeadlineRow {
  unitCode: string;
  unitName: string;
  departmentCode: string;
  departmentName: string;
  /** the newest version of the year's budget; null when the unit has none */
  version: number | null;
  budgetStatus: BudgetStatus | null;
  /** 报送 time of the version whose 批复 counts, or of the newest version before 批复 */
  submittedAt: Date | null;
  assessment: DeadlineAssessment;
}

export interface DeadlineDashboard {
  region: { code: string; name: string };
  /** the regions this viewer may choose */
  regions: { code: string; name: string }[];
  year: number;
  /** years with budgets in the region, newest first (always includes `year`) */
  years: number[];
  /** departments whose units this viewer sees */
  departments: { code: string; name: string }[];
  filters: { departmentCode: string | null; status: DeadlineStatus | null };
  /** per status, over the units of the chosen department (or all), before the status filter */
  summary: Record<DeadlineStatus, number>;
  /** filtered, most urgent first */
  rows: DeadlineRow[];
  generatedAt: Date;
}

const FORBIDDEN_MESSAGE = "只有财政部门审核人、主管部门审核人和管理员可以查看公开时限。";

/**
 * The regions whose deadlines the viewer may see (one query): those of its finance-reviewer and
 * administrator grants and of its department-reviewer grants' departments; every region with
 * units for a global administrator.
 */
async function viewerRegions(db: DbReader, viewer: Viewer): Promise<{ id: number; code: string; name: string }[]> {
  const regionIds = viewer.roles
    .filter((grant) => grant.role === "FINANCE_REVIEWER" || grant.role === "ADMIN")
    .flatMap((grant) => (grant.regionId === undefined ? [] : [grant.regionId]));
  const departmentIds = viewer.roles
    .filter((grant) => grant.role === "DEPARTMENT_REVIEWER")
    .flatMap((grant) => (grant.departmentId === undefined ? [] : [grant.departmentId]));
  const where = canAdminister(viewer)
    ? { units: { some: {} } }
    : { OR: [{ id: { in: regionIds } }, { departments: { some: { id: { in: departmentIds } } } }] };
  return db.region.findMany({ where, orderBy: { code: "asc" }, select: { id: true, code: true, name: true } });
}

/**
 * The publication-deadline dashboard of a region and year: every unit the viewer may see, with
 * its budget's newest state and the deadline assessment. The units and all their versions of the
 * year come in one query; years in a second. Refuses (FORBIDDEN) a viewer who sees no region,
 * and NOT_FOUND for a region it may not see.
 */
export async function loadDeadlineDashboard(
  db: DbReader,
  viewer: Viewer | null,
  filters: DeadlineFilters = {},
  now: Date = new Date(),
): Promise<DeadlineDashboard> {
  if (viewer === null) throw new AppError("UNAUTHENTICATED", "请先登录。");
  const regions = await viewerRegions(db, viewer);
  if (regions.length === 0) throw new AppError("FORBIDDEN", FORBIDDEN_MESSAGE);
  const region = filters.regionCode === undefined ? regions[0] : regions.find((r) => r.code === filters.regionCode);
  if (region === undefined) throw new AppError("NOT_FOUND", "未找到该地区，或您无权查看。");

  const yearRows = await db.budget.findMany({
    where: { unit: { regionId: region.id } },
    distinct: ["year"],
    orderBy: { year: "desc" },
    select: { year: true },
  });
  const years = yearRows.map((row) => row.year);
  const year = filters.year ?? years[0] ?? Number(new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", year: "numeric" }).format(now));
  if (!years.includes(year)) {
    years.push(year);
    years.sort((a, b) => b - a);
  }

  const units = await db.unit.findMany({
    where: { regionId: region.id },
    orderBy: { code: "asc" },
    select: {
      id: true,
      code: true,
      name: true,
      departmentId: true,
      department: { select: { code: true, name: true } },
      budgets: {
        where: { year },
        orderBy: { version: "asc" },
        select: { version: true, status: true, submittedAt: true, approvedAt: true, publishedAt: true },
      },
    },
  });
  const visible = units.filter((unit) => canViewPublicationDeadlines(viewer, { regionId: region.id, departmentId: unit.departmentId }));

  const departments = new Map<string, string>();
  for (const unit of visible) departments.set(unit.department.code, unit.department.name);
  const departmentCode = filters.departmentCode !== undefined && departments.has(filters.departmentCode) ? filters.departmentCode : null;

  const rows: DeadlineRow[] = visible
    .filter((unit) => departmentCode === null || unit.department.code === departmentCode)
    .map((unit) => {
      const assessment = assessDeadline(unit.budgets, now);
      const newest = unit.budgets.at(-1);
      const counted = unit.budgets.find((b) => b.approvedAt !== null) ?? newest;
      return {
        unitCode: unit.code,
        unitName: unit.name,
        departmentCode: unit.department.code,
        departmentName: unit.department.name,
        version: newest?.version ?? null,
        budgetStatus: newest?.status ?? null,
        submittedAt: counted?.submittedAt ?? null,
        assessment,
      };
    });

  const summary = Object.fromEntries(DEADLINE_STATUS_ORDER.map((status) => [status, 0])) as Record<DeadlineStatus, number>;
  for (const row of rows) summary[row.assessment.status] += 1;
  const status = filters.status ?? null;

  return {
    region: { code: region.code, name: region.name },
    regions: regions.map(({ code, name }) => ({ code, name })),
    year,
    years,
    departments: [...departments].map(([code, name]) => ({ code, name })).sort((a, b) => a.code.localeCompare(b.code)),
    filters: { departmentCode, status },
    summary,
    rows: rows
      .filter((row) => status === null || row.assessment.status === status)
      .map((row) => ({ row, key: row.unitCode, assessment: row.assessment }))
      .sort(compareUrgency)
      .map(({ row }) => row),
    generatedAt: now,
  };
}
