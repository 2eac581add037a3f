/**
 * How long the live check takes per keystroke: mean time of deriveTables + checkDisclosure over
 * the demo budget and over a synthetic budget of ~2,000 expenditure lines and ~100 projects.
 * Run with `npx tsx scripts/bench-checker.ts`; prints numbers, asserts nothing.
 */
import { performance } from "node:perf_hooks";
import { guantao2024Budget, guantao2024CodeBook } from "@/lib/demo/guantao-2024";
import { checkDisclosure } from "@/lib/disclosure/check";
import { deriveTables } from "@/lib/disclosure/derive-tables";
import type { Budget, CodeBook } from "@/lib/disclosure/types";
import { syntheticBudget } from "./lib/synthetic-budget";

function meanMs(iterations: number, run: () => unknown): number {
  for (let i = 0; i < Math.min(20, iterations); i++) run();
  const start = performance.now();
  for (let i = 0; i < iterations; i++) run();
  return (performance.now() - start) / iterations;
}

function bench(label: string, budget: Budget, codeBook: CodeBook, iterations: number): void {
  const tables = deriveTables(budget, codeBook);
  const findings = checkDisclosure({ budget, codeBook });
  const derive = meanMs(iterations, () => deriveTables(budget, codeBook));
  const checkOnly = meanMs(iterations, () => checkDisclosure({ budget, codeBook, tables }));
  const both = meanMs(iterations, () => checkDisclosure({ budget, codeBook }));
  const rows = Object.values(tables).reduce((a: number, t: { rows: unknown[] }) => a + t.rows.length, 0);
  console.log(
    `${label}: ${budget.expenditure.length} expenditure lines, ${budget.projects.length} projects, ${rows} table rows, ${findings.length} findings\n` +
      `  deriveTables            ${derive.toFixed(3)} ms\n` +
      `  checkDisclosure (tables given) ${checkOnly.toFixed(3)} ms\n` +
      `  deriveTables + checkDisclosure ${both.toFixed(3)} ms  (mean of ${iterations} runs)`,
  );
}

bench("demo (馆陶县网信办 2024)", guantao2024Budget, guantao2024CodeBook, 2000);
const synthetic = syntheticBudget(2000, 100);
bench("synthetic", synthetic.budget, synthetic.codeBook, 100);
