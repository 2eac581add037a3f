import type { AmountUnit } from "@/lib/disclosure/types";
import { formatAmount } from "@/lib/disclosure/money";
import { encodeCsv, type CsvCell } from "@/lib/export/csv";
import { attachmentDisposition } from "@/lib/serving/http-negotiation";

/**
 * What a public-site route answers (lib/public-site/site-router.ts): bytes and their headers,
 * built by plain functions so the same answers can be served (lib/serving/site-handler.ts),
 * tested, or written to files by a static export.
 */
export interface SiteResponse {
  status: number;
  contentType: string;
  body: Buffer;
  /** e.g. Content-Disposition for a CSV download */
  headers?: Record<string, string>;
  /** read API and data files: answered with CORS headers for reading from any origin */
  isOpenData?: boolean;
  /**
   * May be kept in memory until the next publication (it depends only on published data and the
   * URL); false for answers that are not worth keeping (errors of bad input, large files).
   */
  isCacheable: boolean;
}

export const HTML = "text/html; charset=utf-8";
export const JSON_TYPE = "application/json; charset=utf-8";
export const CSV_TYPE = "text/csv; charset=utf-8";

export function htmlResponse(html: string, status = 200): SiteResponse {
  return { status, contentType: HTML, body: Buffer.from(html, "utf8"), isCacheable: status === 200 };
}

/** Stable, two-space indented JSON (docs/open-data.md). */
export function jsonResponse(value: unknown, status = 200): SiteResponse {
  return { status, contentType: JSON_TYPE, body: Buffer.from(`${JSON.stringify(value, null, 2)}\n`, "utf8"), isOpenData: true, isCacheable: status === 200 };
}

/** An API error: `{ "error": { "status", "message" } }`, the message in Chinese. */
export function jsonError(status: number, message: string): SiteResponse {
  return jsonResponse({ error: { status, message } }, status);
}

/** A CSV download (lib/export/csv.ts conventions: UTF-8 with BOM so Excel reads Chinese, CRLF), saved under `fileName`. */
export function csvResponse(rows: readonly (readonly CsvCell[])[], asciiName: string, fileName: string): SiteResponse {
  return {
    status: 200,
    contentType: CSV_TYPE,
    body: encodeCsv(rows),
    headers: { "Content-Disposition": attachmentDisposition(asciiName, fileName) },
    isOpenData: true,
    isCacheable: true,
  };
}

/** A CSV file's rows: amounts of a document in its unit, as numbers. */
export function csvAmount(fen: number | null, unit: AmountUnit): number | null {
  return fen === null ? null : Number(formatAmount(fen, unit));
}
