import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";

const isCI = process.env.CI !== undefined && process.env.CI !== "";
const appPort = Number(process.env.E2E_PORT ?? 3100);
const dbPort = Number(process.env.E2E_DB_PORT ?? 54339);

// The app under test gets its own database, created fresh for each run. Playwright loads this file
// in its runner and again in every worker; the variable makes them all agree on one folder.
if (process.env.GONGKAI_E2E_DATA_DIR === undefined) {
  removeEarlierRunsData();
  process.env.GONGKAI_E2E_DATA_DIR = mkdtempSync(path.join(tmpdir(), "gongkai-e2e-"));
}

/**
 * Playwright stops the web server only after global teardown, so a run cannot delete its own
 * folder; the next run deletes it instead, unless a server still runs on it.
 */
function removeEarlierRunsData(): void {
  for (const entry of readdirSync(tmpdir())) {
    const dir = path.join(tmpdir(), entry);
    if (entry.startsWith("gongkai-e2e-") && !existsSync(path.join(dir, "postgres", "postmaster.pid"))) {
      rmSync(dir, { recursive: true, force: true });
    }
  }
}

// The factories the tests run (under tsx) give every account they create a TOTP second factor,
// encrypted with the app's auth secret, so the server and the tests share one for the run.
// Test-only: a real deployment sets its own (README, ADR 0021).
process.env.BETTER_AUTH_SECRET ??= "e2e-only-auth-secret-never-used-in-production-0021";

export default defineConfig({
  testDir: "e2e",
  outputDir: "e2e/.artifacts/test-results",
  fullyParallel: false,
  forbidOnly: isCI,
  retries: 0,
  reporter: "list",
  use: {
    baseURL: `http://127.0.0.1:${appPort}`,
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    screenshot: "only-on-failure",
    trace: "retain-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        // Debian's chromium: `npx playwright install` needs the internet.
        launchOptions: {
          executablePath: "/usr/bin/chromium",
          args: [
            "--disable-background-networking",
            "--disable-component-update",
            "--no-first-run",
            "--disable-sync",
          ],
        },
      },
    },
  ],
  webServer: {
    // The same start-up a user gets (migrate, seed, build if needed, serve), on its own ports.
    command: "node --import tsx scripts/start.ts",
    port: appPort,
    env: {
      PORT: String(appPort),
      GONGKAI_DB_PORT: String(dbPort),
      GONGKAI_DATA_DIR: process.env.GONGKAI_E2E_DATA_DIR,
      // Empty, not absent: a DATABASE_URL from .env must not point the tests at a real database.
      DATABASE_URL: process.env.DATABASE_URL_TEST ?? "",
      NEXT_TELEMETRY_DISABLED: "1",
      BETTER_AUTH_SECRET: process.env.BETTER_AUTH_SECRET,
    },
    reuseExistingServer: !isCI,
    timeout: 240_000,
    stdout: "pipe",
    stderr: "pipe",
    // SIGTERM lets scripts/start.ts stop Next.js and then PostgreSQL; the default SIGKILL would orphan them.
    gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
  },
});
