import type { DbReader } from "@/lib/budgets/db-client";
import { prisma } from "@/lib/db";
import type { AmountUnit } from "@/lib/disclosure/types";
import type { OverviewRow } from "./compare-page-models";

/** The years with a published unit budget in a region or its sub-regions, newest first. One query. */
export async function regionYears(regionCode: string, db: DbReader = prisma): Promise<number[]> {
  const rows = await db.$queryRaw<{ year: number }[]>`
    WITH RECURSIVE scope AS (
      SELECT id FROM regions WHERE code = ${regionCode}
      UNION SELECT r.id FROM regions r JOIN scope s ON r.parent_id = s.id
    )
    SELECT DISTINCT s.year FROM published_snapshots s JOIN units u ON u.id = s.unit_id
     WHERE s.superseded_by_id IS NULL AND u.region_id IN (SELECT id FROM scope) ORDER BY s.year DESC`;
  return rows.map((r) => r.year);
}

/**
 * Every unit of a region (and its sub-regions) with the totals its newest published document of
 * the year states (支出总计, 基本支出, 项目支出, 三公), and their sums. Reads those figures out of the
 * snapshots in SQL, not whole documents. One query.
 */
export async function loadRegionOverview(
  regionCode: string,
  year: number,
  db: DbReader = prisma,
): Promise<{ rows: OverviewRow[]; sums: { total: number; basic: number; project: number; threePublic: number }; amountUnit: AmountUnit }> {
  const raw = await db.$queryRaw<
    { region_code: string; department_code: string; department_name: string; unit_code: string; unit_name: string; version: number; amount_unit: AmountUnit; total: bigint; basic: bigint; project: bigint; three_public: bigint }[]
  >`
    WITH RECURSIVE scope AS (
      SELECT id FROM regions WHERE code = ${regionCode}
      UNION SELECT r.id FROM regions r JOIN scope s ON r.parent_id = s.id
    )
    SELECT r.code AS region_code, d.code AS department_code, d.name AS department_name, u.code AS unit_code, u.name AS unit_name, s.version,
           s.content->'budget'->>'amountUnit' AS amount_unit,
           (s.content->'narrative'->'figures'->>'expenditureTotal')::bigint AS total,
           (s.content->'narrative'->'figures'->>'basic')::bigint AS basic,
           (s.content->'narrative'->'figures'->>'project')::bigint AS project,
           (s.content->'narrative'->'figures'->'threePublic'->>'total')::bigint AS three_public
      FROM published_snapshots s JOIN units u ON u.id = s.unit_id JOIN departments d ON d.id = u.department_id JOIN regions r ON r.id = u.region_id
     WHERE s.superseded_by_id IS NULL AND s.year = ${year} AND u.region_id IN (SELECT id FROM scope)
     ORDER BY r.code, d.code, u.code`;
  const rows: OverviewRow[] = raw.map((r) => ({
    regionCode: r.region_code,
    departmentCode: r.department_code,
    departmentName: r.department_name,
    unitCode: r.unit_code,
    unitName: r.unit_name,
    version: r.version,
    amountUnit: r.amount_unit,
    total: Number(r.total),
    basic: Number(r.basic),
    project: Number(r.project),
    threePublic: Number(r.three_public),
  }));
  const units = new Set(rows.map((r) => r.amountUnit));
  const sum = (pick: (r: OverviewRow) => number) => rows.reduce((s, r) => s + pick(r), 0);
  return {
    rows,
    sums: { total: sum((r) => r.total), basic: sum((r) => r.basic), project: sum((r) => r.project), threePublic: sum((r) => r.threePublic) },
    amountUnit: units.size === 1 ? [...units][0] ?? "WAN_YUAN" : "YUAN",
  };
}
