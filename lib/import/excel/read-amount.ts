import { parseAmount } from "@/lib/disclosure/money";
import type { AmountUnit, Fen } from "@/lib/disclosure/types";
import { cellText } from "@/lib/spreadsheet/header-map";
import type { CellValue } from "@/lib/spreadsheet/read-spreadsheet";
import type { ImportLog } from "./import-log";
import { unitName } from "./import-log";
import type { CellRef } from "./import-types";

/** Decimals a workbook may carry: 元 to the 分, 万元 to the 元 (asset values are printed to the 元). */
const MAX_DECIMALS: Record<AmountUnit, number> = { YUAN: 2, WAN_YUAN: 6 };

/** Cells that mean "nothing here" in exported tables. */
const BLANK_MARKS = new Set(["", "-", "—", "－", "/", "——"]);

/**
 * Reads one amount cell in the sheet's unit. A blank cell is 0. Text, a negative amount or more
 * decimals than the unit allows is logged as an error naming the cell, and null is returned so
 * the caller leaves the figure out instead of guessing.
 */
export function readAmount(value: CellValue, unit: AmountUnit, at: CellRef, log: ImportLog, what: string): Fen | null {
  if (value === null) return 0;
  if (typeof value === "boolean" || value instanceof Date) {
    log.error(at, `${what}应为金额，实际为“${cellText(value)}”，无法读取`);
    return null;
  }
  const decimals = MAX_DECIMALS[unit];
  let text: string;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) {
      log.error(at, `${what}不是有效的金额`);
      return null;
    }
    // Excel stores doubles: 27.4 may arrive as 27.400000000000002; round to the unit's precision.
    const rounded = Number(value.toFixed(decimals));
    if (Math.abs(rounded - value) > 1e-7 * Math.max(1, Math.abs(value))) {
      log.error(at, `${what} ${cellText(value)} 的小数位超过${decimals}位（单位：${unitName(unit)}），无法准确读取`);
      return null;
    }
    text = rounded.toFixed(decimals);
  } else {
    text = value.trim();
    if (BLANK_MARKS.has(text)) return 0;
  }
  const parsed = parseAmount(text, unit, { maxDecimals: decimals, allowNegative: true });
  if (!parsed.ok) {
    log.error(at, `${what}“${cellText(value)}”不是金额，请填写数字（单位：${unitName(unit)}）`);
    return null;
  }
  if (parsed.fen < 0) {
    log.error(at, `${what}为负数（${cellText(value)}），预算金额不能为负数`);
    return null;
  }
  return parsed.fen;
}
