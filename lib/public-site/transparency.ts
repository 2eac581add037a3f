import type { DbReader } from "@/lib/budgets/db-client";
import { prisma } from "@/lib/db";
import type { BudgetStatus } from "@/lib/generated/prisma/enums";
import { assessDeadline, chinaDate, DEADLINE_RULE_TEXT, type DeadlineStatus } from "@/lib/deadlines/publication-deadline";

export interface TransparencyRow {
  departmentName: string;
  unitCode: string;
  unitName: string;
  status: DeadlineStatus;
  /** China date of the first publication, when published */
  publishedOn: string | null;
  /** the due date (批复 + 20 days), once approved */
  dueDate: string | null;
}

export interface TransparencyYear {
  year: number;
  rows: TransparencyRow[];
  /** units whose deadline has passed or that have published: the denominator of both rates */
  due: number;
  published: number;
  onTime: number;
  /** 公开率 and 及时率 in percent, one decimal; null when nothing is due yet */
  publicationRate: number | null;
  timelinessRate: number | null;
}

export interface TransparencyModel {
  region: { code: string; name: string };
  years: TransparencyYear[];
  ruleText: string;
  /** China date the statuses were computed for */
  asOf: string;
}

const rate = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 1000) / 10);

/**
 * A region's (and its sub-regions') publication record per year, by the deadline rule the staff
 * dashboard uses (lib/deadlines/publication-deadline.ts): which units published, on time or late,
 * which are overdue, and the 公开率 and 及时率 over the units whose deadline has come. It shows
 * workflow dates and statuses only, never a budget's content. Two queries.
 */
export async function loadTransparency(regionCode: string, db: DbReader = prisma, now: Date = new Date()): Promise<TransparencyModel | null> {
  const region = await db.region.findUnique({ where: { code: regionCode }, select: { code: true, name: true } });
  if (region === null) return null;
  const rows = await db.$queryRaw<
    { year: number; unit_code: string; unit_name: string; department_name: string; versions: { version: number; status: BudgetStatus; approvedAt: string | null; publishedAt: string | null }[] }[]
  >`
    WITH RECURSIVE scope AS (
      SELECT id FROM regions WHERE code = ${regionCode}
      UNION SELECT r.id FROM regions r JOIN scope s ON r.parent_id = s.id
    )
    SELECT b.year, u.code AS unit_code, u.name AS unit_name, d.name AS department_name,
           json_agg(json_build_object('version', b.version, 'status', b.status, 'approvedAt', b.approved_at, 'publishedAt', b.published_at) ORDER BY b.version) AS versions
      FROM budgets b JOIN units u ON u.id = b.unit_id JOIN departments d ON d.id = u.department_id
     WHERE u.region_id IN (SELECT id FROM scope)
     GROUP BY b.year, u.code, u.name, d.code, d.name
     ORDER BY b.year DESC, d.code, u.code`;
  const years = new Map<number, TransparencyRow[]>();
  for (const row of rows) {
    const assessment = assessDeadline(
      row.versions.map((v) => ({
        version: v.version,
        status: v.status,
        approvedAt: v.approvedAt === null ? null : new Date(v.approvedAt),
        publishedAt: v.publishedAt === null ? null : new Date(v.publishedAt),
      })),
      now,
    );
    const list = years.get(row.year) ?? [];
    list.push({
      departmentName: row.department_name,
      unitCode: row.unit_code,
      unitName: row.unit_name,
      status: assessment.status,
      publishedOn: assessment.publishedAt === null ? null : chinaDate(assessment.publishedAt),
      dueDate: assessment.dueDate,
    });
    years.set(row.year, list);
  }
  return {
    region,
    ruleText: DEADLINE_RULE_TEXT,
    asOf: chinaDate(now),
    years: [...years].map(([year, list]) => {
      const onTime = list.filter((r) => r.status === "PUBLISHED_ON_TIME").length;
      const published = onTime + list.filter((r) => r.status === "PUBLISHED_LATE").length;
      const due = published + list.filter((r) => r.status === "OVERDUE").length;
      return { year, rows: list, due, published, onTime, publicationRate: rate(published, due), timelinessRate: rate(onTime, due) };
    }),
  };
}
