import { createServer as createTcpServer, connect, type Server as TcpServer, type Socket } from "node:net";
import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { publicSiteRenderers } from "@/app/document-renderers";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import { getAuth } from "@/lib/auth/auth";
import { auditRows } from "@/lib/auth/test-support";
import { disconnectPrisma } from "@/lib/db";
import { requireDatabaseUrl } from "@/lib/env";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { createSiteRouter, isSitePath } from "@/lib/public-site/site-router";
import { publishTestCorpus } from "@/lib/public-site/test-corpus";
import { consumeRateLimit } from "@/lib/rate-limit/consume-rate-limit";
import { RATE_LIMITS } from "@/lib/rate-limit/rules";
import { siteRateLimitGate } from "@/lib/rate-limit/site-gate";
import { prisma, resetDatabase } from "@/tests/integration/db";
import { renderersWithoutPdf } from "@/tests/integration/renderers";
import { startPublicServer, type PublicServer, type PublicServerOptions } from "./public-server";
import { DOCUMENT_POLICY } from "./response-headers";
import { eventually, get } from "./test-support";

/**
 * The HTTP front's hardening (docs/decisions/0023-headers-csp-rate-limits-proxies.md): headers on
 * every answer, forwarding headers believed only from trusted proxies, malformed URLs refused with
 * 400, rate limits shared through PostgreSQL, and a database outage answered with 503 while the
 * documents in memory keep being served and the app reconnects by itself.
 */

const DOCUMENT = "/budgets/2024/224001";
const servers: PublicServer[] = [];

beforeAll(async () => {
  await resetDatabase();
  await publishTestCorpus(renderersWithoutPdf);
}, 120_000);
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});
afterAll(disconnectPrisma);

/** The app behind the front is a stub that echoes the forwarding headers it was given. */
async function start(options: Partial<PublicServerOptions> = {}): Promise<PublicServer> {
  const server = await startPublicServer({
    db: prisma,
    databaseUrl: requireDatabaseUrl(),
    fallback: (req, res) => {
      res.writeHead(200, { "Content-Type": "application/json" });
      res.end(JSON.stringify({ for: req.headers["x-forwarded-for"] ?? null, proto: req.headers["x-forwarded-proto"] ?? null }));
    },
    port: 0,
    host: "127.0.0.1",
    log: () => undefined,
    site: { matches: isSitePath, router: createSiteRouter(prisma, publicSiteRenderers), gate: siteRateLimitGate(prisma) },
    ...options,
  });
  servers.push(server);
  return server;
}

