import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { DbReader } from "@/lib/budgets/db-client";
import { createDocumentHandler } from "./document-handler";
import { DocumentStore, type DocumentStoreOptions } from "./document-store";
import { listenForPublications } from "./publication-listener";
import { SiteHandler, type SitePathMatcher, type SiteRouter } from "./site-handler";

export interface PublicServerOptions {
  db: DbReader;
  /** the same database, for a LISTEN connection that learns about new publications */
  databaseUrl: string;
  /** every request that is not a public document URL (the Next.js app) */
  fallback: (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;
  port: number;
  host?: string;
  store?: DocumentStoreOptions;
  /** the public site's pages and open data (lib/public-site/), served from memory like the documents */
  site?: { matches: SitePathMatcher; router: SiteRouter };
  log?: (message: string) => void;
}

export interface PublicServer {
  server: Server;
  store: DocumentStore;
  /** e.g. http://127.0.0.1:3000 */
  url: string;
  close(): Promise<void>;
}

/**
 * The HTTP front: published documents straight from memory (lib/serving/document-store.ts),
 * everything else to the app. Published pages are immutable files, so serving them like static
 * files is both the fastest and the most faithful way (docs/decisions/0004-serving-published-pages.md).
 */
export async function startPublicServer(options: PublicServerOptions): Promise<PublicServer> {
  const log = options.log ?? ((message: string) => console.error(`[serve] ${message}`));
  const store = new DocumentStore(options.db, { log, ...options.store });
  const site = options.site === undefined ? null : new SiteHandler(options.site.matches, options.site.router, { log });
  const listener = listenForPublications(options.databaseUrl, {
    onChange: (key) => {
      store.invalidate(key);
      // Listings, search and open data cover every document: any publication may change them.
      site?.clear();
    },
    onReset: () => {
      store.clear();
      site?.clear();
    },
    log,
  });
  await listener.ready;
  const handleDocument = createDocumentHandler(store, log);

  const fail = (req: IncomingMessage, res: ServerResponse, error: unknown) => {
    log(`${req.method} ${req.url}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    if (res.headersSent) {
      res.destroy();
    } else {
      res.statusCode = 500;
      res.end();
    }
  };
  const server = createServer((req, res) => {
    try {
      if (handleDocument(req, res)) return;
      if (site?.handle(req, res)) return;
      Promise.resolve(options.fallback(req, res)).catch((error: unknown) => fail(req, res, error));
    } catch (error) {
      fail(req, res, error);
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host = address.family === "IPv6" ? `[${address.address}]` : address.address;

  return {
    server,
    store,
    url: `http://${host === "0.0.0.0" || host === "[::]" ? "127.0.0.1" : host}:${address.port}`,
    async close() {
      await listener.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      });
    },
  };
}
