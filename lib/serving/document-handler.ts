import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";
import { ARTIFACT_KIND_OF, parseDocumentPath, type DocumentRequest } from "@/lib/publication/document-paths";
import type { DocumentStore, FileLookup, Representation, Variant } from "./document-store";
import {
  CORRUPT_PAGE,
  METHOD_NOT_ALLOWED_PAGE,
  NOT_FOUND_PAGE,
  PDF_UNAVAILABLE_PAGE,
  SERVER_ERROR_PAGE,
} from "./error-pages";
import { acceptedCompressions, attachmentDisposition, isNotModified, type Compression } from "./http-negotiation";

/** A representation that can never change again: browsers and proxies may keep it for a year unasked. */
const IMMUTABLE = "public, max-age=31536000, immutable";
/** The newest version can still be superseded (a notice is then added), and the alias can move to a new version. */
const REVALIDATE_SOON = "public, max-age=60";

/** The page is static: no scripts, inline styles only; nothing may load from elsewhere. */
const DOCUMENT_POLICY =
  "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'self'";

const DOCUMENT_HEADERS: OutgoingHttpHeaders = {
  "Content-Security-Policy": DOCUMENT_POLICY,
  "Referrer-Policy": "strict-origin-when-cross-origin",
};

export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => boolean;

/**
 * Answers the public document URLs (lib/publication/document-paths.ts) from the store and
 * returns true; returns false for every other URL, which the caller hands to the app. A file in
 * memory is answered synchronously; only a first request waits for the database.
 */
export function createDocumentHandler(store: DocumentStore, log: (message: string) => void): RequestHandler {
  return (req, res) => {
    const url = req.url ?? "/";
    const query = url.indexOf("?");
    const request = parseDocumentPath(query < 0 ? url : url.slice(0, query));
    if (request === null) return false;
    if (req.method !== "GET" && req.method !== "HEAD") {
      sendPage(req, res, 405, METHOD_NOT_ALLOWED_PAGE, { Allow: "GET, HEAD" });
      return true;
    }
    if (request === "not-found") {
      sendPage(req, res, 404, NOT_FOUND_PAGE);
      return true;
    }
    const kind = request.kind === "download" ? ARTIFACT_KIND_OF[request.format] : "HTML";
    const version = request.kind === "latest" ? null : request.version;
    const cached = store.peek(request.key, version, kind);
    if (cached !== undefined) {
      send(request, cached, req, res);
      return true;
    }
    store
      .lookup(request.key, version, kind)
      .then((found) => send(request, found, req, res))
      .catch((error: unknown) => {
        log(`${req.method} ${url}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        if (res.headersSent) res.destroy();
        else sendPage(req, res, 503, SERVER_ERROR_PAGE, { "Retry-After": "5" });
      });
    return true;
  };
}

function send(request: DocumentRequest, found: FileLookup, req: IncomingMessage, res: ServerResponse): void {
  if (found.status !== "ok") {
    sendFailure(req, res, found, request.kind === "download" && request.format === "pdf");
    return;
  }
  const cacheControl =
    request.kind === "download" || (request.kind === "version" && found.isSuperseded) ? IMMUTABLE : REVALIDATE_SOON;
  const extra: OutgoingHttpHeaders =
    request.kind === "download"
      ? { "Content-Disposition": attachmentDisposition(request.fileName, found.representation.fileName) }
      : DOCUMENT_HEADERS;
  sendRepresentation(req, res, found.representation, cacheControl, extra);
}

function sendRepresentation(
  req: IncomingMessage,
  res: ServerResponse,
  representation: Representation,
  cacheControl: string,
  extra: OutgoingHttpHeaders,
): void {
  const { encoding, variant } = chooseEncoding(representation, req.headers["accept-encoding"]);
  const headers: OutgoingHttpHeaders = {
    ETag: variant.etag,
    "Cache-Control": cacheControl,
    Vary: "Accept-Encoding",
    "X-Content-Type-Options": "nosniff",
    ...extra,
  };
  if (isNotModified(req.headers["if-none-match"], variant.etag)) {
    res.writeHead(304, headers);
    res.end();
    return;
  }
  headers["Content-Type"] = representation.contentType;
  headers["Content-Length"] = variant.body.length;
  if (encoding !== "identity") headers["Content-Encoding"] = encoding;
  res.writeHead(200, headers);
  res.end(req.method === "HEAD" ? undefined : variant.body);
}

function chooseEncoding(
  representation: Representation,
  acceptEncoding: string | undefined,
): { encoding: Compression | "identity"; variant: Variant } {
  for (const encoding of acceptedCompressions(acceptEncoding)) {
    const variant = representation[encoding];
    if (variant !== null) return { encoding, variant };
  }
  return { encoding: "identity", variant: representation.identity };
}

function sendFailure(req: IncomingMessage, res: ServerResponse, found: Exclude<FileLookup, { status: "ok" }>, isPdf: boolean): void {
  switch (found.status) {
    case "not-found":
      sendPage(req, res, 404, NOT_FOUND_PAGE);
      return;
    case "corrupt":
      sendPage(req, res, 500, CORRUPT_PAGE);
      return;
    case "unavailable":
      sendPage(req, res, isPdf ? 503 : 404, isPdf ? PDF_UNAVAILABLE_PAGE : NOT_FOUND_PAGE);
      return;
  }
}

function sendPage(req: IncomingMessage, res: ServerResponse, status: number, page: Buffer, extra: OutgoingHttpHeaders = {}): void {
  res.writeHead(status, {
    "Content-Type": "text/html; charset=utf-8",
    "Content-Length": page.length,
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": DOCUMENT_POLICY,
    ...extra,
  });
  res.end(req.method === "HEAD" ? undefined : page);
}
