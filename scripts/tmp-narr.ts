import { readFileSync } from "node:fs";
import { importDocument } from "@/lib/import/import-document";
async function main() {
  const doc = await importDocument(process.argv.slice(2).map((f) => ({ name: f, bytes: new Uint8Array(readFileSync(f)) })));
  const text = doc.narrative.replace(/\n/g, "");
  for (const m of text.matchAll(/[^。；]{0,60}(上年|上一年|\d{4}年预算)[^。；]{0,40}(增加|减少|增长|下降)[^。；]{0,30}/g)) console.log("-", m[0]);
}
void main();
