import { readFileSync } from "node:fs";
import { readPdf } from "@/lib/import/pdf/read-pdf";
const f = process.argv[2]!;

async function main() {
const t0 = performance.now();
const doc = await readPdf(new Uint8Array(readFileSync(f)));
console.error("ms", Math.round(performance.now() - t0), "pages", doc.pages, "cw", doc.charWidth);
const from = Number(process.argv[3] ?? 1), to = Number(process.argv[4] ?? 999);
for (const l of doc.lines) if (l.page >= from && l.page <= to) console.log(l.page, Math.round(l.y), l.cells.map((c) => `[${Math.round(c.x0)}-${Math.round(c.x1)}]${c.text}`).join("  "));
}
void main();
