import { ECONOMIC_CODE_SPECS, FUNCTIONAL_CODE_SPECS } from "./classification-code";
import { appropriationTable, BASIC_TABLE, EXPENDITURE_TABLE, INCOME_TABLE } from "./disclosure-specs";
import type { SheetKind } from "./import-types";
import { LINE_SPECS } from "./read-line-export";
import { ASSET_SPECS } from "./read-assets";
import { PROCUREMENT_SPECS } from "./read-procurement";
import { PROJECT_SPECS } from "./read-projects";
import { FISCAL_SPECS, SUMMARY_SPECS, THREE_PUBLIC_SPECS } from "./read-summary-tables";
import type { ColumnSpec } from "./sheet-table";

/** The fields a header of each kind of sheet can be mapped to, as the mapping form offers them. */
export const MAPPABLE_FIELDS: Record<SheetKind, readonly ColumnSpec<string>[]> = {
  T1: SUMMARY_SPECS,
  T2: [...INCOME_TABLE.amounts, ...FUNCTIONAL_CODE_SPECS],
  T3: [...EXPENDITURE_TABLE.amounts, ...FUNCTIONAL_CODE_SPECS],
  T4: FISCAL_SPECS,
  T5: [...appropriationTable("GENERAL_BUDGET").amounts, ...FUNCTIONAL_CODE_SPECS],
  T6: [...BASIC_TABLE.amounts, ...ECONOMIC_CODE_SPECS],
  T7: [...appropriationTable("GOVERNMENT_FUND").amounts, ...FUNCTIONAL_CODE_SPECS],
  T8: [...appropriationTable("STATE_CAPITAL").amounts, ...FUNCTIONAL_CODE_SPECS],
  T9: THREE_PUBLIC_SPECS,
  LINES: LINE_SPECS,
  PROJECTS: PROJECT_SPECS,
  INDICATORS: PROJECT_SPECS,
  ASSETS: ASSET_SPECS,
  PROCUREMENT: PROCUREMENT_SPECS,
};

export function isMappableField(kind: SheetKind, field: string): boolean {
  return MAPPABLE_FIELDS[kind].some((spec) => spec.field === field);
}
