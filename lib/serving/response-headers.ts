import type { OutgoingHttpHeaders } from "node:http";
import type { DocumentRequest } from "@/lib/publication/document-paths";
import { attachmentDisposition } from "./http-negotiation";

/**
 * The headers of a published file, in one place for the app's server (document-handler.ts) and
 * for the static mirror's nginx configuration (lib/mirror), so both answer the same.
 */

/** A representation that can never change again: browsers and proxies may keep it for a year unasked. */
export const IMMUTABLE = "public, max-age=31536000, immutable";
/**
 * Pages may still change what the server adds to them (a later version joins every version's list,
 * a notice appears on a superseded one), and the alias can move to a new version.
 */
export const REVALIDATE_SOON = "public, max-age=60";

/** The page is static: no scripts, inline styles only; nothing may load from elsewhere. */
export const DOCUMENT_POLICY =
  "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'self'";

export const REFERRER_POLICY = "strict-origin-when-cross-origin";

/**
 * Cache-Control of a document URL: downloads never change; every page may (ADR 0024: the version
 * list on each version grows with each correction), so pages are revalidated within a minute.
 */
export function cacheControlOf(request: DocumentRequest): string {
  return request.kind === "download" ? IMMUTABLE : REVALIDATE_SOON;
}

/**
 * Every header of a 200 or 304 answer except Content-Type, Content-Length and Content-Encoding,
 * in the order sent: ETag, Cache-Control, Vary, X-Content-Type-Options, then the page's policies
 * or the download's Content-Disposition.
 */
export function representationHeaders(
  request: DocumentRequest,
  found: { isSuperseded: boolean; fileName: string },
  etag: string,
): OutgoingHttpHeaders {
  const headers: OutgoingHttpHeaders = {
    ETag: etag,
    "Cache-Control": cacheControlOf(request),
    Vary: "Accept-Encoding",
    "X-Content-Type-Options": "nosniff",
  };
  if (request.kind === "download") headers["Content-Disposition"] = attachmentDisposition(request.fileName, found.fileName);
  else {
    headers["Content-Security-Policy"] = DOCUMENT_POLICY;
    headers["Referrer-Policy"] = REFERRER_POLICY;
  }
  return headers;
}
