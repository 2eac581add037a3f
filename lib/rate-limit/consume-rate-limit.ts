import type { DbReader } from "@/lib/budgets/db-client";

/**
 * Rate limits kept in PostgreSQL (table rate_limit_buckets), so every app instance behind a load
 * balancer counts the same attempts (docs/decisions/0023-headers-csp-rate-limits-proxies.md).
 * A fixed window per key: the first hit opens the window, each hit adds one in a single atomic
 * upsert (no read-then-write race), and a hit after the window ends opens a new one.
 */

export type RateLimitDecision = { allowed: true; hits: number } | { allowed: false; hits: number; retryAfterSeconds: number };

export interface RateLimitRule {
  /** hits allowed per window */
  limit: number;
  windowSeconds: number;
}

/** Rows whose window ended more than this long ago are deleted now and then. */
const RETENTION_SECONDS = 24 * 60 * 60;
/** About one hit in this many also sweeps old rows, which bounds the table without a timer. */
const SWEEP_ONE_IN = 500;
/** Keys are built from addresses and e-mail addresses; anything longer is cut, never refused. */
const MAX_KEY_LENGTH = 300;

interface BucketRow {
  hits: number;
  retry_after: number;
}

/**
 * Counts one hit for `key` and says whether it is within `limit` hits per `windowSeconds`.
 * A refused hit is counted too, so hammering a refused key does not open it sooner than the
 * window's end. Example: `consumeRateLimit(prisma, "2fa:account:" + userId, { limit: 5, windowSeconds: 300 })`.
 */
export async function consumeRateLimit(db: DbReader, key: string, rule: RateLimitRule): Promise<RateLimitDecision> {
  const bucketKey = key.slice(0, MAX_KEY_LENGTH);
  const [row] = await db.$queryRaw<BucketRow[]>`
    INSERT INTO rate_limit_buckets AS b (key, window_start, hits)
    VALUES (${bucketKey}, clock_timestamp(), 1)
    ON CONFLICT (key) DO UPDATE SET
      window_start = CASE WHEN b.window_start <= clock_timestamp() - make_interval(secs => ${rule.windowSeconds}) THEN clock_timestamp() ELSE b.window_start END,
      hits = CASE WHEN b.window_start <= clock_timestamp() - make_interval(secs => ${rule.windowSeconds}) THEN 1 ELSE b.hits + 1 END
    RETURNING hits, ceil(extract(epoch FROM b.window_start + make_interval(secs => ${rule.windowSeconds}) - clock_timestamp()))::int AS retry_after`;
  if (Math.random() * SWEEP_ONE_IN < 1) {
    await db.$executeRaw`DELETE FROM rate_limit_buckets WHERE window_start < clock_timestamp() - make_interval(secs => ${RETENTION_SECONDS})`;
  }
  const hits = row?.hits ?? 1;
  if (hits <= rule.limit) return { allowed: true, hits };
  return { allowed: false, hits, retryAfterSeconds: Math.max(1, row?.retry_after ?? rule.windowSeconds) };
}

/**
 * Whether `key` is over `rule` now, without counting a hit: for limits that count only failures
 * (sign-in), checked before the attempt and consumed after it failed.
 */
export async function peekRateLimit(db: DbReader, key: string, rule: RateLimitRule): Promise<RateLimitDecision> {
  const [row] = await db.$queryRaw<BucketRow[]>`
    SELECT hits, ceil(extract(epoch FROM window_start + make_interval(secs => ${rule.windowSeconds}) - clock_timestamp()))::int AS retry_after
    FROM rate_limit_buckets
    WHERE key = ${key.slice(0, MAX_KEY_LENGTH)} AND window_start > clock_timestamp() - make_interval(secs => ${rule.windowSeconds})`;
  if (row === undefined || row.hits < rule.limit) return { allowed: true, hits: row?.hits ?? 0 };
  return { allowed: false, hits: row.hits, retryAfterSeconds: Math.max(1, row.retry_after) };
}

/** The Chinese sentence for a refused hit, with the wait rounded up to whole minutes past a minute. */
export function rateLimitedMessage(retryAfterSeconds: number): string {
  const wait = retryAfterSeconds <= 60 ? `${retryAfterSeconds} 秒` : `${Math.ceil(retryAfterSeconds / 60)} 分钟`;
  return `操作过于频繁，请 ${wait}后再试。`;
}
