import { readFileSync } from "node:fs";
import path from "node:path";

/**
 * Reads the tables of the reference disclosure (tests/fixtures/reference/*.txt, a copy of
 * shared/reference/*.txt extracted from the official .docx, so tests pass from a clone alone): each table cell is a line starting with a tab, each table row a block of such
 * lines ended by a blank line. Used by the golden tests to compare derived tables cell by cell.
 */

export const REFERENCE_DIR = path.resolve(__dirname, "fixtures/reference");

export function readReference(name = "guantao-cac-2024-unit-budget.txt"): string {
  return readFileSync(path.join(REFERENCE_DIR, name), "utf8");
}

export interface ReferenceTable {
  title: string;
  /** the 栏次 row: "栏次", "1", "2", … */
  columnNumbers: string[];
  /** data rows below the 栏次 row, cells trimmed; an all-empty placeholder row is dropped */
  rows: string[][];
  /** the `注：…` line after the table, if any */
  note: string | null;
}

export function referenceTable(text: string, title: string): ReferenceTable {
  const lines = text.split("\n");
  const start = lines.findIndex((l) => l.trim() === title);
  if (start < 0) throw new Error(`table ${title} not found in the reference`);
  const blocks: string[][] = [];
  let current: string[] = [];
  let i = start + 1;
  for (; i < lines.length; i++) {
    const line = lines[i] ?? "";
    if (line.startsWith("\t")) {
      current.push(line.slice(1).trim());
    } else if (line.trim() === "") {
      if (current.length) blocks.push(current);
      current = [];
    } else {
      break;
    }
  }
  if (current.length) blocks.push(current);
  const numbersAt = blocks.findIndex((b) => b[0] === "栏次");
  if (numbersAt < 0) throw new Error(`table ${title} has no 栏次 row`);
  const rows = blocks.slice(numbersAt + 1).filter((row) => row.some((cell) => cell !== ""));
  const after = lines[i]?.trim() ?? "";
  return {
    title,
    columnNumbers: blocks[numbersAt] ?? [],
    rows,
    note: after.startsWith("注：") ? after : null,
  };
}
