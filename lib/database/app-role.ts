import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";

/**
 * The application's database role (migration 20261129110000_application_role): it reads and
 * writes the application's tables, and may only INSERT and SELECT audit_events. Migrations and
 * the seed run as the owner; the web server connects as this role.
 */
export const APP_ROLE = "gongkai_app";

/** Where the embedded set-up keeps the role's password, next to `postgres-password`. */
export const APP_ROLE_PASSWORD_FILE = "app-role-password";

/** The role's password from the data folder, created (random, mode 0600) on first use. */
export function readOrCreateAppRolePassword(dataRoot: string): string {
  const file = path.join(dataRoot, APP_ROLE_PASSWORD_FILE);
  if (!existsSync(file)) {
    mkdirSync(dataRoot, { recursive: true });
    try {
      writeFileSync(file, `${randomBytes(24).toString("base64url")}\n`, { mode: 0o600, flag: "wx" });
    } catch (error) {
      if (!(error instanceof Error && "code" in error && error.code === "EEXIST")) throw error;
    }
  }
  if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
  return readFileSync(file, "utf8").trim();
}

/** The password of the application role if the data folder holds one (for recognising the embedded database). */
export function readAppRolePassword(dataRoot: string): string | null {
  const file = path.join(dataRoot, APP_ROLE_PASSWORD_FILE);
  return existsSync(file) ? readFileSync(file, "utf8").trim() : null;
}

/** `url` with the application role's name and password instead of the owner's. */
export function appRoleUrl(ownerUrl: string, password: string): string {
  const url = new URL(ownerUrl);
  url.username = APP_ROLE;
  url.password = password;
  return url.toString();
}

/**
 * Lets the application role sign in with `password` (as the owner, who may alter it), and
 * returns the URL the application connects with; null when the migrations did not create the
 * role (the owner could not create roles), in which case the caller keeps the owner's URL.
 */
export async function enableAppRole(ownerUrl: string, password: string): Promise<string | null> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [APP_ROLE]);
    if (rowCount === 0) return null;
    // ALTER ROLE takes no bind parameters; the password is base64url, quoted as a literal anyway.
    await client.query(`ALTER ROLE ${APP_ROLE} WITH LOGIN PASSWORD ${client.escapeLiteral(password)}`);
    return appRoleUrl(ownerUrl, password);
  } finally {
    await client.end();
  }
}

/**
 * The password the server's application role gets: on the embedded database the one kept in the
 * data folder (created on first use); with your own DATABASE_URL the one from
 * GONGKAI_APP_ROLE_PASSWORD (docker-compose.yml requires it), or null: then the server keeps the
 * owner's URL and the start-up says so.
 */
export function appRolePasswordFor(env: { DATABASE_URL?: string | undefined; GONGKAI_APP_ROLE_PASSWORD?: string | undefined }, dataRoot: string): string | null {
  if (env.DATABASE_URL === undefined) return readOrCreateAppRolePassword(dataRoot);
  return env.GONGKAI_APP_ROLE_PASSWORD ?? null;
}
