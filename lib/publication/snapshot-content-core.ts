import { deriveTables } from "@/lib/disclosure/derive-tables";
import { generateNarrative, type GeneratedNarrative } from "@/lib/disclosure/narrative";
import type { FigureChange } from "@/lib/disclosure/table-diff";
import type { DerivedTables } from "@/lib/disclosure/table-model";
import type { Budget, CodeBook } from "@/lib/disclosure/types";
import type { DepartmentCoverage } from "./department-coverage";

/**
 * Everything a published disclosure shows, frozen at publication: the budget as approved, the
 * codes it uses, and what was derived from it. Public pages and downloads render from this and
 * never from the editable budget, so a later draft cannot change what citizens read.
 */
export interface SnapshotContent {
  schemaVersion: 1;
  budget: Budget;
  /** the year's code book entries the budget uses, plus the 31 classes' names */
  codeBook: CodeBook;
  tables: DerivedTables;
  narrative: GeneratedNarrative;
  publication: {
    version: number;
    /** ISO timestamp */
    publishedAt: string;
    /** ISO date of 批复, when known */
    approvedAt: string | null;
    /** 更正说明 of a corrected version; null for the first version */
    correctionNote: string | null;
    /**
     * a correction's changed figures against the version it corrects, derived from the two
     * snapshots at publication (absent in first versions and in snapshots published before)
     */
    changedFigures?: FigureChange[];
  };
  /**
   * Present only in a department's 部门预算 (lib/department/): `budget` is then the sum of these
   * units' approved budgets, and the document says which units (and versions) it covers.
   */
  department?: DepartmentCoverage;
}

function usedCodes(budget: Budget, codeBook: CodeBook): CodeBook {
  const functional = new Set<string>();
  for (const code of [...budget.expenditure.map((l) => l.functionalCode), ...budget.projects.map((p) => p.functionalCode)]) {
    for (const length of [3, 5, 7]) if (code.length >= length) functional.add(code.slice(0, length));
  }
  const economic = new Set<string>();
  for (const line of budget.basicEconomic) for (const length of [3, 5]) economic.add(line.economicCode.slice(0, length));
  return {
    year: codeBook.year,
    functional: codeBook.functional.filter((c) => functional.has(c.code) || c.level === 1),
    economic: codeBook.economic.filter((c) => economic.has(c.code)),
  };
}

export function buildSnapshotContent(
  budget: Budget,
  codeBook: CodeBook,
  publication: SnapshotContent["publication"],
): SnapshotContent {
  const tables = deriveTables(budget, codeBook);
  return {
    schemaVersion: 1,
    budget,
    codeBook: usedCodes(budget, codeBook),
    tables,
    narrative: generateNarrative(budget, tables),
    publication,
  };
}

/** JSON with object keys sorted, so the same content always hashes the same. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v && typeof v === "object" && !Array.isArray(v)) {
      return Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    }
    return v;
  });
}
