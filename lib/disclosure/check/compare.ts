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

/** The rule id of 尾差: a difference of printed figures within the rounding allowance. */
export const ROUNDING_RULE = "R1";

/**
 * A finding when the two sides differ: the identity's own when the difference exceeds the
 * tolerance, 尾差 (R1, a warning naming the identity) when it is within it. Exact figures have
 * no tolerance, so every difference is the identity's.
 */
export function compare(ctx: CheckContext, c: Comparison): Finding | null {
  const difference = Math.abs(c.actual - c.expected);
  if (difference === 0) return null;
  const format = c.format ?? money;
  if (difference <= c.tolerance) {
    return {
      rule: ROUNDING_RULE,
      severity: "warning",
      message: `${c.describe(format(ctx, c.actual), format(ctx, c.expected))}，相差${format(ctx, difference)}，属于尾差（印刷数字逐项舍入，允许相差${format(ctx, c.tolerance)}）。`,
      location: c.location,
      expected: c.expected,
      actual: c.actual,
      tolerance: c.tolerance,
      identity: c.rule,
    };
  }
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
 * summed part (none for exact figures). Blank (zero) parts are printed exactly and carry no
 * rounding, so they don't count.
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
