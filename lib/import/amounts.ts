import { FEN_PER_WAN_YUAN, FEN_PER_YUAN } from "@/lib/disclosure/money";
import type { AmountUnit, Fen } from "@/lib/disclosure/types";

/** A printed amount: digits with optional thousands commas and decimals ("24,169.74", "4335.3", "-"). */
const AMOUNT = /^-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;

export function isAmountText(text: string): boolean {
  return AMOUNT.test(text.replace(/\s+/g, ""));
}

/** Decimals printed, so a figure's own precision decides the rounding allowance. */
export function printedDecimals(text: string): number {
  return text.split(".")[1]?.length ?? 0;
}

/** Exact 分 of a printed amount in the table's unit, with integer arithmetic only. */
export function printedFen(text: string, unit: AmountUnit): Fen {
  const cleaned = text.replace(/[,\s]/g, "");
  const negative = cleaned.startsWith("-");
  const [whole = "0", frac = ""] = cleaned.replace("-", "").split(".");
  const perUnit = unit === "WAN_YUAN" ? FEN_PER_WAN_YUAN : FEN_PER_YUAN;
  const fracDigits = unit === "WAN_YUAN" ? 6 : 2;
  const fracFen = frac ? Number(frac.slice(0, fracDigits).padEnd(fracDigits, "0")) * (perUnit / 10 ** fracDigits) : 0;
  const fen = Number(whole) * perUnit + fracFen;
  return negative ? -fen : fen;
}

/** `单位：万元` / `单位:元` on a table's heading line (not `编制单位：`); null when the line names none. */
export function unitOnLine(text: string): AmountUnit | null {
  const m = /(?<!编制|预算|填报)单位\s*[:：]\s*(万元|元)/.exec(text.replace(/\s+/g, ""));
  if (!m) return null;
  return m[1] === "万元" ? "WAN_YUAN" : "YUAN";
}
