import type { IncomingMessage } from "node:http";
import type { DbReader } from "@/lib/budgets/db-client";
import { isDatabaseUnavailable } from "@/lib/database/unavailable";
import type { SiteGate } from "@/lib/serving/site-handler";
import { consumeRateLimit, rateLimitedMessage, type RateLimitRule } from "./consume-rate-limit";
import { RATE_LIMITS } from "./rules";

/** Which limit a public-site URL falls under; null for every other page (listings, documents: no limit, no cost). */
export function siteRuleOf(pathname: string): { name: string; rule: RateLimitRule } | null {
  if (pathname === "/search" || pathname === "/search.csv") return { name: "search", rule: RATE_LIMITS.searchPerAddress };
  if (pathname.startsWith("/api/v1/")) return { name: "api", rule: RATE_LIMITS.apiPerAddress };
  return null;
}

/**
 * The rate limits of search and the open-data API, per client address (X-Forwarded-For as the
 * HTTP front resolved it, else the socket). Over the limit: 429 with Retry-After and a Chinese
 * sentence. If the database cannot count (it is down), the request goes through: the answer may
 * still come from memory, and refusing everyone would be worse than counting no one for a while.
 */
export function siteRateLimitGate(db: DbReader, log: (message: string) => void = () => {}): SiteGate {
  return (req, pathname) => {
    const matched = siteRuleOf(pathname);
    if (matched === null) return null;
    const address = addressOf(req);
    return consumeRateLimit(db, `${matched.name}:address:${address}`, matched.rule).then(
      (decision) =>
        decision.allowed
          ? null
          : {
              status: 429,
              headers: { "Retry-After": String(decision.retryAfterSeconds), ...(pathname.startsWith("/api/") ? { "Access-Control-Allow-Origin": "*" } : {}) },
              body: rateLimitedMessage(decision.retryAfterSeconds),
            },
      (error: unknown) => {
        if (!isDatabaseUnavailable(error)) throw error;
        log(`rate limit not counted (database unavailable): ${pathname}`);
        return null;
      },
    );
  };
}

function addressOf(req: IncomingMessage): string {
  const forwarded = req.headers["x-forwarded-for"];
  const value = Array.isArray(forwarded) ? forwarded[0] : forwarded;
  return value ?? req.socket.remoteAddress ?? "unknown";
}
