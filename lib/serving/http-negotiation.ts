/**
 * The small parts of HTTP the document server needs: which encoding a client accepts, and
 * whether its cached copy is still current. Pure functions, unit-tested.
 */

export type Compression = "br" | "gzip";

const encodingCache = new Map<string, readonly Compression[]>();
const ENCODING_CACHE_LIMIT = 256;

/**
 * The compressions a client accepts, best first among those we offer (brotli, then gzip); the
 * identity encoding is always acceptable. Browsers send a handful of distinct headers, so the
 * answers are memoised.
 */
export function acceptedCompressions(header: string | undefined): readonly Compression[] {
  if (header === undefined || header === "") return [];
  const cached = encodingCache.get(header);
  if (cached !== undefined) return cached;
  const quality = new Map<string, number>();
  for (const part of header.toLowerCase().split(",")) {
    const [name = "", ...params] = part.split(";").map((s) => s.trim());
    const q = params.find((p) => p.startsWith("q="));
    const value = q === undefined ? 1 : Number(q.slice(2));
    if (name !== "") quality.set(name, Number.isFinite(value) ? value : 0);
  }
  const wildcard = quality.get("*");
  const accepted = (["br", "gzip"] as const).filter((name) => (quality.get(name) ?? (name === "gzip" ? quality.get("x-gzip") : undefined) ?? wildcard ?? 0) > 0);
  if (encodingCache.size >= ENCODING_CACHE_LIMIT) encodingCache.clear();
  encodingCache.set(header, accepted);
  return accepted;
}

/** True when If-None-Match names the entity tag (weak comparison, as RFC 9110 asks for this header). */
export function isNotModified(ifNoneMatch: string | undefined, etag: string): boolean {
  if (ifNoneMatch === undefined) return false;
  if (ifNoneMatch.trim() === "*") return true;
  return ifNoneMatch.split(",").some((candidate) => {
    const tag = candidate.trim();
    return (tag.startsWith("W/") ? tag.slice(2) : tag) === etag;
  });
}

/** A Content-Disposition that keeps a Chinese file name (RFC 6266 / 8187), with an ASCII fallback. */
export function attachmentDisposition(asciiName: string, fileName: string): string {
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${asciiName.replace(/["\\]/g, "_")}"; filename*=UTF-8''${encoded}`;
}
