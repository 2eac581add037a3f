import { readFileSync } from "node:fs";
import { importDocument, summarise } from "@/lib/import/import-document";
import { summaryJson } from "@/lib/import/import-summary";
async function main() {
  const t0 = performance.now();
  const doc = await importDocument(process.argv.slice(2).map((f) => ({ name: f, bytes: new Uint8Array(readFileSync(f)) })));
  const s = summarise(doc);
  console.log(summaryJson(s).replace(/\n\s+/g, " ").slice(0, 3000), Math.round(performance.now() - t0), "ms");
}
void main();
