import { createHash } from "node:crypto";
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from "node:http";
import { brotliCompressSync, constants as zlibConstants, gzipSync } from "node:zlib";
import type { SiteResponse } from "@/lib/public-site/site-response";
import { isDatabaseUnavailable } from "@/lib/database/unavailable";
import { acceptedCompressions, isNotModified, type Compression } from "./http-negotiation";

/** A public-site route: an answer for a GET of this URL, or null when the URL is not the site's (Next.js answers it). */
export type SiteRouter = (pathname: string, query: URLSearchParams) => Promise<SiteResponse | null> | SiteResponse | null;
/**
 * Which requests the router claims, decided synchronously so other requests pass through
 * untouched (e.g. a signed-in member of staff gets the app's own home page with their name).
 */
export type SitePathMatcher = (pathname: string, headers: IncomingHttpHeaders) => boolean;
/**
 * Checked before a claimed URL is answered (the rate limits of search and the API): null, or a
 * promise of null, lets it through; a refusal is sent as it is. Synchronous null for URLs it does
 * not limit, so the other pages cost nothing.
 */
export type SiteGate = (req: IncomingMessage, pathname: string) => Promise<SiteRefusal | null> | null;
export interface SiteRefusal {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Pages have no script; forms (search, comparison) submit to this site only. */
const SITE_POLICY =
  "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; base-uri 'none'; form-action 'self'; frame-ancestors 'self'";

export interface Prepared {
  response: SiteResponse;
  /** per encoding: the bytes and their strong ETag */
  variants: Map<Compression | "identity", { bytes: Buffer; etag: string }>;
  size: number;
}

export interface SiteHandlerOptions {
  /** kept answers, least recently used dropped first */
  maxEntries?: number;
  maxBytes?: number;
  log?: (message: string) => void;
  gate?: SiteGate;
}

const etagOf = (bytes: Buffer, suffix: string) => `"${createHash("sha256").update(bytes).digest("hex").slice(0, 40)}${suffix}"`;

/**
 * An answer's bytes in each encoding with their strong ETags: identity always, gzip for text over
 * 512 bytes, and brotli too when `compressAll` (answers that are kept). The static mirror writes
 * these same variants (lib/mirror/site-listings.ts).
 */
export function prepareSiteResponse(response: SiteResponse, compressAll: boolean): Prepared {
  const variants: Prepared["variants"] = new Map();
  variants.set("identity", { bytes: response.body, etag: etagOf(response.body, "") });
  let size = response.body.length;
  const isText = /^(text\/|application\/json)/.test(response.contentType);
  if (isText && response.body.length > 512) {
    const gzip = gzipSync(response.body, { level: compressAll ? 9 : 6 });
    variants.set("gzip", { bytes: gzip, etag: etagOf(response.body, "-gzip") });
    size += gzip.length;
    if (compressAll) {
      const br = brotliCompressSync(response.body, {
        params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 10, [zlibConstants.BROTLI_PARAM_SIZE_HINT]: response.body.length },
      });
      variants.set("br", { bytes: br, etag: etagOf(response.body, "-br") });
      size += br.length;
    }
  }
  return { response, variants, size };
}

/**
 * Serves the public site's pages and open data (lib/public-site/) the way published documents
 * are served: answers that depend only on published data are rendered once, compressed once
 * (gzip and brotli) and kept in memory until the next publication (`clear`, called by the
 * publication listener), with strong ETags and 304s. Reading only: GET and HEAD, and OPTIONS
 * (CORS preflight) for open data; other methods get 405.
 */
export class SiteHandler {
  private readonly cache = new Map<string, Prepared>();
  private bytes = 0;
  private generation = 0;
  private readonly maxEntries: number;
  private readonly maxBytes: number;
  private readonly log: (message: string) => void;
  private readonly gate: SiteGate | undefined;

  constructor(
    private readonly matches: SitePathMatcher,
    private readonly router: SiteRouter,
    options: SiteHandlerOptions = {},
  ) {
    this.maxEntries = options.maxEntries ?? 5_000;
    this.maxBytes = options.maxBytes ?? 128 * 1024 * 1024;
    this.log = options.log ?? ((message) => console.error(`[site] ${message}`));
    this.gate = options.gate;
  }

  /** Something was published: every listing may have changed. */
  clear(): void {
    this.cache.clear();
    this.bytes = 0;
    this.generation += 1;
  }

