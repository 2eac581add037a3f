export interface CheckDriftOptions {
  /** A PostgreSQL server on which a temporary shadow database may be created; defaults to DATABASE_URL. */
  databaseUrl?: string;
  /** Relative to `cwd`; defaults to "prisma/schema.prisma". */
  schemaPath?: string;
  /** Relative to `cwd`; defaults to "prisma/migrations". */
  migrationsDir?: string;
  /** Defaults to the repository root. */
  cwd?: string;
}

export interface DriftResult {
  /** Whether applying the migrations yields exactly the schema. */
  inSync: boolean;
  /** The SQL a new migration would need to reach the schema. */
  script: string;
}

export function checkDrift(options?: CheckDriftOptions): Promise<DriftResult>;
