import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { chmodSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { documentRenderers, publicSiteRenderers } from "@/app/document-renderers";
import { findFreePort } from "@/lib/database/ports";
import { disconnectPrisma } from "@/lib/db";
import { seedDemoDepartment } from "@/lib/department/seed-department";
import { seedDeadlineDemo } from "@/lib/demo/seed-deadline-demo";
import { seedDemo } from "@/lib/demo/seed-demo";
import type { PublicServer } from "@/lib/serving/public-server";
import { get, usePublicServers } from "@/lib/serving/test-support";
import { prisma, resetDatabase } from "@/tests/integration/db";
import { createSiteRouter, isSitePath } from "@/lib/public-site/site-router";
import { exportSite } from "./export-site";
import { siteListings } from "./site-listings";

/** Debian's nginx (apt-get install nginx-light; .ci/run installs it). */
const NGINX = spawnSync("sh", ["-c", "command -v nginx || ls /usr/sbin/nginx"], { encoding: "utf8" }).stdout.trim().split("\n")[0] ?? "";
const out = mkdtempSync(path.join(tmpdir(), "gongkai-mirror-"));
// nginx's workers run as an unprivileged user when the tests run as root: the folder must be readable.
chmodSync(out, 0o755);
const servers = usePublicServers();
let nginx: ChildProcess | undefined;
let mirror: PublicServer;

/** The headers both must send alike (Date, Server, Connection and Accept-Ranges are each server's own). */
const COMPARED = [
  "content-type",
  "content-length",
  "content-encoding",
  "etag",
  "cache-control",
  "vary",
  "x-content-type-options",
  "content-security-policy",
  "referrer-policy",
  "content-disposition",
] as const;

const pick = (headers: Record<string, unknown>) => Object.fromEntries(COMPARED.map((name) => [name, headers[name]]));

async function startNginx(port: number): Promise<void> {
  nginx = spawn(NGINX, ["-p", path.join(out, "nginx"), "-c", path.join(out, "nginx", "nginx.conf"), "-g", "daemon off;"], { stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  nginx.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (nginx.exitCode !== null) throw new Error(`nginx exited with ${nginx.exitCode}: ${stderr}`);
    const status = await fetch(`http://127.0.0.1:${port}/budgets/2024/224001`).then((r) => r.status, () => 0);
    if (status === 200) return;
    if (Date.now() > deadline) throw new Error(`nginx did not answer: ${stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

let paths: string[];
const listings = siteListings((db) => createSiteRouter(db, publicSiteRenderers));
/** the app as `npm start` serves it: documents and the citizens' site */
const startApp = () => servers.start({ site: { matches: isSitePath, router: createSiteRouter(prisma, publicSiteRenderers) } });

beforeAll(async () => {
  await resetDatabase();
  await seedDemo(prisma, documentRenderers);
  await seedDeadlineDemo(prisma, documentRenderers);
  await seedDemoDepartment(prisma, documentRenderers);
  const port = await findFreePort();
  const result = await exportSite(prisma, { out, listen: `127.0.0.1:${port}`, listings: [listings] });
  paths = result.paths;
  await startNginx(port);
  mirror = { url: `http://127.0.0.1:${port}` } as PublicServer;
}, 180_000);

afterAll(async () => {
  if (nginx !== undefined && nginx.exitCode === null) {
    nginx.kill("SIGQUIT");
    await new Promise((resolve) => nginx?.once("exit", resolve));
  }
  rmSync(out, { recursive: true, force: true });
  await disconnectPrisma();
});

describe("the static mirror served by nginx", () => {
  it("lists every public URL of the demo: three documents, their versions and downloads, and the citizens' listings", () => {
    expect(paths).toContain("/budgets/2024/224001");
    expect(paths).toContain("/budgets/2024/224001/v1/224001-2024-v1.pdf");
    expect(paths).toContain("/budgets/2024/224001/v1/224001-2024-v1.docx");
    expect(paths).toContain("/budgets/2024/302001/v1");
    expect(paths).toContain("/budgets/2024/departments/224/v1/department-224-2024-v1.xlsx");
    // three documents × (alias, version page, five downloads)
    const documents = paths.filter((p) => p.startsWith("/budgets/"));
    expect(documents).toHaveLength(3 * 7);
    for (const listing of ["/", "/open-data", "/search", "/regions/130433", "/regions/130433/overview", "/regions/130433/transparency"]) {
      expect(paths).toContain(listing);
    }
  });

  it("answers every public URL with the app's status, bytes, ETag and cache headers, in every encoding and as a 304", async () => {
    const app = await startApp();
    const cases: string[] = [];
    for (const url of paths) {
      for (const encoding of [undefined, "gzip", "br", "gzip, deflate, br", "br;q=0, gzip"]) {
        const headers: Record<string, string> = encoding === undefined ? {} : { "accept-encoding": encoding };
        const fromApp = await get(app, url, headers);
        const fromMirror = await get(mirror, url, headers);
        expect(fromApp.status, url).toBe(200);
        expect({ url, encoding, status: fromMirror.status, ...pick(fromMirror.headers) }).toEqual({ url, encoding, status: fromApp.status, ...pick(fromApp.headers) });
        expect(fromMirror.body.equals(fromApp.body), `${url} ${encoding}`).toBe(true);

        const revalidate = { ...headers, "if-none-match": String(fromApp.headers.etag) };
        const unchangedApp = await get(app, url, revalidate);
        const unchangedMirror = await get(mirror, url, revalidate);
        expect(unchangedApp.status).toBe(304);
        expect({ url, status: unchangedMirror.status, etag: unchangedMirror.headers.etag, cache: unchangedMirror.headers["cache-control"], vary: unchangedMirror.headers.vary }).toEqual({
          url,
          status: 304,
          etag: unchangedApp.headers.etag,
          cache: unchangedApp.headers["cache-control"],
          vary: unchangedApp.headers.vary,
        });
        cases.push(url);
      }
    }
    expect(cases).toHaveLength(paths.length * 5);
  }, 120_000);

  it("answers an unknown document URL with the app's 404 page", async () => {
    const app = await startApp();
    for (const url of ["/budgets/2024/999999", "/budgets/2024/224001/v9", "/budgets/2024/224001/v1/224001-2024-v1.exe"]) {
      const [fromApp, fromMirror] = [await get(app, url), await get(mirror, url)];
      expect([fromMirror.status, fromMirror.body.toString()]).toEqual([404, fromApp.body.toString()]);
      expect(fromMirror.headers["cache-control"]).toBe(fromApp.headers["cache-control"]);
    }
  });

  it("writes nothing when exported again without changes", async () => {
    const before = readFileSync(path.join(out, "nginx", "gongkai-maps.conf"), "utf8");
    const port = /listen 127\.0\.0\.1:(\d+);/.exec(readFileSync(path.join(out, "nginx", "gongkai-server.conf"), "utf8"))?.[1];
    const again = await exportSite(prisma, { out, listen: `127.0.0.1:${port}`, listings: [listings] });
    expect(again.written).toBe(0);
    expect(again.urls).toBe(paths.length);
    expect(readFileSync(path.join(out, "nginx", "gongkai-maps.conf"), "utf8")).toBe(before);
  }, 60_000);
});
