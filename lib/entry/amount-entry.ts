import { formatAmount, formatAmountTrimmed, parseAmount } from "@/lib/disclosure/money";
import type { AmountUnit, Fen } from "@/lib/disclosure/types";
import { isBlankCell } from "./paste-table";

/**
 * Amounts in the entry forms: the draft stores them as exact text in the document's unit
 * (`amountUnit`, what the server parses), while each accountant types in 万元 or 元 as they
 * prefer. These functions convert between the two.
 */

/** The 分 an amount text of the draft stands for, or null when it is not a valid amount. */
export function draftFen(text: string, documentUnit: AmountUnit): Fen | null {
  const parsed = parseAmount(text, documentUnit);
  return parsed.ok ? parsed.fen : null;
}

/** The stored text as the accountant sees it when not editing: entry unit, thousands separators, 2 decimals (more when exact needs). */
export function displayAmount(text: string, documentUnit: AmountUnit, entryUnit: AmountUnit): string {
  if (text.trim() === "") return "";
  const fen = draftFen(text, documentUnit);
  if (fen === null) return text;
  const trimmed = formatAmountTrimmed(fen, entryUnit);
  const decimals = Math.max(2, trimmed.split(".")[1]?.length ?? 0);
  return formatAmount(fen, entryUnit, { grouping: true, decimals });
}

/** The stored text as the input shows it while editing: entry unit, no separators, no trailing zeros. */
export function editableAmount(text: string, documentUnit: AmountUnit, entryUnit: AmountUnit): string {
  if (text.trim() === "") return "";
  const fen = draftFen(text, documentUnit);
  if (fen === null) return text;
  return formatAmountTrimmed(fen, entryUnit);
}

export type AmountEntry = { ok: true; text: string } | { ok: false; text: string; message: string };

/**
 * What the accountant typed (or pasted) in the entry unit, as the draft's text in the document
 * unit. Accepts thousands separators (1,234.56), full-width commas, blanks and （空）(zero).
 * A document in 万元 holds amounts to 0.01 万元, so an amount typed in 元 must be whole hundreds.
 * An invalid entry keeps the typed text, so nothing typed is lost, with the reason.
 */
export function enterAmount(typed: string, documentUnit: AmountUnit, entryUnit: AmountUnit, precision: "budget" | "exact" = "budget"): AmountEntry {
  const raw = typed.trim();
  if (isBlankCell(raw)) return { ok: true, text: "" };
  // Asset values are exact (to the 元, e.g. 1.385 万元); budget amounts to the document's last digit.
  const parsed = parseAmount(raw, entryUnit, precision === "exact" ? {} : { maxDecimals: 2 });
  if (!parsed.ok) return { ok: false, text: raw, message: parsed.message };
  if (precision === "budget" && documentUnit === "WAN_YUAN" && parsed.fen % 10_000 !== 0) {
    return {
      ok: false,
      text: raw,
      message: `本预算以万元列示，金额须精确到0.01万元（即100元的整数倍）：${raw}`,
    };
  }
  return { ok: true, text: formatAmountTrimmed(parsed.fen, documentUnit) };
}
