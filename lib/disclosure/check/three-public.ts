import type { Finding } from "../findings";
import type { NarrativeFigures } from "../narrative";
import { compare, push } from "./compare";
import { cellFen, cellRef, rowsByKey, tableName, narrativeTolerance, type CheckContext } from "./context";
import { checkColumnSum, checkRowSums } from "./row-sum";

const APPROPRIATION_COLUMNS = ["generalBudget", "governmentFund", "stateCapital"] as const;

const NARRATIVE_ITEMS: readonly [keyof NarrativeFigures["threePublic"], string][] = [
  ["total", "“三公”经费合计"],
  ["abroad", "因公出国（境）费"],
  ["vehicle", "公务用车购置及运维费"],
  ["vehiclePurchase", "公务用车购置费"],
  ["vehicleOperation", "公务用车运维费"],
  ["reception", "公务接待费"],
];

/** C12: table 9 adds up (合计 = 出国 + 公务用车 + 接待, 公务用车 = 购置 + 运维, per row across fund types) and the narrative states its figures. */
export function checkThreePublic(ctx: CheckContext, out: Finding[]): void {
  const t9 = ctx.tables.T9;
  const rows = rowsByKey(ctx, t9);
  checkRowSums(ctx, out, "C12", t9, "total", APPROPRIATION_COLUMNS);
  const total = rows.get("total");
  const vehicle = rows.get("vehicle");
  const main = ["abroad", "vehicle", "reception"].flatMap((k) => rows.get(k) ?? []);
  const vehicleParts = ["vehiclePurchase", "vehicleOperation"].flatMap((k) => rows.get(k) ?? []);
  for (const column of ["total", ...APPROPRIATION_COLUMNS]) {
    checkColumnSum(ctx, out, "C12", t9, total, column, main, "因公出国（境）费、公务用车购置及运维费与公务接待费");
    checkColumnSum(ctx, out, "C12", t9, vehicle, column, vehicleParts, "公务用车购置费与运维费");
  }

  for (const [key, label] of NARRATIVE_ITEMS) {
    const row = rows.get(key);
    push(
      out,
      compare(ctx, {
        rule: "C12",
        actual: ctx.narrative.threePublic[key],
        expected: cellFen(t9, row, "total"),
        tolerance: narrativeTolerance(ctx),
        location: { section: "threePublic", table: "T9", rowKey: key, column: "total" },
        describe: (actual, expected) =>
          `情况说明“三公”经费部分的${label}为${actual}，但${row ? cellRef(t9, row, "total") : `${tableName(t9)}（空表）`}为${expected}`,
      }),
    );
  }
}
