import type { AmountUnit, Fen } from "./types";

/** 分 per 元 and per 万元. */
export const FEN_PER_YUAN = 100;
export const FEN_PER_WAN_YUAN = 1_000_000;

const UNIT_LABEL: Record<AmountUnit, string> = { WAN_YUAN: "万元", YUAN: "元" };

export function amountUnitLabel(unit: AmountUnit): string {
  return UNIT_LABEL[unit];
}

/** Decimals a document prints amounts with: 0.01 万元 or 0.01 元. */
export const PRINT_DECIMALS = 2;

/** Value in 分 of one unit of the printed last digit (0.01 万元 = 100 元 = 10,000 分, 0.01 元 = 1 分). */
export function lastDigitFen(unit: AmountUnit): Fen {
  return fenPerUnit(unit) / 10 ** PRINT_DECIMALS;
}

export function assertFen(value: number, what = "amount"): Fen {
  if (!Number.isSafeInteger(value)) {
    throw new RangeError(`${what} must be a safe integer number of 分, got ${value}`);
  }
  return value;
}

/** Round half away from zero to a multiple of `step` 分. */
export function roundFen(fen: Fen, step: Fen): Fen {
  if (step <= 1) return fen;
  const sign = fen < 0 ? -1 : 1;
  const abs = Math.abs(fen);
  return sign * Math.floor((abs + step / 2) / step) * step;
}

function fenPerUnit(unit: AmountUnit): number {
  return unit === "WAN_YUAN" ? FEN_PER_WAN_YUAN : FEN_PER_YUAN;
}

export interface FormatOptions {
  /** print zero as an empty string, as the tables do */
  blankZero?: boolean;
  /** digits after the decimal point (default 2); amounts are rounded half away from zero */
  decimals?: number;
  /** group thousands with commas (the tables do not; forms may) */
  grouping?: boolean;
}

/**
 * Formats an exact amount in the document's unit with fixed decimals, using integer
 * arithmetic only (no float rounding surprises such as 1.005 → "1.00").
 */
export function formatAmount(fen: Fen, unit: AmountUnit, options: FormatOptions = {}): string {
  const { blankZero = false, decimals = PRINT_DECIMALS, grouping = false } = options;
  if (blankZero && fen === 0) return "";
  const perUnit = fenPerUnit(unit);
  const scale = 10 ** decimals;
  if (perUnit % scale !== 0 && scale > perUnit) {
    throw new RangeError(`cannot print ${decimals} decimals of ${UNIT_LABEL[unit]} exactly`);
  }
  const step = perUnit / scale;
  const rounded = roundFen(fen, step) / step;
  const negative = rounded < 0;
  const abs = Math.abs(rounded);
  const whole = Math.floor(abs / scale);
  const frac = abs % scale;
  let wholeText = String(whole);
  if (grouping) wholeText = wholeText.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const fracText = decimals > 0 ? "." + String(frac).padStart(decimals, "0") : "";
  return (negative ? "-" : "") + wholeText + fracText;
}

/** Formats with as many decimals as needed (up to 分 precision), e.g. 1.385 万元, 20 万元. */
export function formatAmountTrimmed(fen: Fen, unit: AmountUnit): string {
  const maxDecimals = unit === "WAN_YUAN" ? 6 : 2;
  const text = formatAmount(fen, unit, { decimals: maxDecimals });
  return text.includes(".") ? text.replace(/\.?0+$/, "") : text;
}

export type ParseResult = { ok: true; fen: Fen } | { ok: false; message: string };

/**
 * Parses a typed amount ("116.76", "1,167,600", "-2.5") in the given unit into 分.
 * Messages are in Chinese because they reach accountants and CLI users.
 */
export function parseAmount(
  text: string,
  unit: AmountUnit,
  options: { maxDecimals?: number; allowNegative?: boolean } = {},
): ParseResult {
  const unitLabel = UNIT_LABEL[unit];
  const maxExact = unit === "WAN_YUAN" ? 6 : 2;
  const maxDecimals = Math.min(options.maxDecimals ?? maxExact, maxExact);
  const cleaned = text.trim().replace(/[,，\s]/g, "");
  if (cleaned === "") return { ok: true, fen: 0 };
  const match = /^(-)?(\d+)(?:\.(\d+))?$/.exec(cleaned);
  if (!match) return { ok: false, message: `“${text.trim()}”不是有效的金额，请输入数字（单位：${unitLabel}）` };
  const [, minus, whole = "0", frac = ""] = match;
  if (minus && !options.allowNegative) return { ok: false, message: `金额不能为负数：${text.trim()}` };
  if (frac.length > maxDecimals) {
    return { ok: false, message: `金额最多保留${maxDecimals}位小数（单位：${unitLabel}）：${text.trim()}` };
  }
  const perUnit = fenPerUnit(unit);
  const fracFen = frac === "" ? 0 : Number(frac.padEnd(maxExact, "0")) * (perUnit / 10 ** maxExact);
  const fen = Number(whole) * perUnit + fracFen;
  if (!Number.isSafeInteger(fen)) return { ok: false, message: `金额过大：${text.trim()}` };
  return { ok: true, fen: minus ? -fen : fen };
}

/** 万元 with 2 decimals, as the narrative prints every figure, e.g. "116.76万元". */
export function wanYuanText(fen: Fen, unit: AmountUnit): string {
  return `${formatAmount(fen, unit)}${UNIT_LABEL[unit]}`;
}

/** At least two decimals, more when the exact amount needs them (asset values such as 1.385 万元). */
export function formatAmountPrecise(fen: Fen, unit: AmountUnit): string {
  const trimmed = formatAmountTrimmed(fen, unit);
  const decimals = trimmed.split(".")[1]?.length ?? 0;
  return decimals >= PRINT_DECIMALS ? trimmed : formatAmount(fen, unit);
}
