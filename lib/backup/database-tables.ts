import type pg from "pg";

/** The schema's tables and their stored (not generated) columns, as COPY lists them. */
export interface TableColumns {
  name: string;
  columns: string[];
}

export async function listTables(client: pg.Client): Promise<TableColumns[]> {
  const { rows } = await client.query<{ name: string; columns: string[] }>(`
    SELECT c.relname AS name, array_agg(a.attname::text ORDER BY a.attnum) AS columns
    FROM pg_class c
    JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
    WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p')
      AND c.relname <> '_prisma_migrations'
    GROUP BY c.relname
    ORDER BY c.relname`);
  return rows;
}

export async function appliedMigrations(client: pg.Client): Promise<string[]> {
  const exists = await client.query<{ present: boolean }>("SELECT to_regclass('_prisma_migrations') IS NOT NULL AS present");
  if (exists.rows[0]?.present !== true) return [];
  const { rows } = await client.query<{ migration_name: string }>(
    "SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name",
  );
  return rows.map((row) => row.migration_name);
}

export const quoteIdentifier = (name: string) => `"${name.replaceAll('"', '""')}"`;

export function copyColumns(table: TableColumns): string {
  return `${quoteIdentifier(table.name)} (${table.columns.map(quoteIdentifier).join(", ")})`;
}
