import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { DbReader } from "@/lib/budgets/db-client";
import { createDocumentHandler } from "./document-handler";
import { DocumentStore, type DocumentStoreOptions } from "./document-store";
import { listenForPublications } from "./publication-listener";
import { DATABASE_DOWN_PAGE } from "./error-pages";
import { DOCUMENT_POLICY } from "./response-headers";
import { BASE_HEADERS, BASE_HEADERS_TLS } from "./security-headers";
import { SiteHandler, type SiteGate, type SitePathMatcher, type SiteRouter } from "./site-handler";
import { TrustedProxies } from "./trusted-proxies";

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
  site?: { matches: SitePathMatcher; router: SiteRouter; gate?: SiteGate };
  log?: (message: string) => void;
  /** reverse proxies whose X-Forwarded-For and X-Forwarded-Proto are believed (GONGKAI_TRUSTED_PROXIES) */
  trustedProxies?: readonly string[];
  /** the app's public address is https (BETTER_AUTH_URL): every answer carries HSTS */
  isPublicUrlHttps?: boolean;
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
  const site =
    options.site === undefined ? null : new SiteHandler(options.site.matches, options.site.router, { log, ...(options.site.gate ? { gate: options.site.gate } : {}) });
  const proxies = new TrustedProxies(options.trustedProxies ?? []);
  const isPublicUrlHttps = options.isPublicUrlHttps ?? false;
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
      // HSTS only over TLS (at this server, or at a trusted proxy, or a public https address).
      for (const [name, value] of isPublicUrlHttps || proxies.isTls(req) ? BASE_HEADERS_TLS : BASE_HEADERS) res.setHeader(name, value);
      // Before anything reads them: forwarding headers count only from a trusted proxy.
      proxies.normalise(req);
      if (!isWellFormedTarget(req.url ?? "/")) {
        res.writeHead(400, { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" });
        res.end("请求地址的编码有误（百分号编码不完整或不是有效的 UTF-8），请检查链接。");
        return;
      }
      if (handleDocument(req, res)) return;
      if (site?.handle(req, res)) return;
      // The database is away: the app's pages would each fail on their first query. A Chinese 503
      // at once instead; documents and cached public pages above are still served from memory.
      if (!listener.isConnected()) {
        res.writeHead(503, { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store", "Retry-After": "10", "Content-Security-Policy": DOCUMENT_POLICY });
        res.end(req.method === "HEAD" ? undefined : DATABASE_DOWN_PAGE);
        return;
      }
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

/**
 * A request target whose path decodes as UTF-8 and whose query has no broken percent escape.
 * A bare "%" never comes from a browser (a typed "%" is sent as %25), so refusing it with 400
 * costs no visitor anything, and Next.js never sees a URL it would answer with a 500.
 */
export function isWellFormedTarget(target: string): boolean {
  const q = target.indexOf("?");
  const path = q < 0 ? target : target.slice(0, q);
  if (path.includes("%")) {
    try {
      decodeURIComponent(path);
    } catch {
      return false;
    }
  }
  return q < 0 || !/%(?![0-9A-Fa-f]{2})/.test(target.slice(q + 1));
}