describe("headers on every answer", () => {
  it("sends nosniff, the referrer and permissions policies on documents, site pages, the app and refusals, and keeps the documents' own", async () => {
    const server = await start();
    const document = await get(server, DOCUMENT);
    expect(document.status).toBe(200);
    expect(document.headers["content-security-policy"]).toBe(DOCUMENT_POLICY);
    expect(document.headers["cache-control"]).toBe("public, max-age=60");
    expect(document.headers.etag).toMatch(/^"/);
    for (const path of [DOCUMENT, "/", "/search?q=%E7%BD%91%E4%BF%A1", "/api/v1/documents", "/workspace", "/units/%E0%A4%A", "/nothing-here"]) {
      const answer = await get(server, path);
      expect(answer.status, path).toBeLessThan(500);
      expect(answer.headers["x-content-type-options"], path).toBe("nosniff");
      expect(answer.headers["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
      expect(answer.headers["permissions-policy"], path).toContain("camera=()");
      expect(answer.headers["strict-transport-security"], path).toBeUndefined();
    }
  });

  it("adds HSTS over TLS: a trusted proxy's X-Forwarded-Proto or an https public address; never on a client's word", async () => {
    const untrusting = await start();
    expect((await get(untrusting, DOCUMENT, { "X-Forwarded-Proto": "https" })).headers["strict-transport-security"]).toBeUndefined();
    const behindProxy = await start({ trustedProxies: ["127.0.0.1"] });
    expect((await get(behindProxy, DOCUMENT, { "X-Forwarded-Proto": "https" })).headers["strict-transport-security"]).toMatch(/^max-age=63072000/);
    expect((await get(behindProxy, DOCUMENT, { "X-Forwarded-Proto": "http" })).headers["strict-transport-security"]).toBeUndefined();
    const httpsPublic = await start({ isPublicUrlHttps: true });
    expect((await get(httpsPublic, "/workspace")).headers["strict-transport-security"]).toMatch(/^max-age=/);
  });

  it("answers malformed percent-encoding with 400 and a Chinese sentence, never 500", async () => {
    const server = await start();
    for (const path of ["/units/%E0%A4%A", "/search?q=%ZZ", "/api/v1/documents?region=%", "/budgets/2024/%FF"]) {
      const answer = await get(server, path);
      expect(answer.status, path).toBe(400);
      expect(answer.body.toString("utf8")).toContain("编码有误");
    }
  });
});

describe("the client address", () => {
  it("is the socket's when the peer is not a trusted proxy, whatever X-Forwarded-For claims", async () => {
    const server = await start();
    const answer = await get(server, "/workspace", { "X-Forwarded-For": "203.0.113.66", "X-Forwarded-Proto": "https" });
    expect(JSON.parse(answer.body.toString("utf8"))).toEqual({ for: "127.0.0.1", proto: null });
  });

  it("is the forwarded one when a trusted proxy sent the request", async () => {
    const server = await start({ trustedProxies: ["127.0.0.0/8"] });
    const answer = await get(server, "/workspace", { "X-Forwarded-For": "198.51.100.1, 203.0.113.66", "X-Forwarded-Proto": "https" });
    expect(JSON.parse(answer.body.toString("utf8"))).toEqual({ for: "203.0.113.66", proto: "https" });
  });
});

describe("rate limits in PostgreSQL", () => {
  it("count atomically: of 30 parallel hits on a limit of 10, exactly 10 pass", async () => {
    const decisions = await Promise.all(Array.from({ length: 30 }, () => consumeRateLimit(prisma, "test:parallel", { limit: 10, windowSeconds: 60 })));
    expect(decisions.filter((decision) => decision.allowed)).toHaveLength(10);
    const refused = decisions.find((decision) => !decision.allowed);
    expect(refused).toMatchObject({ allowed: false });
    expect(refused !== undefined && !refused.allowed && refused.retryAfterSeconds).toBeGreaterThan(50);
  });

  it("open a new window once the old one has passed", async () => {
    const rule = { limit: 1, windowSeconds: 1 };
    expect((await consumeRateLimit(prisma, "test:window", rule)).allowed).toBe(true);
    expect((await consumeRateLimit(prisma, "test:window", rule)).allowed).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect((await consumeRateLimit(prisma, "test:window", rule)).allowed).toBe(true);
  });

  it("refuse search beyond the limit with 429, Retry-After and a Chinese sentence, shared by two app instances", async () => {
    const [first, second] = [await start({ trustedProxies: ["127.0.0.1"] }), await start({ trustedProxies: ["127.0.0.1"] })];
    const from = { "X-Forwarded-For": "198.51.100.77" };
    const limit = RATE_LIMITS.searchPerAddress.limit;
    for (let i = 0; i < limit; i++) {
      const answer = await get(i % 2 === 0 ? first : second, "/search?q=%E7%BD%91%E4%BF%A1", from);
      expect(answer.status).toBe(200);
    }
    const refused = await get(second, "/search?q=again", from);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers["retry-after"])).toBeGreaterThan(0);
    expect(refused.body.toString("utf8")).toMatch(/^操作过于频繁，请 \d+ 秒后再试。$/);
    // Another address, the listings and the documents are not limited.
    expect((await get(first, "/search?q=x", { "X-Forwarded-For": "198.51.100.78" })).status).toBe(200);
    expect((await get(first, DOCUMENT, from)).status).toBe(200);
    expect((await get(first, "/", from)).status).toBe(200);
  });

  it("refuse sign-in for an account after 10 attempts in 15 minutes, before the password is checked, audited with the address", async () => {
    const attempt = () =>
      getAuth()
        .api.signInEmail({ body: { email: "nobody@example.test", password: "wrong-password-1" }, headers: new Headers({ "x-forwarded-for": "192.0.2.44" }) })
        .then(
          () => ({ status: 200, code: "" }),
          (error: { statusCode?: number; body?: { code?: string } }) => ({ status: error.statusCode ?? 0, code: error.body?.code ?? "" }),
        );
    for (let i = 0; i < RATE_LIMITS.signInPerAccount.limit; i++) expect((await attempt()).code).not.toBe("RATE_LIMITED");
    expect(await attempt()).toEqual({ status: 429, code: "RATE_LIMITED" });
    const rows = await auditRows("auth.sign_in");
    expect(rows.at(-1)).toMatchObject({ result: "DENIED", clientAddress: "192.0.2.44", details: expect.objectContaining({ reason: "rate_limited" }) });
  });

  it("refuse an overlong e-mail address at sign-in before anything is written", async () => {
    const auditBefore = await prisma.auditEvent.count();
    const bucketsBefore = await prisma.rateLimitBucket.count();
    const email = `${"a".repeat(300)}@example.test`;
    await expect(getAuth().api.signInEmail({ body: { email, password: "x" }, headers: new Headers() })).rejects.toMatchObject({ statusCode: 400 });
    expect(await prisma.auditEvent.count()).toBe(auditBefore);
    expect(await prisma.rateLimitBucket.count()).toBe(bucketsBefore);
    expect(await prisma.signInThrottle.count({ where: { email: email.toLowerCase() } })).toBe(0);
  });
});

describe("the audit log under bad input", () => {
  it("keeps a huge refused identifier to 200 characters and never half a surrogate pair", async () => {
    await writeAuditEvent(prisma, {
      action: "test.huge_input",
      result: "DENIED",
      objectType: "region",
      objectId: `${"x".repeat(199)}😀${"y".repeat(1_000_000)}`,
      details: { code: "长".repeat(5_000) },
    });
    const row = await prisma.auditEvent.findFirstOrThrow({ where: { action: "test.huge_input" }, select: { objectId: true, details: true } });
    expect(row.objectId).toBe(`${"x".repeat(199)}\ufffd`);
    expect((row.details as { code: string }).code).toHaveLength(1_000);
  });
});

/** A TCP relay in front of the test database: closing it is the database going away, reopening it coming back. */
class Relay {
  private server: TcpServer | null = null;
  private readonly sockets = new Set<Socket>();
  port = 0;
  constructor(private readonly target: { host: string; port: number }) {}

  async open(): Promise<void> {
    const server = createTcpServer((client) => {
      const upstream = connect(this.target.port, this.target.host);
      for (const socket of [client, upstream]) {
        this.sockets.add(socket);
        socket.on("close", () => this.sockets.delete(socket));
        socket.on("error", () => undefined);
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => server.listen(this.port, "127.0.0.1", resolve));
    this.port = (server.address() as { port: number }).port;
    this.server = server;
  }

  async close(): Promise<void> {
    const server = this.server;
    this.server = null;
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => (server === null ? resolve() : server.close(() => resolve())));
  }
}

describe("a database outage", () => {
  it("keeps documents in memory served, answers the rest with a Chinese 503, and recovers by itself", async () => {
    const direct = new URL(requireDatabaseUrl());
    const relay = new Relay({ host: direct.hostname, port: Number(direct.port) });
    await relay.open();
    const relayed = new URL(direct);
    relayed.port = String(relay.port);
    const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: relayed.toString() }) });
    try {
      const server = await start({
        db,
        databaseUrl: relayed.toString(),
        site: { matches: isSitePath, router: createSiteRouter(db, publicSiteRenderers), gate: siteRateLimitGate(db) },
      });
      expect((await get(server, DOCUMENT)).status).toBe(200);
      expect((await get(server, "/workspace")).status).toBe(200);

      await relay.close();
      await eventually(async () => (await get(server, "/workspace")).status === 503);
      const page = await get(server, "/workspace");
      expect(page.body.toString("utf8")).toContain("数据库暂时无法连接");
      expect(page.headers["retry-after"]).toBe("10");
      const document = await get(server, DOCUMENT);
      expect(document.status).toBe(200);
      expect(document.body.length).toBeGreaterThan(1000);
      const search = await get(server, "/search?q=outage");
      expect(search.status).toBe(503);
      expect(search.body.toString("utf8")).toContain("数据库暂时无法连接");

      await relay.open();
      await eventually(async () => (await get(server, "/workspace")).status === 200, 15_000);
      expect((await get(server, "/search?q=recovered")).status).toBe(200);
    } finally {
      await relay.close();
      await db.$disconnect();
    }
  }, 40_000);
});
