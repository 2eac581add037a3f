import { checkDisclosure } from "@/lib/disclosure/check";
import { deriveTables } from "@/lib/disclosure/derive-tables";
import type { Finding } from "@/lib/disclosure/findings";
import type { DerivedTables } from "@/lib/disclosure/table-model";
import type { Budget, CodeBook } from "@/lib/disclosure/types";
import { applyImport } from "./apply-import";
import type { ExcelImport } from "./import-types";

export interface ImportPreview {
  imported: ExcelImport;
  /** the draft as it would be saved */
  budget: Budget;
  tables: DerivedTables;
  /** the checker's findings on that draft */
  findings: Finding[];
  /** false while the workbook has an error (a cell that could not be read, sheets that disagree, another unit or year) */
  canSave: boolean;
}

/** What the accountant sees before confirming: the draft after the import, its nine tables and findings. */
export function previewImport(base: Budget, codeBook: CodeBook, imported: ExcelImport): ImportPreview {
  const budget = applyImport(base, imported);
  const tables = deriveTables(budget, codeBook);
  const findings = checkDisclosure({ budget, codeBook, tables });
  return { imported, budget, tables, findings, canSave: !imported.problems.some((p) => p.severity === "error") };
}
