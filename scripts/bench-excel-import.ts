/**
 * How long the Excel import of a large unit takes: the 2,000-line flat export fixture
 * (tests/fixtures/excel/large-unit-2000-lines.xlsx) read through lib/spreadsheet, imported, and
 * previewed (nine tables + checker). Run with `npx tsx scripts/bench-excel-import.ts`; exits 1
 * when the median is not well under 2 s.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { guantao2024Budget, guantao2024CodeBook } from "@/lib/demo/guantao-2024";
import { importExcelFile } from "@/lib/import/excel/import-excel-file";
import { previewImport } from "@/lib/import/excel/preview-import";

const LIMIT_MS = 1_500;
const bytes = new Uint8Array(readFileSync(path.resolve(__dirname, "../tests/fixtures/excel/large-unit-2000-lines.xlsx")));
const context = { codeBook: guantao2024CodeBook, expected: { unitCode: "224001", year: 2024 }, mappings: [] };

async function once(): Promise<{ ms: number; lines: number; figures: number; errors: number }> {
  const start = performance.now();
  const result = await importExcelFile(bytes, "large.xlsx", context);
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join("\n"));
  const preview = previewImport(guantao2024Budget, guantao2024CodeBook, result.data);
  const ms = performance.now() - start;
  const lines = result.data.figures.filter((f) => f.label.startsWith("支出")).reduce((s, f) => s + f.sources.length, 0);
  return { ms, lines, figures: result.data.figures.length, errors: preview.imported.problems.filter((p) => p.severity === "error").length };
}

async function main(): Promise<void> {
  await once();
  const runs = [];
  for (let i = 0; i < 5; i++) runs.push(await once());
  const sorted = runs.map((r) => r.ms).sort((a, b) => a - b);
  const median = sorted[2] ?? 0;
  const first = runs[0];
  console.log(
    `excel import: ${first?.lines} lines (${(bytes.length / 1024).toFixed(0)} KB) → ${first?.figures} figures, ${first?.errors} errors\n` +
      `  read + import + preview  median ${median.toFixed(0)} ms, max ${(sorted[4] ?? 0).toFixed(0)} ms (5 runs; limit ${LIMIT_MS} ms)`,
  );
  if ((first?.errors ?? 1) > 0 || median > LIMIT_MS) process.exitCode = 1;
}

void main();
