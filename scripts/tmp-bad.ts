import { readFileSync } from "node:fs";
import { importDocument } from "@/lib/import/import-document";
async function main() {
  const real = readFileSync("tests/fixtures/disclosures/pdf/sh-putuo-shehuifuliyuan-2024-unit-budget.pdf");
  for (const frac of [0.1, 0.5, 0.9]) {
    try { const d = await importDocument([{ name: "t.pdf", bytes: new Uint8Array(real.subarray(0, Math.floor(real.length * frac))) }]); console.log(frac, "ok", d.figures.incomeTotal); }
    catch (e) { console.log(frac, (e as Error).name, (e as Error).message); }
  }
}
void main();
