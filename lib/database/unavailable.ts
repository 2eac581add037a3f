/**
 * Whether an error means "the database cannot be reached right now" (stopped, restarting, network
 * gone) rather than a bug: such requests answer 503 with a Chinese message, and the pool opens
 * new connections by itself once the server is back. Looks through Prisma's and the driver
 * adapter's wrappers (`cause`) for the socket errors, PostgreSQL's connection and shutdown
 * SQLSTATEs (class 08, 57P01–57P03) and Prisma's "cannot reach" codes.
 */
const SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "ENOTFOUND", "EHOSTUNREACH", "ENETUNREACH"]);
const PRISMA_CODES = new Set(["P1001", "P1002", "P1017", "P2024"]);
const ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
const MESSAGES = [/Connection terminated/i, /connection (?:is )?closed/i, /Can't reach database server/i, /terminating connection due to administrator command/i, /the database system is (?:starting up|shutting down)/i, /timeout exceeded when trying to connect/i];

export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (typeof current === "object" && current !== null && !seen.has(current)) {
    seen.add(current);
    const record = current as Record<string, unknown>;
    const code = typeof record.code === "string" ? record.code : undefined;
    if (code !== undefined && (SOCKET_CODES.has(code) || PRISMA_CODES.has(code) || code.startsWith("08") || /^57P0[123]$/.test(code))) return true;
    if (typeof record.kind === "string" && ADAPTER_KINDS.has(record.kind)) return true;
    if (typeof record.originalCode === "string" && (record.originalCode.startsWith("08") || /^57P0[123]$/.test(record.originalCode))) return true;
    if (typeof record.message === "string" && MESSAGES.some((pattern) => pattern.test(record.message as string))) return true;
    // AggregateError (several addresses refused), Prisma's meta.driverAdapterError, then the cause.
    if (Array.isArray(record.errors) && record.errors.some((inner) => isDatabaseUnavailable(inner))) return true;
    const meta = record.meta as Record<string, unknown> | undefined;
    current = meta?.driverAdapterError ?? record.cause;
  }
  return false;
}
