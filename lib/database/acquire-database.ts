import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Env } from "../env";
import { redactDatabaseUrl } from "./database-url";
import { startEmbeddedDatabase } from "./embedded-server";

export const projectRoot = fileURLToPath(new URL("../..", import.meta.url));

/** The application's database on the embedded server. */
export const APP_DATABASE_NAME = "gongkai";

export interface AcquiredDatabase {
  url: string;
  /** Stops the embedded server if this process started it; leaves any other server alone. */
  release(): Promise<void>;
}

export interface AcquireOptions {
  env: Env;
  log: (message: string) => void;
  whenAlreadyRunning: "attach" | "fail";
  command: string;
}

/** `DATABASE_URL` wins; without it the embedded server in `.data/` (or GONGKAI_DATA_DIR) is started. */
export async function acquireDatabase(options: AcquireOptions): Promise<AcquiredDatabase> {
  const { env, log } = options;
  if (env.DATABASE_URL !== undefined) {
    log(`Using the PostgreSQL server at DATABASE_URL (${redactDatabaseUrl(env.DATABASE_URL)}).`);
    return { url: env.DATABASE_URL, release: async () => undefined };
  }
  const server = await startEmbeddedDatabase({
    dataRoot: env.GONGKAI_DATA_DIR ?? path.join(projectRoot, ".data"),
    port: env.GONGKAI_DB_PORT,
    databaseName: APP_DATABASE_NAME,
    whenAlreadyRunning: options.whenAlreadyRunning,
    isDurable: true,
    log,
    command: options.command,
  });
  return {
    url: server.url,
    release: async () => {
      if (server.isAttached) return;
      log("Stopping PostgreSQL…");
      await server.stop();
      log("PostgreSQL stopped.");
    },
  };
}
