/**
 * `tsx scripts/with-db.ts <command…>`: runs one command with DATABASE_URL pointing at the database
 * (DATABASE_URL itself, or the embedded server, started for the command and stopped after it;
 * while `npm start` runs, its server is shared). Progress goes to stderr: stdout belongs to the
 * command, so `npm run -s gongkai -- … > file` captures only the command's own output.
 */
import path from "node:path";
import { acquireDatabase, projectRoot } from "@/lib/database/acquire-database";
import { DatabaseStartError } from "@/lib/database/embedded-server";
import { EnvError, parseEnv } from "@/lib/env";
import { loadEnvFiles } from "./lib/load-env-files";
import { exitCodeOf, Supervisor } from "./lib/supervisor";

const log = (message: string) => process.stderr.write(`[with-db] ${message}\n`);
const supervisor = new Supervisor(log);

async function main(): Promise<never> {
  const [command, ...args] = process.argv.slice(2);
  if (command === undefined) {
    log("Usage: npm run with-db -- <command> [arguments…]   e.g. npm run with-db -- prisma migrate status");
    return supervisor.exit(2);
  }
  loadEnvFiles(projectRoot, process.env.NODE_ENV === "production" ? "production" : "development");
  const env = parseEnv();
  const database = await acquireDatabase({
    env,
    log,
    whenAlreadyRunning: "attach",
    command: `npm run with-db -- ${command}`,
  });
  supervisor.onCleanup(database.release);
  if (supervisor.stopSignal !== undefined) return supervisor.exit(0);

  const status = await supervisor.run(command, args, {
    stdio: "inherit",
    env: {
      ...process.env,
      DATABASE_URL: database.url,
      // Lets `prisma`, `tsx` and friends be named without npx, also outside npm scripts.
      PATH: [path.join(projectRoot, "node_modules", ".bin"), process.env.PATH].join(path.delimiter),
    },
  });
  return supervisor.exit(exitCodeOf(status));
}

main().catch(async (error: unknown) => {
  if (error instanceof DatabaseStartError || error instanceof EnvError) {
    log(error.message);
  } else if (error instanceof Error && "code" in error && error.code === "ENOENT") {
    log(`Command not found: ${process.argv[2] ?? ""}`);
  } else {
    log(`Unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  }
  await supervisor.exit(1);
});
