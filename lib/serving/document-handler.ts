import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";
import { ARTIFACT_KIND_OF, parseDocumentPath, type DocumentRequest } from "@/lib/publication/document-paths";
import type { DocumentStore, FileLookup, HeaderBlocks, Representation, Variant } from "./document-store";
import {
  CORRUPT_PAGE,
  METHOD_NOT_ALLOWED_PAGE,
  NOT_FOUND_PAGE,
  PDF_UNAVAILABLE_PAGE,
  SERVER_ERROR_PAGE,
} from "./error-pages";
import { acceptedCompressions, isNotModified, type Compression } from "./http-negotiation";
import { DOCUMENT_POLICY, representationHeaders } from "./response-headers";

export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => boolean;

/**
 * Answers the public document URLs (lib/publication/document-paths.ts) from the store and
 * returns true; returns false for every other URL, which the caller hands to the app. A file in
 * memory is answered synchronously; only a first request waits for the database.
 */
export function createDocumentHandler(store: DocumentStore, log: (message: string) => void): RequestHandler {
  const ready = new Map<string, Ready>();
  const remember = (url: string, generation: number, request: DocumentRequest, found: FileLookup) => {
    if (found.status !== "ok" || generation !== store.generation) return;
    if (ready.size >= READY_LIMIT) ready.clear();
    ready.set(url, { generation, request, found, choices: new Map() });
  };
  return (req, res) => {
    const url = req.url ?? "/";
    // The hot path: a URL answered before, nothing dropped since: one map lookup, then the prepared header block.
    const hit = ready.get(url);
    if (hit !== undefined && hit.generation === store.generation && (req.method === "GET" || req.method === "HEAD")) {
      sendReady(hit, req, res);
      return true;
    }
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
    const generation = store.generation;
    const cached = store.peek(request.key, version, kind);
    if (cached !== undefined) {
      remember(url, generation, request, cached);
      send(request, cached, req, res);
      return true;
    }
    store
      .lookup(request.key, version, kind)
      .then((found) => {
        remember(url, generation, request, found);
        send(request, found, req, res);
      })
      .catch((error: unknown) => {
        log(`${req.method} ${url}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        if (res.headersSent) res.destroy();
        else sendPage(req, res, 503, SERVER_ERROR_PAGE, { "Retry-After": "5" });
      });
    return true;
  };
}

/** A URL's answer kept with the store generation it was looked up in, and per Accept-Encoding header what to send. */
interface Ready {
  generation: number;
  request: DocumentRequest;
  found: Extract<FileLookup, { status: "ok" }>;
  choices: Map<string, Choice>;
}

interface Choice {
  etag: string;
  body: Buffer;
  blocks: HeaderBlocks;
}

/** URLs kept ready (one entry each, the bytes are the store's); the map starts again when full. */
const READY_LIMIT = 20_000;
/** distinct Accept-Encoding headers kept per URL (browsers send a handful) */
const CHOICES_LIMIT = 16;

function sendReady(ready: Ready, req: IncomingMessage, res: ServerResponse): void {
  const accept = req.headers["accept-encoding"] ?? "";
  let choice = ready.choices.get(accept);
  if (choice === undefined) {
    const { representation, isSuperseded } = ready.found;
    const { encoding, variant } = chooseEncoding(representation, accept);
    choice = { etag: variant.etag, body: variant.body, blocks: headerBlocks(representation, ready.request, isSuperseded, encoding, variant) };
    if (ready.choices.size < CHOICES_LIMIT) ready.choices.set(accept, choice);
  }
  const ifNoneMatch = req.headers["if-none-match"];
  if (ifNoneMatch !== undefined && (ifNoneMatch === choice.etag || isNotModified(ifNoneMatch, choice.etag))) {
    res.writeHead(304, choice.blocks.notModified);
    res.end();
    return;
  }
  res.writeHead(200, choice.blocks.ok);
  res.end(req.method === "HEAD" ? undefined : choice.body);
}

function send(request: DocumentRequest, found: FileLookup, req: IncomingMessage, res: ServerResponse): void {
  if (found.status !== "ok") {
    sendFailure(req, res, found, request.kind === "download" && request.format === "pdf");
    return;
  }
  const { representation } = found;
  const { encoding, variant } = chooseEncoding(representation, req.headers["accept-encoding"]);
  const blocks = headerBlocks(representation, request, found.isSuperseded, encoding, variant);
  if (isNotModified(req.headers["if-none-match"], variant.etag)) {
    res.writeHead(304, blocks.notModified);
    res.end();
    return;
  }
  res.writeHead(200, blocks.ok);
  res.end(req.method === "HEAD" ? undefined : variant.body);
}

/**
 * The header lines of a file's answers, built once per file, request kind and encoding and kept
 * with the file in memory: a request then only picks them (a flat [name, value, …] list, which
 * Node writes without validating or lower-casing each header again).
 */
function headerBlocks(
  representation: Representation,
  request: DocumentRequest,
  isSuperseded: boolean,
  encoding: Compression | "identity",
  variant: Variant,
): HeaderBlocks {
  // A download URL names exactly one file (its canonical name), so kind, supersession and encoding decide the headers.
  const key = `${request.kind}${isSuperseded ? "+" : "-"}${encoding}`;
  let blocks = representation.headerBlocks.get(key);
  if (blocks === undefined) {
    const common = Object.entries(representationHeaders(request, { isSuperseded, fileName: representation.fileName }, variant.etag)).flatMap(
      ([name, value]) => [name, String(value)],
    );
    const ok = [...common, "Content-Type", representation.contentType, "Content-Length", String(variant.body.length)];
    if (encoding !== "identity") ok.push("Content-Encoding", encoding);
    blocks = { ok, notModified: common };
    representation.headerBlocks.set(key, blocks);
  }
  return blocks;
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
