import { createHash } from "node:crypto";
import { request, type IncomingHttpHeaders } from "node:http";
import { afterEach, beforeEach } from "vitest";
import { requireDatabaseUrl } from "@/lib/env";
import { prisma } from "@/tests/integration/db";
import { startPublicServer, type PublicServer, type PublicServerOptions } from "./public-server";

/** Helpers for the public server's integration tests: a server on a free port, plain HTTP requests. */

export const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

/**
 * Public servers against the test database, closed after each test; anything else is answered
 * with 418 "the app". `logs` holds what the servers logged during the current test.
 */
export function usePublicServers(): { start: (options?: Pick<PublicServerOptions, "site">) => Promise<PublicServer>; logs: string[] } {
  const servers: PublicServer[] = [];
  const logs: string[] = [];
  beforeEach(() => {
    logs.length = 0;
  });
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((server) => server.close()));
  });
  async function start(options: Pick<PublicServerOptions, "site"> = {}): Promise<PublicServer> {
    const server = await startPublicServer({
      ...options,
      db: prisma,
      databaseUrl: requireDatabaseUrl(),
      fallback: (_req, res) => {
        res.writeHead(418, { "Content-Type": "text/plain" });
        res.end("the app");
      },
      port: 0,
      host: "127.0.0.1",
      log: (message) => logs.push(message),
    });
    servers.push(server);
    return server;
  }
  return { start, logs };
}

export interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  /** as sent on the wire (compressed when Content-Encoding says so) */
  body: Buffer;
}

export function get(server: PublicServer, path: string, headers: Record<string, string> = {}, method = "GET"): Promise<Answer> {
  return new Promise((resolve, reject) => {
    // A connection of its own per request: a pooled one may be closed by the server's keep-alive timeout while the test awaits the database.
    const req = request(`${server.url}${path}`, { method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end();
  });
}

/** Waits until check() holds (the server hears of a publication through LISTEN/NOTIFY). */
export async function eventually(check: () => Promise<boolean>, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("the condition did not become true in time");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
