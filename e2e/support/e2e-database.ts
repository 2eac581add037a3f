import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { buildDatabaseUrl } from "@/lib/database/database-url";
import type { Budget } from "@/lib/disclosure/types";

/**
 * The database of the app under test (playwright.config.ts starts it): DATABASE_URL_TEST when
 * set, otherwise the embedded cluster in the run's data folder. Tests create their own users
 * through the shared factories and check what the app wrote with plain SQL. (Playwright's loader
 * cannot import the generated Prisma client, which is ESM; the factories run under tsx instead.)
 */
export function e2eDatabaseUrl(): string {
  const configured = process.env.DATABASE_URL_TEST;
  if (configured !== undefined && configured !== "") return configured;
  const dataDir = process.env.GONGKAI_E2E_DATA_DIR;
  if (dataDir === undefined) throw new Error("GONGKAI_E2E_DATA_DIR is not set; run the tests through playwright.config.ts");
  return buildDatabaseUrl({
    host: "127.0.0.1",
    port: Number(process.env.E2E_DB_PORT ?? 54339),
    user: "postgres",
    password: readFileSync(path.join(dataDir, "postgres-password"), "utf8").trim(),
    database: "gongkai",
  });
}

export async function query<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: e2eDatabaseUrl() });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

export interface NewUser {
  email: string;
  name: string;
  password: string;
  /** null: no second factor yet (the account enrols at its first sign-in); otherwise TEST_TOTP_SECRET */
  totpSecret?: null;
}

/** A user who can sign in, made by lib/demo/factories.ts createUser (password rule included). */
export function createUser(user: NewUser): { id: string; email: string } {
  const output = execFileSync(
    process.execPath,
    ["--import", "tsx", path.join(process.cwd(), "e2e/support/create-user.ts"), JSON.stringify(user)],
    { env: { ...process.env, DATABASE_URL: e2eDatabaseUrl() }, encoding: "utf8" },
  );
  return JSON.parse(output) as { id: string; email: string };
}

export interface ReviewFixture {
  budgetId: number;
  unitCode: string;
  unitName: string;
  email: string;
  userId: string;
  /** warnings the accountant explained when submitting */
  warnings: number;
}

/** A unit in the demo region with its accountant and a submitted 2024 budget with one wrong row (e2e/support/create-review-fixture.ts). */
export function createReviewFixture(password: string): ReviewFixture {
  const output = execFileSync(
    process.execPath,
    ["--import", "tsx", path.join(process.cwd(), "e2e/support/create-review-fixture.ts"), JSON.stringify({ password })],
    { env: { ...process.env, DATABASE_URL: e2eDatabaseUrl() }, encoding: "utf8" },
  );
  return JSON.parse(output) as ReviewFixture;
}

export interface CorrectionFixture {
  /** version 2, submitted */
  budgetId: number;
  unitCode: string;
  unitName: string;
  accountantEmail: string;
  headEmail: string;
  headName: string;
}

/** A unit in the demo region with accountant and head, v1 published, a submitted correction v2 (e2e/support/create-correction-fixture.ts). */
export function createCorrectionFixture(password: string): CorrectionFixture {
  const output = execFileSync(
    process.execPath,
    ["--import", "tsx", path.join(process.cwd(), "e2e/support/create-correction-fixture.ts"), JSON.stringify({ password })],
    { env: { ...process.env, DATABASE_URL: e2eDatabaseUrl() }, encoding: "utf8" },
  );
  return JSON.parse(output) as CorrectionFixture;
}

export interface AccountantUnit {
  unitCode: string;
  unitName: string;
  userId: string;
}

/** A fresh unit with an accountant who can sign in and a draft for `year` (empty, or the demo budget's content). */
export function createAccountantUnit(user: NewUser & { year: number; content: "empty" | "demo"; unitName?: string }): AccountantUnit {
  const output = execFileSync(
    process.execPath,
    ["--import", "tsx", path.join(process.cwd(), "e2e/support/create-accountant-unit.ts"), JSON.stringify(user)],
    { env: { ...process.env, DATABASE_URL: e2eDatabaseUrl() }, encoding: "utf8" },
  );
  return JSON.parse(output) as AccountantUnit;
}

/** The stored budget (newest version) as the application loads it, with its lockVersion and status. */
export function loadStoredBudget(key: { unitCode: string; year: number }): { budget: Budget; meta: { lockVersion: number; status: string } } | null {
  const output = execFileSync(process.execPath, ["--import", "tsx", path.join(process.cwd(), "e2e/support/load-budget.ts"), JSON.stringify(key)], {
    env: { ...process.env, DATABASE_URL: e2eDatabaseUrl() },
    encoding: "utf8",
  });
  return JSON.parse(output) as { budget: Budget; meta: { lockVersion: number; status: string } } | null;
}

export interface DeadlineUnits {
  regionCode: string;
  regionName: string;
  late: { code: string; name: string };
  overdue: { code: string; name: string };
  onTime: { code: string; name: string };
  reviewer: { id: string; email: string };
}

/** A new county with a unit published late, one overdue and one on time (2024), and its finance reviewer. */
export function createDeadlineUnits(reviewer: NewUser): DeadlineUnits {
  const output = execFileSync(
    process.execPath,
    ["--import", "tsx", path.join(process.cwd(), "e2e/support/create-deadline-units.ts"), JSON.stringify({ reviewer })],
    { env: { ...process.env, DATABASE_URL: e2eDatabaseUrl() }, encoding: "utf8" },
  );
  return JSON.parse(output) as DeadlineUnits;
}

export interface SignedOffUnits {
  regionCode: string;
  regionName: string;
  units: { code: string; name: string }[];
}

/** A county of its own with three signed-off 2024 budgets and its finance reviewer (e2e/support/create-signed-off-units.ts). */
export function createSignedOffUnits(reviewer: NewUser): SignedOffUnits {
  const output = execFileSync(
    process.execPath,
    ["--import", "tsx", path.join(process.cwd(), "e2e/support/create-signed-off-units.ts"), JSON.stringify({ reviewer })],
    { env: { ...process.env, DATABASE_URL: e2eDatabaseUrl() }, encoding: "utf8" },
  );
  return JSON.parse(output) as SignedOffUnits;
}
