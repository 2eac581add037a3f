/**
 * Import time per published PDF (tests/fixtures/disclosures/pdf) and the checker's time on each
 * imported document. Run with `npx tsx scripts/bench-document-import.ts`; prints numbers, asserts nothing.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { checkDisclosure } from "@/lib/disclosure/check";
import { importDocument } from "@/lib/import/import-document";
import { toBudget } from "@/lib/import/to-budget";
import { corpusDocuments, DISCLOSURES_DIR } from "@/tests/fixtures/disclosures/corpus";

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};

async function main(): Promise<void> {
  const documents = corpusDocuments();
  // the first import loads pdfjs and its CMaps; measure warm, as a server would run
  const first = documents[0];
  if (first) await importDocument(first.pdfs.map((name) => ({ name, bytes: new Uint8Array(readFileSync(path.join(DISCLOSURES_DIR, "pdf", name))) })));
  const results: { name: string; pages: number; ms: number; checkMs: number }[] = [];
  for (const doc of documents) {
    const files = doc.pdfs.map((name) => ({ name, bytes: new Uint8Array(readFileSync(path.join(DISCLOSURES_DIR, "pdf", name))) }));
    const start = performance.now();
    const imported = await importDocument(files);
    const ms = performance.now() - start;
    const budget = toBudget(imported);
    const codeBook = { year: budget.year, functional: [], economic: [] };
    const runs = 20;
    const checkStart = performance.now();
    for (let i = 0; i < runs; i++) checkDisclosure({ budget, codeBook });
    results.push({ name: doc.name, pages: imported.pages, ms, checkMs: (performance.now() - checkStart) / runs });
  }
  for (const r of results) console.log(`${r.name.padEnd(58)} ${String(r.pages).padStart(3)} pages  import ${r.ms.toFixed(0).padStart(5)} ms  checker ${r.checkMs.toFixed(2)} ms`);
  const slowest = results.reduce((a, b) => (b.ms > a.ms ? b : a));
  const thirty = results.filter((r) => r.pages >= 30);
  console.log(
    `import: median ${median(results.map((r) => r.ms)).toFixed(0)} ms per document, slowest ${slowest.ms.toFixed(0)} ms (${slowest.name}, ${slowest.pages} pages)` +
      `\n        documents of 30+ pages: median ${median(thirty.map((r) => r.ms)).toFixed(0)} ms, max ${Math.max(...thirty.map((r) => r.ms)).toFixed(0)} ms` +
      `\nchecker on an imported document: median ${median(results.map((r) => r.checkMs)).toFixed(2)} ms, max ${Math.max(...results.map((r) => r.checkMs)).toFixed(2)} ms`,
  );
}

void main();
