/**
 * How fast the published unit page is served: the app's own server (scripts/serve.ts, with the
 * demo seeded and published into a throw-away embedded PostgreSQL) against a bare Node server
 * replaying the app's exact answer (same status line, headers and bytes, scripts/lib/replay-server.ts)
 * and, when installed, nginx (`apt-get install -y nginx-light`) serving the static mirror that
 * `npm run gongkai -- export-site` wrote (same bytes and headers). Each as a 200 and as a 304
 * (If-None-Match). autocannon, 50 connections, 10 s each after a warm-up, `Accept-Encoding: gzip`,
 * 127.0.0.1 only.
 * Also prints the page's size and the JavaScript it ships. Run with `npx tsx scripts/bench-public-page.ts`
 * (`npm run bench` runs it after the checker benchmark); prints numbers, asserts nothing.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { get } from "node:http";
import { chmod, mkdtemp, rm, writeFile } from "node:fs/promises";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import autocannon, { type Result } from "autocannon";
import { projectRoot } from "@/lib/database/acquire-database";
import { startEmbeddedDatabase } from "@/lib/database/embedded-server";
import { findFreePort } from "@/lib/database/ports";
import { decideBuild } from "./lib/needs-build";

const PAGE = "/budgets/2024/224001";
/** Citizens' listings measured beside the document, in the same run (lib/public-site). */
const LISTINGS = ["/", "/regions/130433", "/search?q=%E7%BD%91%E4%BF%A1", "/regions/130433/overview"];
const CONNECTIONS = 50;
const DURATION_S = 10;
const WARM_UP_S = 2;
const NGINX = "/usr/sbin/nginx";
const HEADERS = { "accept-encoding": "gzip" };

const log = (message: string) => process.stderr.write(`[bench] ${message}\n`);
const children: ChildProcess[] = [];

function run(title: string, command: string, args: string[], env: NodeJS.ProcessEnv): void {
  log(`${title}…`);
  const result = spawnSync(command, args, { cwd: projectRoot, env, stdio: ["ignore", "ignore", "inherit"] });
  if (result.status !== 0) throw new Error(`${title} failed (exit ${result.status})`);
}

/** Starts a long-running child and waits until `url` answers 200; returns its PID. */
async function startChild(title: string, command: string, args: string[], env: NodeJS.ProcessEnv, url: string): Promise<number> {
  log(`Starting ${title}…`);
  const child = spawn(command, args, { cwd: projectRoot, env, stdio: ["ignore", "ignore", "inherit"] });
  children.push(child);
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${title} exited with ${child.exitCode}`);
    const status = await fetch(url).then((r) => r.status, () => 0);
    if (status === 200 && child.pid !== undefined) return child.pid;
    if (Date.now() > deadline) throw new Error(`${title} did not answer ${url} within 60 s`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

interface PageFacts {
  identity: Buffer;
  /** exactly the bytes the app sends for Accept-Encoding: gzip */
  gzip: Buffer;
  brotliBytes: number;
  scripts: number;
  scriptBytes: number;
}

/** The body as sent, not decompressed (fetch would decompress it). */
function getRaw(url: string, headers: Record<string, string>): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    get(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => resolve(Buffer.concat(chunks)));
      res.on("error", reject);
    }).on("error", reject);
  });
}

async function pageFacts(origin: string): Promise<PageFacts> {
  const identity = await getRaw(`${origin}${PAGE}`, {});
  const html = identity.toString("utf8");
  const tags = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
  let scriptBytes = 0;
  for (const [, attributes = "", inline = ""] of tags) {
    const src = /\bsrc=["']([^"']+)["']/i.exec(attributes)?.[1];
    scriptBytes += src === undefined ? Buffer.byteLength(inline) : (await getRaw(new URL(src, origin).href, {})).length;
  }
  return {
    identity,
    gzip: await getRaw(`${origin}${PAGE}`, { "accept-encoding": "gzip" }),
    brotliBytes: (await getRaw(`${origin}${PAGE}`, { "accept-encoding": "br" })).length,
    scripts: tags.length,
    scriptBytes,
  };
}

/** CPU seconds used so far by a process and its descendants (Linux /proc; 0 elsewhere). */
function cpuSeconds(pid: number): number {
  try {
    // utime and stime, in clock ticks (100 per second on Linux), are fields 14 and 15.
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
    const own = (Number(fields[11]) + Number(fields[12])) / 100;
    const children = readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean);
    return own + children.reduce((sum, child) => sum + cpuSeconds(Number(child)), 0);
  } catch {
    return 0;
  }
}

interface Measured {
  result: Result;
  /** share of one core the server used while loaded: the load generator has the other core */
  serverCpu: number;
}

async function load(url: string, serverPid: number, extra: Record<string, string> = {}): Promise<Measured> {
  const headers = { ...HEADERS, ...extra };
  await autocannon({ url, connections: CONNECTIONS, duration: WARM_UP_S, headers });
  const before = cpuSeconds(serverPid);
  const result = await autocannon({ url, connections: CONNECTIONS, duration: DURATION_S, headers });
  return { result, serverCpu: (cpuSeconds(serverPid) - before) / result.duration };
}

/** nginx on the exported mirror, with the configuration export-site wrote (listening on `port`). */
async function startMirrorNginx(mirror: string, port: number): Promise<number | null> {
  if (!existsSync(NGINX)) return null;
  return startChild("nginx on the exported mirror", NGINX, ["-p", path.join(mirror, "nginx"), "-c", path.join(mirror, "nginx", "nginx.conf"), "-g", "daemon off;"], process.env, `http://127.0.0.1:${port}${PAGE}`);
}

