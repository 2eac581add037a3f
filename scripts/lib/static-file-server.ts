/**
 * `node --import tsx scripts/lib/static-file-server.ts <dir> <port>`: the benchmarks' baseline, the
 * least a Node server can do to serve a file: every file under <dir> read into memory at start,
 * with its `.gz` sibling sent when the client accepts gzip. No routing, no validation, no cache.
 */
import { readdirSync, readFileSync } from "node:fs";
import { createServer } from "node:http";
import path from "node:path";

const [root, port] = process.argv.slice(2);
if (root === undefined || port === undefined) {
  process.stderr.write("Usage: static-file-server.ts <dir> <port>\n");
  process.exit(2);
}

const files = new Map<string, { identity: Buffer; gzip: Buffer | null }>();
for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || entry.name.endsWith(".gz")) continue;
  const file = path.join(entry.parentPath, entry.name);
  let gzip: Buffer | null = null;
  try {
    gzip = readFileSync(`${file}.gz`);
  } catch {
    gzip = null;
  }
  files.set(`/${path.relative(root, file)}`, { identity: readFileSync(file), gzip });
}

createServer((req, res) => {
  const file = files.get(req.url ?? "");
  if (file === undefined) {
    res.writeHead(404).end();
    return;
  }
  const useGzip = file.gzip !== null && (req.headers["accept-encoding"] ?? "").includes("gzip");
  const body = useGzip && file.gzip !== null ? file.gzip : file.identity;
  res.writeHead(200, {
    "Content-Type": "text/html; charset=utf-8",
    "Content-Length": body.length,
    Vary: "Accept-Encoding",
    ...(useGzip ? { "Content-Encoding": "gzip" } : {}),
  });
  res.end(body);
}).listen(Number(port), "127.0.0.1", () => process.stdout.write("ready\n"));
