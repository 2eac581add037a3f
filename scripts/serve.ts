/**
 * `node --import tsx scripts/serve.ts [--dev]`: the app's HTTP server. Published documents are
 * answered from memory by lib/serving; every other request goes to Next.js, embedded as a custom
 * server. scripts/start.ts runs it with DATABASE_URL set after migrating and seeding; run alone,
 * it needs DATABASE_URL and (without --dev) a production build.
 */
import next from "next";
import { projectRoot } from "@/lib/database/acquire-database";
import { disconnectPrisma, prisma } from "@/lib/db";
import { EnvError, parseEnv, requireDatabaseUrl } from "@/lib/env";
import { publicSiteRenderers } from "@/app/document-renderers";
import { createSiteRouter, isSitePath } from "@/lib/public-site/site-router";
import { indexUnindexedSnapshots } from "@/lib/search/index-snapshot";
import { siteRateLimitGate } from "@/lib/rate-limit/site-gate";
import { startPublicServer, type PublicServer } from "@/lib/serving/public-server";
import { splitProxyList } from "@/lib/serving/trusted-proxies";

const isDev = process.argv.includes("--dev");
const log = (message: string) => process.stderr.write(`[serve] ${message}\n`);

async function main(): Promise<void> {
  const env = parseEnv();
  const databaseUrl = requireDatabaseUrl();
  const app = next({ dev: isDev, dir: projectRoot, port: env.PORT });
  await app.prepare();
  const handle = app.getRequestHandler();
  // Budgets published before the search index existed (or an index that was dropped): derived
  // from their snapshots, nothing published changes.
  const indexed = await indexUnindexedSnapshots(prisma);
  if (indexed > 0) log(`Indexed ${indexed} published budget(s) for search.`);
  const server = await startPublicServer({
    db: prisma,
    databaseUrl,
    fallback: handle,
    port: env.PORT,
    log,
    site: { matches: isSitePath, router: createSiteRouter(prisma, publicSiteRenderers), gate: siteRateLimitGate(prisma, log) },
    trustedProxies: splitProxyList(env.GONGKAI_TRUSTED_PROXIES),
    isPublicUrlHttps: env.BETTER_AUTH_URL?.startsWith("https://") ?? false,
  });
  log(`Ready on http://localhost:${env.PORT} (${isDev ? "development" : "production"}).`);
  stopOnSignals(server, () => app.close());
}

function stopOnSignals(server: PublicServer, closeApp: () => Promise<void>): void {
  let isStopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (isStopping) return;
    isStopping = true;
    log(`Received ${signal}, finishing open requests…`);
    // Open keep-alive connections would hold the server; waiting for requests in flight is enough.
    const forced = setTimeout(() => server.server.closeAllConnections(), 5_000);
    forced.unref();
    server
      .close()
      .then(closeApp)
      .then(disconnectPrisma)
      .then(
        () => process.exit(0),
        (error: unknown) => {
          log(`Shutdown failed: ${error instanceof Error ? error.message : String(error)}`);
          process.exit(1);
        },
      );
  };
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, stop);
}

main().catch(async (error: unknown) => {
  log(error instanceof EnvError ? error.message : `Could not start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  await disconnectPrisma();
  process.exit(1);
});
