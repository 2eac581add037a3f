import { gunzipSync } from "node:zlib";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { publicSiteRenderers } from "@/app/document-renderers";
import { disconnectPrisma } from "@/lib/db";
import { buildBudgetFor, createBudget, createUnitInDepartment } from "@/lib/demo/factories";
import { requireDatabaseUrl } from "@/lib/env";
import { createSiteRouter, isSitePath } from "@/lib/public-site/site-router";
import { GUANTAO, publishTestCorpus, type TestCorpus } from "@/lib/public-site/test-corpus";
import { publishBudget } from "@/lib/publication/publish-budget";
import { prisma, resetDatabase } from "@/tests/integration/db";
import { renderersWithoutPdf } from "@/tests/integration/renderers";
import { startPublicServer, type PublicServer } from "./public-server";
import { eventually, get } from "./test-support";

let corpus: TestCorpus;
let server: PublicServer;
beforeAll(async () => {
  await resetDatabase();
  corpus = await publishTestCorpus(renderersWithoutPdf);
}, 120_000);
afterEach(async () => server?.close());
afterAll(disconnectPrisma);

async function start(): Promise<PublicServer> {
  server = await startPublicServer({
    db: prisma,
    databaseUrl: requireDatabaseUrl(),
    fallback: (_req, res) => {
      res.writeHead(418);
      res.end("the app");
    },
    port: 0,
    host: "127.0.0.1",
    log: () => undefined,
    site: { matches: isSitePath, router: createSiteRouter(prisma, publicSiteRenderers) },
  });
  return server;
}

describe("the public site in the public server", () => {
  it("serves pages compressed, with a strong ETag, 304 on revalidation and a script-free policy", async () => {
    await start();
    const path = `/search?q=${encodeURIComponent("网信")}`;
    const first = await get(server, path, { "Accept-Encoding": "gzip" });
    expect(first.status).toBe(200);
    expect(first.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(first.body).toString("utf8")).toContain("<mark>网信</mark>");
    expect(first.headers["content-security-policy"]).toContain("default-src 'none'");
    expect(first.headers["content-security-policy"]).not.toContain("script-src");
    const etag = String(first.headers.etag);
    const again = await get(server, path, { "Accept-Encoding": "gzip", "If-None-Match": etag });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    expect((await get(server, "/workspace")).status).toBe(418);
  });

  it("lets other sites read open data (CORS for GET, HEAD, OPTIONS) and refuses writes", async () => {
    await start();
    const index = await get(server, "/api/v1/documents");
    expect(index.status).toBe(200);
    expect(index.headers["access-control-allow-origin"]).toBe("*");
    expect(index.headers["content-type"]).toBe("application/json; charset=utf-8");
    const preflight = await get(server, "/api/v1/documents", { Origin: "https://example.org", "Access-Control-Request-Method": "GET" }, "OPTIONS");
    expect(preflight.status).toBe(204);
    expect(preflight.headers["access-control-allow-methods"]).toBe("GET, HEAD, OPTIONS");
    const head = await get(server, "/api/v1/documents", {}, "HEAD");
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    for (const method of ["POST", "PUT", "DELETE"]) expect((await get(server, "/api/v1/documents", {}, method)).status).toBe(405);
  });

  it("forgets cached listings when something is published", async () => {
    await start();
    const count = async () => JSON.parse((await get(server, "/api/v1/documents?year=2024")).body.toString("utf8")).count as number;
    expect(await count()).toBe(2);
    const unit = await createUnitInDepartment(prisma, corpus.jiancha, { unitCode: "118003", unitName: "馆陶县检察技术中心" });
    await createBudget(prisma, { budget: buildBudgetFor(unit, { year: 2024 }), status: "SIGNED_OFF" });
    await publishBudget(prisma, { unitCode: "118003", year: 2024, regionCode: GUANTAO }, renderersWithoutPdf);
    await eventually(async () => (await count()) === 3);
    const search = await get(server, `/search?q=${encodeURIComponent("检察技术中心")}`);
    expect(search.body.toString("utf8")).toContain("<mark>检察技术中心</mark>");
  });
});
