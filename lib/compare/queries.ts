import type { DbReader } from "@/lib/budgets/db-client";
import { prisma } from "@/lib/db";
import type { SnapshotContent } from "@/lib/publication/snapshot-content";
import { documentProfile, type DocumentProfile } from "./document-profile";

/**
 * Reads for the comparison pages: the newest published version of each document, as profiles
 * (lib/compare/document-profile.ts). Published snapshots only. One query each.
 */

/** Every published year of one unit of a region, oldest first. */
export async function loadUnitYears(regionCode: string, unitCode: string, db: DbReader = prisma): Promise<DocumentProfile[]> {
  const rows = await db.$queryRaw<{ content: SnapshotContent }[]>`
    SELECT s.content FROM published_snapshots s JOIN units u ON u.id = s.unit_id JOIN regions r ON r.id = u.region_id
     WHERE s.superseded_by_id IS NULL AND r.code = ${regionCode} AND u.code = ${unitCode}
     ORDER BY s.year`;
  return rows.map((r) => documentProfile(r.content, regionCode));
}

export interface ComparableDocument {
  kind: "unit" | "department";
  code: string;
  name: string;
  departmentCode: string;
}

/** What can be compared in a region's year: its units' and departments' published documents, in code order. */
export async function listComparable(regionCode: string, year: number, db: DbReader = prisma): Promise<ComparableDocument[]> {
  const rows = await db.$queryRaw<{ kind: "unit" | "department"; code: string; name: string; department_code: string }[]>`
    SELECT 'unit' AS kind, u.code, u.name, d.code AS department_code
      FROM published_snapshots s JOIN units u ON u.id = s.unit_id JOIN departments d ON d.id = u.department_id JOIN regions r ON r.id = u.region_id
     WHERE s.superseded_by_id IS NULL AND r.code = ${regionCode} AND s.year = ${year}
    UNION ALL
    SELECT 'department', d.code, d.name, d.code
      FROM department_snapshots s JOIN departments d ON d.id = s.department_id JOIN regions r ON r.id = d.region_id
     WHERE s.superseded_by_id IS NULL AND r.code = ${regionCode} AND s.year = ${year}
     ORDER BY department_code, kind DESC, code`;
  return rows.map((r) => ({ kind: r.kind, code: r.code, name: r.name, departmentCode: r.department_code }));
}

/** The chosen units' and departments' documents of a region's year, in the order asked. */
export async function loadProfiles(
  regionCode: string,
  year: number,
  choice: { units: readonly string[]; departments: readonly string[] },
  db: DbReader = prisma,
): Promise<DocumentProfile[]> {
  const rows = await db.$queryRaw<{ kind: "unit" | "department"; code: string; content: SnapshotContent }[]>`
    SELECT 'unit' AS kind, u.code, s.content
      FROM published_snapshots s JOIN units u ON u.id = s.unit_id JOIN regions r ON r.id = u.region_id
     WHERE s.superseded_by_id IS NULL AND r.code = ${regionCode} AND s.year = ${year} AND u.code = ANY(${[...choice.units]}::text[])
    UNION ALL
    SELECT 'department', d.code, s.content
      FROM department_snapshots s JOIN departments d ON d.id = s.department_id JOIN regions r ON r.id = d.region_id
     WHERE s.superseded_by_id IS NULL AND r.code = ${regionCode} AND s.year = ${year} AND d.code = ANY(${[...choice.departments]}::text[])`;
  const byKey = new Map(rows.map((r) => [`${r.kind}:${r.code}`, r.content]));
  const ordered = [...choice.units.map((c) => `unit:${c}`), ...choice.departments.map((c) => `department:${c}`)];
  return ordered.flatMap((key) => {
    const content = byKey.get(key);
    return content === undefined ? [] : [documentProfile(content, regionCode)];
  });
}
