import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { redactDatabaseUrl } from "@/lib/database/database-url";
import { startEmbeddedDatabase } from "@/lib/database/embedded-server";
import { migrateDatabase } from "@/lib/database/migrate-database";
import { findFreePort } from "@/lib/database/ports";
import { parseEnv } from "@/lib/env";

declare module "vitest" {
  export interface ProvidedContext {
    /** The migrated database the integration tests run against. */
    databaseUrl: string;
  }
}

const log = (message: string) => process.stderr.write(`[integration] ${message}\n`);

/**
 * The integration tests get their own throw-away cluster (never `.data`, never the developer's
 * database), or DATABASE_URL_TEST when a real server is wanted; either way migrated once here.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const configured = parseEnv().DATABASE_URL_TEST;
  let url: string;
  let teardown: () => Promise<void>;

  if (configured !== undefined) {
    log(`Using DATABASE_URL_TEST (${redactDatabaseUrl(configured)}).`);
    url = configured;
    teardown = async () => undefined;
  } else {
    const dataRoot = await mkdtemp(path.join(tmpdir(), "gongkai-test-"));
    const server = await startEmbeddedDatabase({
      dataRoot,
      port: await findFreePort(),
      databaseName: "gongkai_test",
      whenAlreadyRunning: "fail",
      isDurable: false,
      log,
      command: "npm run test:integration",
    });
    url = server.url;
    teardown = async () => {
      await server.stop();
      await rm(dataRoot, { recursive: true, force: true });
    };
  }

  try {
    migrate(url);
  } catch (error) {
    await teardown();
    throw error;
  }
  project.provide("databaseUrl", url);
  return teardown;
}

function migrate(url: string): void {
  const startedAt = performance.now();
  migrateDatabase(url);
  log(`Migrated the test database in ${Math.round(performance.now() - startedAt)} ms.`);
}
