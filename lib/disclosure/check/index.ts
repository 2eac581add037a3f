import { deriveTables } from "../derive-tables";
import type { Finding } from "../findings";
import { narrativeFigures, type NarrativeFigures, type NarrativeParagraph } from "../narrative";
import type { DerivedTables } from "../table-model";
import type { Budget, CodeBook } from "../types";
import { checkAssets } from "./assets";
import type { CheckContext } from "./context";
import { EXACT, precisionDigits, type Precision } from "./precision";
import {
  checkAppropriationTables,
  checkBasicExpenditureTable,
  checkContributionPairs,
  checkIncomeEqualsExpenditureByFunction,
} from "./cross-table";
import { checkDataValidity } from "./data-validity";
import { checkHierarchies } from "./hierarchy";
import { checkNarrativeFigures } from "./narrative-figures";
import { checkNarrativeLists } from "./narrative-lists";
import { checkGovernmentLevel, checkNarrativeStatements } from "./narrative-statements";
import { checkPlausibility } from "./plausibility";
import { checkPrintedTables } from "./printed-tables";
import { checkPriorYear } from "./prior-year";
import { checkProcurement } from "./procurement";
import { checkProjects, checkSpendingPlans } from "./projects";
import { checkThreePublic } from "./three-public";
import { checkTable1, checkTable2, checkTable3, checkTable4 } from "./totals";

export { FORM_SECTIONS, FORM_SECTION_LABELS, formSectionOf, groupBySection, type FindingGroup, type FormSection } from "./sections";
export type { Finding, FindingLocation, Severity } from "../findings";
export type { NarrativeParagraph, StatedList } from "../narrative";
export { EXACT, printedDigitFen, type Precision } from "./precision";

export interface CheckInput {
  budget: Budget;
  codeBook: CodeBook;
  /** printed tables of an imported document; derived from the budget when absent */
  tables?: DerivedTables;
  /** figures an imported narrative states; taken from the tables when absent */
  narrative?: NarrativeFigures;
  /**
   * exact (the default: entered here, nothing tolerated) or printed (imported: each figure rounded
   * to the document's last printed digit, differences within one digit per summed row are 尾差)
   */
  precision?: Precision;
  /** the imported narrative's paragraphs, for the rules on what it states (N1–N4); none for entered budgets */
  narrativeText?: readonly NarrativeParagraph[];
}

/**
 * Runs every consistency rule (C1–C16) and data-validity rule (D1–D9) and returns the findings,
 * data problems first since they are usually the cause of the others.
 *
 * `location.lineIndex` indexes the budget array implied by the rest of the location: table T1 →
 * `income`, T3 → `expenditure`, T6 → `basicEconomic`, T9 → `threePublic`; section `projects` →
 * `projects`, `procurement` → `procurement`, `assets` → `assets.holdings`.
 */
export function checkDisclosure(input: CheckInput): Finding[] {
  const tables = input.tables ?? deriveTables(input.budget, input.codeBook);
  const precision = input.precision ?? EXACT;
  const digits = precisionDigits(precision);
  const ctx: CheckContext = {
    budget: input.budget,
    codeBook: input.codeBook,
    tables,
    narrative: input.narrative ?? narrativeFigures(input.budget, tables),
    tablesSupplied: input.tables !== undefined,
    unit: input.budget.amountUnit,
    precision,
    digit: digits.table,
    narrativeDigit: digits.narrative,
    narrativeText: input.narrativeText ?? [],
    rowIndexes: new Map(),
  };
  const out: Finding[] = [];
  checkDataValidity(ctx, out);
  if (ctx.tablesSupplied) checkPrintedTables(ctx, out);
  checkTable1(ctx, out);
  checkHierarchies(ctx, out);
  checkTable2(ctx, out);
  checkTable3(ctx, out);
  checkIncomeEqualsExpenditureByFunction(ctx, out);
  checkTable4(ctx, out);
  checkAppropriationTables(ctx, out);
  checkBasicExpenditureTable(ctx, out);
  checkContributionPairs(ctx, out);
  checkProjects(ctx, out);
  checkSpendingPlans(ctx, out);
  checkThreePublic(ctx, out);
  checkNarrativeFigures(ctx, out);
  checkNarrativeLists(ctx, out);
  checkNarrativeStatements(ctx, out);
  checkGovernmentLevel(ctx, out);
  checkPriorYear(ctx, out);
  checkProcurement(ctx, out);
  checkAssets(ctx, out);
  checkPlausibility(ctx, out);
  return reportedOnce(out);
}

/**
 * One wrong cell often breaks two identities at once (表3's 合计 is neither the sum of its
 * classes, C2, nor of its kinds, C4). The same two figures on the same cell are one imbalance:
 * reported once, by the first rule that finds it.
 */
function reportedOnce(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const { table, rowKey, column } = f.location;
    if (f.actual === undefined || f.expected === undefined || !table || rowKey === undefined) return true;
    const low = Math.min(f.actual, f.expected);
    const high = Math.max(f.actual, f.expected);
    const key = `${table}|${rowKey}|${column ?? ""}|${f.location.section ?? ""}|${low}|${high}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Errors block submission; warnings only ask for an explanation. */
export function hasBlockingErrors(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.severity === "error");
}
