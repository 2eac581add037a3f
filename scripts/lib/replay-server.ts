/**
 * `node --import tsx scripts/lib/replay-server.ts <answers.json> <port>`: the benchmarks' bare Node
 * baseline. It answers one URL with exactly the status lines, headers and bytes recorded from the
 * app (a 200 for Accept-Encoding: gzip, and a 304 when If-None-Match is that ETag), held in
 * memory: the least a Node server can do to send the same answer. No routing, no validation.
 */
import { readFileSync } from "node:fs";
import { createServer } from "node:http";

interface Recorded {
  path: string;
  etag: string;
  ok: { headers: string[]; body: string };
  notModified: { headers: string[] };
}

const [file, port] = process.argv.slice(2);
if (file === undefined || port === undefined) {
  process.stderr.write("Usage: replay-server.ts <answers.json> <port>\n");
  process.exit(2);
}
const recorded = JSON.parse(readFileSync(file, "utf8")) as Recorded;
const body = Buffer.from(recorded.ok.body, "base64");

createServer((req, res) => {
  if (req.url !== recorded.path) {
    res.writeHead(404).end();
    return;
  }
  if (req.headers["if-none-match"] === recorded.etag) {
    res.writeHead(304, recorded.notModified.headers).end();
    return;
  }
  res.writeHead(200, recorded.ok.headers).end(body);
}).listen(Number(port), "127.0.0.1", () => process.stdout.write("ready\n"));