  /** Answers and returns true when the URL is the site's; false otherwise (the caller passes it on). */
  handle(req: IncomingMessage, res: ServerResponse): boolean {
    const url = req.url ?? "/";
    const q = url.indexOf("?");
    let pathname: string;
    try {
      pathname = decodeURIComponent(q < 0 ? url : url.slice(0, q));
    } catch {
      return false;
    }
    if (!this.matches(pathname, req.headers)) return false;
    if (req.method === "OPTIONS") {
      res.writeHead(204, { ...CORS_HEADERS, "Access-Control-Max-Age": "86400", Allow: "GET, HEAD, OPTIONS" });
      res.end();
      return true;
    }
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { Allow: "GET, HEAD, OPTIONS", "Content-Type": "text/plain; charset=utf-8" });
      res.end("只支持 GET、HEAD 和 OPTIONS 请求。");
      return true;
    }
    const gated = this.gate?.(req, pathname) ?? null;
    if (gated === null) {
      this.answer(req, res, url, pathname, q);
      return true;
    }
    gated
      .then((refusal) => {
        if (refusal === null) {
          this.answer(req, res, url, pathname, q);
          return;
        }
        res.writeHead(refusal.status, { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", ...refusal.headers });
        res.end(req.method === "HEAD" ? undefined : refusal.body);
      })
      .catch((error: unknown) => this.fail(req, res, url, error));
    return true;
  }

  private answer(req: IncomingMessage, res: ServerResponse, url: string, pathname: string, q: number): void {
    const key = `${pathname}?${q < 0 ? "" : url.slice(q + 1)}`;
    const cached = this.cache.get(key);
    if (cached !== undefined) {
      this.cache.delete(key);
      this.cache.set(key, cached);
      this.send(req, res, cached);
      return;
    }
    const generation = this.generation;
    Promise.resolve()
      .then(() => this.router(pathname, new URLSearchParams(q < 0 ? "" : url.slice(q + 1))))
      .then((response) => {
        if (response === null) {
          res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" });
          res.end("未找到。");
          return;
        }
        const prepared = prepareSiteResponse(response, response.isCacheable);
        if (response.isCacheable && generation === this.generation) this.keep(key, prepared);
        this.send(req, res, prepared);
      })
      .catch((error: unknown) => this.fail(req, res, url, error));
  }

  private fail(req: IncomingMessage, res: ServerResponse, url: string, error: unknown): void {
    this.log(`${req.method} ${url}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    if (res.headersSent) {
      res.destroy();
      return;
    }
    // The database is away (restarting, unreachable): a 503 says "try again", not "broken".
    const unavailable = isDatabaseUnavailable(error);
    res.writeHead(unavailable ? 503 : 500, {
      "Content-Type": "text/plain; charset=utf-8",
      "Cache-Control": "no-store",
      ...(unavailable ? { "Retry-After": "30" } : {}),
    });
    res.end(unavailable ? "数据库暂时无法连接，请稍后再试。已公开的预算文件仍可正常查看。" : "服务暂时不可用，请稍后再试。");
  }

  private keep(key: string, prepared: Prepared): void {
    if (prepared.size > this.maxBytes / 8) return;
    this.cache.set(key, prepared);
    this.bytes += prepared.size;
    for (const [oldKey, old] of this.cache) {
      if (this.cache.size <= this.maxEntries && this.bytes <= this.maxBytes) break;
      this.cache.delete(oldKey);
      this.bytes -= old.size;
    }
  }

  private send(req: IncomingMessage, res: ServerResponse, prepared: Prepared): void {
    const { response } = prepared;
    const encoding = acceptedCompressions(req.headers["accept-encoding"]).find((e) => prepared.variants.has(e)) ?? "identity";
    const variant = prepared.variants.get(encoding) ?? prepared.variants.get("identity");
    if (variant === undefined) throw new Error("no identity variant");
    const headers: Record<string, string> = { "Content-Type": response.contentType, ETag: variant.etag, ...siteResponseHeaders(response) };
    if (encoding !== "identity") headers["Content-Encoding"] = encoding;
    if (response.status === 200 && isNotModified(req.headers["if-none-match"], variant.etag)) {
      res.writeHead(304, { ETag: variant.etag, "Cache-Control": headers["Cache-Control"], Vary: "Accept-Encoding", ...(response.isOpenData ? CORS_HEADERS : {}) });
      res.end();
      return;
    }
    headers["Content-Length"] = String(variant.bytes.length);
    res.writeHead(response.status, headers);
    res.end(req.method === "HEAD" ? undefined : variant.bytes);
  }
}

/**
 * The headers of an answer besides Content-Type and those of the variant sent (ETag,
 * Content-Encoding, Content-Length): the same for the app and for the static mirror.
 */
export function siteResponseHeaders(response: SiteResponse): Record<string, string> {
  return {
    "Cache-Control": response.status === 200 ? "public, max-age=60" : "no-store",
    Vary: "Accept-Encoding",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    ...(response.contentType.startsWith("text/html") ? { "Content-Security-Policy": SITE_POLICY } : {}),
    ...(response.isOpenData ? CORS_HEADERS : {}),
    ...response.headers,
  };
}

/** Reading from any origin; nothing else (no credentials, no writes). */
const CORS_HEADERS: Record<string, string> = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Allow-Methods": "GET, HEAD, OPTIONS",
  "Access-Control-Allow-Headers": "If-None-Match",
  "Access-Control-Expose-Headers": "ETag, Content-Disposition",
};
