import { FEN_PER_WAN_YUAN, FEN_PER_YUAN } from "../money";
import type { AmountUnit, Fen } from "../types";

/**
 * How exact the figures the checker reads are.
 *
 * - `exact` (the default): figures entered here, kept in 分. Nothing was rounded, so nothing is
 *   tolerated: every identity must hold to the 分.
 * - `printed`: figures read from a published document (an import), each rounded on its own to the
 *   document's last printed digit. A total may then differ from the sum of its printed parts by
 *   one last digit per summed part; such a difference is reported as 尾差 (rule R1, a warning),
 *   a larger one as the identity's error.
 */
export type Precision =
  | { kind: "exact" }
  | {
      kind: "printed";
      /** the unit the tables print amounts in */
      unit: AmountUnit;
      /** decimals the tables print: 2 (the default: 0.01 万元, 0.01 元) or 0 (whole 元, as most Shanghai tables) */
      decimals?: number;
      /**
       * the narrative's own unit and decimals, when they differ from the tables' (Shanghai prints its
       * tables in 元 and its narrative in 万元, the municipal template in whole 万元)
       */
      narrative?: { unit: AmountUnit; decimals?: number };
    };

export const EXACT: Precision = { kind: "exact" };

/** 分 of one unit of the last printed digit: 0.01 万元 = 10,000 分, 1 元 = 100 分, 0.01 元 = 1 分. */
export function printedDigitFen(unit: AmountUnit, decimals = 2): Fen {
  const perUnit = unit === "WAN_YUAN" ? FEN_PER_WAN_YUAN : FEN_PER_YUAN;
  if (!Number.isInteger(decimals) || decimals < 0 || perUnit % 10 ** decimals !== 0) {
    throw new RangeError(`cannot print ${decimals} decimals of ${unit} in whole 分`);
  }
  return perUnit / 10 ** decimals;
}

/** The rounding allowance of one printed figure in the tables and in the narrative; both 0 for exact figures. */
export function precisionDigits(precision: Precision): { table: Fen; narrative: Fen } {
  if (precision.kind === "exact") return { table: 0, narrative: 0 };
  const table = printedDigitFen(precision.unit, precision.decimals ?? 2);
  const narrative = precision.narrative ? printedDigitFen(precision.narrative.unit, precision.narrative.decimals ?? 2) : table;
  return { table, narrative };
}
