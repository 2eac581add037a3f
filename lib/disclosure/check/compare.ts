import type { Finding, FindingLocation, Severity } from "../findings";
import type { Fen } from "../types";
import { money, type CheckContext } from "./context";

export interface Comparison {
  rule: string;
  severity?: Severity;
  /** the figure as stated (the cell, line or sentence being checked) */
  actual: Fen;
  /** what the identity says it should be */
  expected: Fen;
  tolerance: Fen;
  location: FindingLocation;
  /** the sentence up to the difference, given both figures already formatted */
  describe: (actual: string, expected: string) => string;
  /** formatter for both figures and the difference; defaults to two decimals */
  format?: (ctx: CheckContext, fen: Fen) => string;
}

/** A finding when the two sides differ by more than the tolerance, else null. */
export function compare(ctx: CheckContext, c: Comparison): Finding | null {
  const difference = Math.abs(c.actual - c.expected);
  if (difference <= c.tolerance) return null;
  const format = c.format ?? money;
  return {
    rule: c.rule,
    severity: c.severity ?? "error",
    message: `${c.describe(format(ctx, c.actual), format(ctx, c.expected))}，相差${format(ctx, difference)}。`,
    location: c.location,
    expected: c.expected,
    actual: c.actual,
    tolerance: c.tolerance,
  };
}

/**
 * Rounding allowance for a total against the sum of its printed parts: one last digit per
 * summed part. Blank (zero) parts are printed exactly and carry no rounding, so they don't count.
 */
export function sumTolerance(ctx: CheckContext, parts: Iterable<Fen>): Fen {
  let nonZero = 0;
  for (const part of parts) if (part !== 0) nonZero++;
  return partsTolerance(ctx, nonZero);
}

export function partsTolerance(ctx: CheckContext, nonZeroParts: number): Fen {
  return Math.max(1, nonZeroParts) * ctx.digit;
}

export function push(out: Finding[], finding: Finding | null): void {
  if (finding) out.push(finding);
}

/** Text that says nothing once punctuation and spaces are gone, e.g. the real "主要原因是。". */
export function isBlankText(text: string): boolean {
  return text.replace(/[\s\p{P}\p{S}]/gu, "") === "";
}
