import type { DbReader } from "@/lib/budgets/db-client";
import { prisma } from "@/lib/db";

export interface SearchFacets {
  /** regions with a published budget, and their ancestors, in code order */
  regions: { code: string; name: string; depth: number }[];
  /** newest first */
  years: number[];
  /** departments with a published budget, in code order (codes can repeat across regions) */
  departments: { code: string; name: string }[];
}

/** The choices of the search form's filters, from the index of current published budgets. One query. */
export async function loadSearchFacets(db: DbReader = prisma): Promise<SearchFacets> {
  const rows = await db.$queryRaw<{ facet: string; code: string; name: string; depth: number }[]>`
    WITH current AS (
      SELECT d.year, d.department_code, d.department_name, d.region_codes FROM search_documents d
    )
    SELECT 'year' AS facet, year::text AS code, '' AS name, 0 AS depth FROM current GROUP BY year
    UNION ALL
    SELECT 'department', department_code, min(department_name), 0 FROM current GROUP BY department_code
    UNION ALL
    SELECT 'region', r.code, r.name, array_position(c.region_codes, r.code) - 1
      FROM (SELECT DISTINCT region_codes FROM current) c CROSS JOIN LATERAL unnest(c.region_codes) AS rc(code)
      JOIN regions r ON r.code = rc.code
     GROUP BY r.code, r.name, array_position(c.region_codes, r.code)`;
  const regions = new Map<string, { code: string; name: string; depth: number }>();
  for (const r of rows.filter((row) => row.facet === "region")) regions.set(r.code, { code: r.code, name: r.name, depth: Number(r.depth) });
  return {
    years: rows.filter((r) => r.facet === "year").map((r) => Number(r.code)).sort((a, b) => b - a),
    departments: rows.filter((r) => r.facet === "department").map((r) => ({ code: r.code, name: r.name })).sort((a, b) => a.code.localeCompare(b.code)),
    regions: [...regions.values()].sort((a, b) => a.code.localeCompare(b.code)),
  };
}