/** The app's answers to PAGE as raw header lists, for the replaying baseline. */
function recordAnswer(origin: string): Promise<{ etag: string; ok: { headers: string[]; body: string }; notModified: { headers: string[] } }> {
  const fetchRaw = (headers: Record<string, string>) =>
    new Promise<{ raw: string[]; body: Buffer }>((resolve, reject) => {
      get(`${origin}${PAGE}`, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => resolve({ raw: res.rawHeaders, body: Buffer.concat(chunks) }));
        res.on("error", reject);
      }).on("error", reject);
    });
  // Date, Connection and Keep-Alive are written by Node itself.
  const own = new Set(["date", "connection", "keep-alive", "transfer-encoding"]);
  const keep = (raw: string[]) => raw.flatMap((value, i) => (i % 2 === 0 && !own.has(value.toLowerCase()) ? [value, raw[i + 1] ?? ""] : []));
  return fetchRaw(HEADERS).then(async (ok) => {
    const etag = ok.raw[ok.raw.findIndex((name) => name.toLowerCase() === "etag") + 1] ?? "";
    const notModified = await fetchRaw({ ...HEADERS, "if-none-match": etag });
    return { etag, ok: { headers: keep(ok.raw), body: ok.body.toString("base64") }, notModified: { headers: keep(notModified.raw) } };
  });
}

const ratio = (a: Measured, b: Measured) => (a.result.requests.average / b.result.requests.average).toFixed(2);

const row = (name: string, { result: r, serverCpu }: Measured) =>
  `| ${name} | ${Math.round(r.requests.average).toLocaleString("en-US")} | ${r.latency.p50} ms | ${r.latency.p99} ms | ` +
  `${r.non2xx} | ${r.errors} | ${Math.round(serverCpu * 100)} % | ` +
  `${serverCpu > 0 ? Math.round(r.requests.average / serverCpu).toLocaleString("en-US") : "?"} |`;

