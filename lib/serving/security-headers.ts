/**
 * Security headers for every answer of the app (docs/decisions/0023-headers-csp-rate-limits-proxies.md).
 * The constant ones are set by the HTTP front (public-server.ts) on every request before anything
 * answers, as one pre-built block, so the published documents and the public site (answered from
 * memory) pay nothing per request for them; the per-request Content-Security-Policy of Next.js
 * pages (with a fresh nonce) is set by proxy.ts.
 */

/** Powerful browser features the app never uses, switched off for every page and any frame. */
export const PERMISSIONS_POLICY =
  "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=(), interest-cohort=()";

/** Two years, subdomains included: only sent when the request came over TLS. */
export const STRICT_TRANSPORT_SECURITY = "max-age=63072000; includeSubDomains";

/** Headers every answer carries; page-specific ones (CSP, Cache-Control) may be added on top. */
export const BASE_HEADERS: readonly (readonly [string, string])[] = [
  ["X-Content-Type-Options", "nosniff"],
  ["Referrer-Policy", "strict-origin-when-cross-origin"],
  ["Permissions-Policy", PERMISSIONS_POLICY],
  ["Cross-Origin-Opener-Policy", "same-origin"],
];

/** The same with HSTS, for requests that arrived over TLS. */
export const BASE_HEADERS_TLS: readonly (readonly [string, string])[] = [...BASE_HEADERS, ["Strict-Transport-Security", STRICT_TRANSPORT_SECURITY]];

/**
 * The policy of a page rendered by Next.js: scripts only with this request's nonce (Next.js puts
 * it on its own scripts; 'strict-dynamic' lets them load the page's chunks), styles from the app's
 * own stylesheets plus style attributes (React's style props, the charts' SVG), nothing from
 * elsewhere, no framing at all, forms and server actions to this site only.
 */
export function pagePolicy(nonce: string, options: { isDev: boolean }): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.isDev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${options.isDev ? " ws:" : ""}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** A fresh nonce: 128 random bits, base64. */
export function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}
