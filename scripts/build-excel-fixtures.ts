import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { guantao2024Budget, guantao2024CodeBook } from "@/lib/demo/guantao-2024";
import { largeLineExport } from "@/tests/fixtures/excel/large-workbook";
import { disclosureWorkbook, lineExportWorkbook, referenceLines } from "@/tests/fixtures/excel/reference-workbooks";
import { writeWorkbook, type SheetSpec } from "@/tests/fixtures/excel/sheet-spec";

/**
 * Writes the Excel fixtures (tests/fixtures/excel/*.xlsx): the reference budget as a disclosure
 * workbook in 万元 and as a flat line export in 元, each in two header dialects, and a 2,000-line
 * unit for the benchmark. Run: npx tsx scripts/build-excel-fixtures.ts
 */
const outDir = path.resolve(__dirname, "../tests/fixtures/excel");

const fixtures: [string, SheetSpec[]][] = [
  ["guantao-2024-disclosure-a.xlsx", disclosureWorkbook(guantao2024Budget, guantao2024CodeBook, "a")],
  ["guantao-2024-disclosure-b.xlsx", disclosureWorkbook(guantao2024Budget, guantao2024CodeBook, "b")],
  ["guantao-2024-lines-a.xlsx", lineExportWorkbook(guantao2024Budget, guantao2024CodeBook, referenceLines(guantao2024Budget), "a")],
  ["guantao-2024-lines-b.xlsx", lineExportWorkbook(guantao2024Budget, guantao2024CodeBook, referenceLines(guantao2024Budget), "b")],
  ["large-unit-2000-lines.xlsx", largeLineExport(guantao2024Budget, guantao2024CodeBook).sheets],
];

async function main(): Promise<void> {
  mkdirSync(outDir, { recursive: true });
  for (const [name, sheets] of fixtures) {
    const bytes = await writeWorkbook(sheets);
    writeFileSync(path.join(outDir, name), bytes);
    process.stdout.write(`${name}: ${bytes.length} bytes\n`);
  }
}

void main();