async function main(): Promise<void> {
  const dir = await mkdtemp(path.join(tmpdir(), "gongkai-bench-"));
  await chmod(dir, 0o755);
  const database = await startEmbeddedDatabase({
    dataRoot: dir,
    port: await findFreePort(),
    databaseName: "gongkai_bench",
    whenAlreadyRunning: "fail",
    isDurable: false,
    log,
    command: "npm run bench",
  });
  try {
    const env = { ...process.env, DATABASE_URL: database.url, NEXT_TELEMETRY_DISABLED: "1" };
    run("Migrating", process.execPath, ["node_modules/prisma/build/index.js", "migrate", "deploy"], env);
    run("Seeding and publishing the demo budget", process.execPath, ["node_modules/tsx/dist/cli.mjs", "prisma/seed.ts"], env);
    const build = decideBuild(projectRoot);
    if (build.isNeeded) run(`Building the app (${build.reason})`, process.execPath, ["node_modules/next/dist/bin/next", "build"], env);

    const appPort = await findFreePort();
    const app = `http://127.0.0.1:${appPort}`;
    const appPid = await startChild(
      "the app's server (scripts/serve.ts)",
      process.execPath,
      ["--import", "tsx", "scripts/serve.ts"],
      { ...env, PORT: String(appPort), NODE_ENV: "production" },
      `${app}${PAGE}`,
    );
    const facts = await pageFacts(app);

    const recorded = await recordAnswer(app);
    const answers = path.join(dir, "answers.json");
    await writeFile(answers, JSON.stringify({ path: PAGE, ...recorded }));
    const barePort = await findFreePort();
    const barePid = await startChild(
      "the bare Node server replaying the app's answer",
      process.execPath,
      ["--import", "tsx", "scripts/lib/replay-server.ts", answers, String(barePort)],
      process.env,
      `http://127.0.0.1:${barePort}${PAGE}`,
    );
    const mirror = path.join(dir, "mirror");
    const nginxPort = await findFreePort();
    run("Exporting the static mirror", process.execPath, ["node_modules/tsx/dist/cli.mjs", "scripts/gongkai.ts", "export-site", "--out", mirror, "--listen", `127.0.0.1:${nginxPort}`], env);
    const nginxPid = await startMirrorNginx(mirror, nginxPort);

    const loadBefore = loadavg()[0]?.toFixed(2);
    const unchanged = { "if-none-match": recorded.etag };
    log(`Loading each server for ${WARM_UP_S} + ${DURATION_S} s, as 200 and as 304…`);
    const ours = await load(`${app}${PAGE}`, appPid);
    const ours304 = await load(`${app}${PAGE}`, appPid, unchanged);
    const bare = await load(`http://127.0.0.1:${barePort}${PAGE}`, barePid);
    const bare304 = await load(`http://127.0.0.1:${barePort}${PAGE}`, barePid, unchanged);
    const nginx = nginxPid === null ? null : await load(`http://127.0.0.1:${nginxPort}${PAGE}`, nginxPid);
    const nginx304 = nginxPid === null ? null : await load(`http://127.0.0.1:${nginxPort}${PAGE}`, nginxPid, unchanged);
    // The citizens' listings (lib/public-site), served by the same process right after the document.
    const listings = [];
    for (const listing of LISTINGS) listings.push([listing, await load(`${app}${listing}`, appPid)] as const);
    const loadAfter = loadavg()[0]?.toFixed(2);

    console.log(
      [
        `Unit page ${PAGE}, ${CONNECTIONS} connections, ${DURATION_S} s each, Accept-Encoding: gzip (load average before: ${loadBefore}, after: ${loadAfter})`,
        "",
        "| server | req/s | p50 | p99 | non-2xx | errors | server CPU | req/s per server core |",
        "|---|---|---|---|---|---|---|---|",
        row("app (scripts/serve.ts: lib/serving + Next.js), 200", ours),
        row("app, 304 (If-None-Match)", ours304),
        row("bare Node replaying the app's answer (same headers and bytes), 200", bare),
        row("bare Node, 304", bare304),
        ...(nginx === null || nginx304 === null ? [] : [row("nginx on the exported mirror (export-site), 200", nginx), row("nginx on the mirror, 304", nginx304)]),
        ...listings.map(([listing, measured]) => row(`app: listing ${listing}`, measured)),
        "",
        `app / bare Node: ${ratio(ours, bare)} (target ≥ 0.90); app 304 / app 200: ${ratio(ours304, ours)} (target > 1)` +
          (nginx === null ? " (nginx not installed)" : `; app / nginx mirror: ${ratio(ours, nginx)}`),
        `HTML: ${facts.identity.length.toLocaleString("en-US")} B raw, ${facts.gzip.length.toLocaleString("en-US")} B gzip, ` +
          `${facts.brotliBytes.toLocaleString("en-US")} B brotli; JavaScript shipped: ${facts.scripts} scripts, ${facts.scriptBytes} B`,
      ].join("\n"),
    );
  } finally {
    for (const child of children) child.kill("SIGTERM");
    await Promise.all(children.map((child) => (child.exitCode === null ? new Promise((resolve) => child.once("exit", resolve)) : null)));
    await database.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  log(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exitCode = 1;
});
