import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { EnvError, parseEnv, type Env } from "@/lib/env";
import { readAppRolePassword } from "@/lib/database/app-role";

export interface AuthSettings {
  secret: string;
  /** the app's public address, when configured; otherwise better-auth takes it from each request */
  baseURL: string | undefined;
  useSecureCookies: boolean;
  /** reverse proxies whose X-Forwarded-For is believed (IPs or CIDRs) */
  trustedProxies: string[];
}

export const AUTH_SECRET_FILE = "auth-secret";

/**
 * Where the cookie-signing secret comes from: BETTER_AUTH_SECRET when set; on the embedded
 * database (a demo or development install) a random one generated once into the data folder,
 * mode 600, as the database password is; anything else is a server with its own database, which
 * must be given a secret, because a generated file would differ between instances and vanish
 * with a container.
 */
export function resolveAuthSettings(
  source: Record<string, string | undefined> = process.env,
  projectRoot: string = process.cwd(),
): AuthSettings {
  const env = parseEnv(source);
  const dataRoot = env.GONGKAI_DATA_DIR ?? path.join(projectRoot, ".data");
  const isEmbedded = isEmbeddedDatabase(env, dataRoot);
  const publicUrl = env.GONGKAI_PUBLIC_URL ?? env.BETTER_AUTH_URL;
  return {
    secret: env.BETTER_AUTH_SECRET ?? fallbackSecret(env, isEmbedded, dataRoot),
    baseURL: env.BETTER_AUTH_URL ?? env.GONGKAI_PUBLIC_URL,
    // Secure cookies need https; the demo is often opened as http://<LAN address>, production never is.
    // Over https the cookies are Secure and `__Host-` prefixed (lib/auth/auth.ts).
    useSecureCookies:
      publicUrl !== undefined ? publicUrl.startsWith("https://") : env.NODE_ENV === "production" && !isEmbedded,
    trustedProxies: (env.GONGKAI_TRUSTED_PROXIES ?? "")
      .split(",")
      .map((entry) => entry.trim())
      .filter((entry) => entry !== ""),
  };
}

function fallbackSecret(env: Env, isEmbedded: boolean, dataRoot: string): string {
  if (env.NODE_ENV === "test") return randomBytes(32).toString("base64url");
  if (isEmbedded) return readOrCreateSecret(path.join(dataRoot, AUTH_SECRET_FILE));
  throw new EnvError(
    "BETTER_AUTH_SECRET is not set. A server with its own database (DATABASE_URL) needs a fixed secret " +
      "of at least 32 characters for signing session cookies, the same on every instance: " +
      "BETTER_AUTH_SECRET=$(openssl rand -base64 32).",
  );
}

/**
 * The embedded server's URL carries the password stored in the data folder; a URL that does not
 * is someone's own server. Comparing the password, not the host, also tells apart a different
 * PostgreSQL on the same machine.
 */
export function isEmbeddedDatabase(env: Env, dataRoot: string): boolean {
  const passwordFile = path.join(dataRoot, "postgres-password");
  if (env.DATABASE_URL === undefined || !existsSync(passwordFile)) return false;
  try {
    const url = new URL(env.DATABASE_URL);
    return (
      url.hostname === "127.0.0.1" &&
      Number(url.port) === env.GONGKAI_DB_PORT &&
      // the owner's password, or the application role's (lib/database/app-role.ts), which `npm start` connects with
      [readFileSync(passwordFile, "utf8").trim(), readAppRolePassword(dataRoot)].includes(decodeURIComponent(url.password))
    );
  } catch {
    return false;
  }
}

export function readOrCreateSecret(file: string): string {
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    try {
      writeFileSync(file, `${randomBytes(32).toString("base64url")}\n`, { mode: 0o600, flag: "wx" });
    } catch (error) {
      // Another process created it first: use theirs.
      if (!(error instanceof Error && "code" in error && error.code === "EEXIST")) throw error;
    }
  }
  if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
  const secret = readFileSync(file, "utf8").trim();
  if (secret.length < 32) {
    throw new EnvError(`${file} holds no usable secret (fewer than 32 characters); delete it to generate a new one.`);
  }
  return secret;
}
