import { z } from "zod";
import { parseProxyEntry, splitProxyList } from "@/lib/serving/trusted-proxies";

/** An empty variable (`DATABASE_URL=` in a .env file) means "not set", not "invalid". */
const unsetIfEmpty = (value: unknown) => (value === "" ? undefined : value);

const postgresUrl = z.preprocess(
  unsetIfEmpty,
  z.url({ protocol: /^postgres(ql)?$/, error: "must be a postgresql:// URL" }).optional(),
);

const tcpPort = (fallback: number) =>
  z.preprocess(unsetIfEmpty, z.coerce.number().int().min(1).max(65535).default(fallback));

const envSchema = z.object({
  NODE_ENV: z.preprocess(
    unsetIfEmpty,
    z.enum(["development", "production", "test"]).default("development"),
  ),
  /** A PostgreSQL server to use instead of the embedded one. */
  DATABASE_URL: postgresUrl,
  /** A server for the integration tests; without it they start their own throw-away cluster. */
  DATABASE_URL_TEST: postgresUrl,
  /** HTTP port of the Next.js server. */
  PORT: tcpPort(3000),
  /** Folder for the embedded cluster, its password and its log (default: `.data` in the project). */
  GONGKAI_DATA_DIR: z.preprocess(unsetIfEmpty, z.string().optional()),
  /** Port of the embedded PostgreSQL, on 127.0.0.1 only. */
  GONGKAI_DB_PORT: tcpPort(54329),
  /**
   * Signs session cookies. Required with your own database; on the embedded one it is generated
   * into the data folder when unset (lib/auth/auth-settings.ts).
   */
  BETTER_AUTH_SECRET: z.preprocess(
    unsetIfEmpty,
    z.string().min(32, { error: "must be at least 32 characters (e.g. openssl rand -base64 32)" }).optional(),
  ),
  /** The public address of the app, e.g. https://yusuan.example.gov.cn; https makes cookies Secure. */
  BETTER_AUTH_URL: z.preprocess(unsetIfEmpty, z.url({ protocol: /^https?$/, error: "must be an http(s):// URL" }).optional()),
  /**
   * With your own DATABASE_URL (the owner's, for migrations): the password the start-up gives the
   * application role gongkai_app, which the server then connects as (docker-compose.yml sets it;
   * ADR 0008, ADR 0022). Without it the server keeps the owner's URL, as before.
   */
  GONGKAI_APP_ROLE_PASSWORD: z.preprocess(
    unsetIfEmpty,
    z
      .string()
      .min(16, { error: "must be at least 16 characters (e.g. openssl rand -hex 24)" })
      .regex(/^[A-Za-z0-9._~-]+$/, { error: "must be URL-safe (letters, digits, . _ ~ -), e.g. openssl rand -hex 24" })
      .optional(),
  ),
  /** Reverse proxies whose X-Forwarded-For is trusted for client addresses: comma-separated IPs or CIDRs. */
  GONGKAI_TRUSTED_PROXIES: z.preprocess(
    unsetIfEmpty,
    z
      .string()
      .refine((value) => splitProxyList(value).every((entry) => parseProxyEntry(entry) !== null), {
        error: (issue) =>
          `must be comma-separated IP addresses or CIDRs (e.g. 10.0.0.1, 192.168.0.0/16); not valid: ${splitProxyList(String(issue.input))
            .filter((entry) => parseProxyEntry(entry) === null)
            .join(", ")}`,
      })
      .optional(),
  ),
  /**
   * "true" (the default of `npm start`): the start-up loads the demo into an EMPTY database, once.
   * "false" (Dockerfile, docker-compose.yml; production): no demo data at all. See lib/demo/load-demo.ts.
   */
  /** the app's public address; an https:// one makes the session cookies `Secure` and `__Host-` (ADR 0021) */
  GONGKAI_PUBLIC_URL: z.preprocess(unsetIfEmpty, z.url({ protocol: /^https?$/, error: "must be an http(s):// URL" }).optional()),
  /** the shortest password accepted when one is set (等保: complexity); 12 unless configured */
  GONGKAI_PASSWORD_MIN_LENGTH: z.preprocess(
    unsetIfEmpty,
    z.coerce.number({ error: "must be a whole number from 8 to 64" }).int("must be a whole number from 8 to 64").min(8, "must be at least 8").max(64, "must be at most 64").default(12),
  ),
  /** days after which a password must be changed at the next sign-in (0: never); 90 unless configured */
  GONGKAI_PASSWORD_MAX_AGE_DAYS: z.preprocess(
    unsetIfEmpty,
    z.coerce.number({ error: "must be a whole number of days (0: never)" }).int("must be a whole number of days (0: never)").min(0, "must be 0 or more").max(3650, "must be at most 3650").default(90),
  ),
  GONGKAI_DEMO: z.preprocess(unsetIfEmpty, z.enum(["true", "false"], { error: 'must be "true" or "false"' }).default("true")),
  /**
   * Replaced by GONGKAI_DEMO. Refused rather than ignored: a deployment that still sets
   * GONGKAI_DEMO_USERS=false expects no demo, and would otherwise get one on an empty database.
   */
  GONGKAI_DEMO_USERS: z.preprocess(
    unsetIfEmpty,
    z
      .undefined({
        error: "is no longer read: set GONGKAI_DEMO=false instead (it loads no demo data at all: no accounts, units, budgets or publications) and remove GONGKAI_DEMO_USERS",
      })
      .optional(),
  ),
});

export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {
  override name = "EnvError";
}

/** Reports every invalid variable at once, so a misconfigured deployment is fixed in one go. */
export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const result = envSchema.safeParse(source);
  if (result.success) return result.data;
  const problems = result.error.issues.map(
    (issue) => `  ${issue.path.join(".") || "(environment)"}: ${issue.message}`,
  );
  throw new EnvError(`Invalid environment variables:\n${problems.join("\n")}`);
}

/** The connection string every database client uses; the start scripts set it for the embedded server. */
export function requireDatabaseUrl(source: Record<string, string | undefined> = process.env): string {
  const url = parseEnv(source).DATABASE_URL;
  if (url === undefined) {
    throw new EnvError(
      "DATABASE_URL is not set. Run the app with `npm start` or `npm run dev` (they start the " +
        "embedded PostgreSQL and set it), run a one-off command with `npm run with-db -- <command>`, " +
        "or set DATABASE_URL to your own PostgreSQL server.",
    );
  }
  return url;
}
