import type { Finding } from "../findings";
import type { AppropriationType, Fen } from "../types";
import { compare, push } from "./compare";
import { cellFen, money, rowsByKey, tableName, type CheckContext } from "./context";

/**
 * Plausibility (P1–P6): what no identity catches because every table agrees with every other, yet
 * the figures cannot be right. A slip of the amount unit carried through every table, 三公 larger
 * than the whole budget, government-fund money spent without government-fund income.
 */

/** A ratio to last year this large (or small) is a 元/万元 slip (×10,000), not a budget decision. */
const UNIT_SLIP_RATIO = 1_000;
/** 1 万元: no unit with staff runs a year on less. */
const MINIMUM_WITH_STAFF: Fen = 1_000_000;

const APPROPRIATION_NAME: Record<AppropriationType, string> = {
  GENERAL_BUDGET: "一般公共预算",
  GOVERNMENT_FUND: "政府性基金预算",
  STATE_CAPITAL: "国有资本经营预算",
};
const T4_COLUMN: Record<AppropriationType, string> = { GENERAL_BUDGET: "generalBudget", GOVERNMENT_FUND: "governmentFund", STATE_CAPITAL: "stateCapital" };
const T4_INCOME_ROW: Record<AppropriationType, string> = { GENERAL_BUDGET: "row1", GOVERNMENT_FUND: "row2", STATE_CAPITAL: "row3" };

function t3Total(ctx: CheckContext, column: string): Fen {
  return cellFen(ctx.tables.T3, rowsByKey(ctx, ctx.tables.T3).get("total"), column);
}

function t9(ctx: CheckContext, key: string): Fen {
  return cellFen(ctx.tables.T9, rowsByKey(ctx, ctx.tables.T9).get(key), "total");
}

/** P1: 三公 is part of the budget, so it cannot exceed the whole of it. */
function checkThreePublicWithinBudget(ctx: CheckContext, out: Finding[]): void {
  const threePublic = t9(ctx, "total");
  const total = t3Total(ctx, "total");
  if (threePublic <= total) return;
  out.push({
    rule: "P1",
    severity: "error",
    message: `“三公”经费合计${money(ctx, threePublic)}超过了全部支出预算${money(ctx, total)}（${tableName(ctx.tables.T3)}合计）；“三公”经费是支出的一部分，请核对金额或金额单位。`,
    location: { table: "T9", rowKey: "total", column: "total" },
    expected: total,
    actual: threePublic,
    tolerance: 0,
  });
}

function ratioText(ratio: number): string {
  return ratio >= 1 ? `${Math.round(ratio).toLocaleString("en-US")}倍` : `${(1 / ratio).toFixed(0)}分之一`;
}

/** P2: a 元/万元 slip carried through every table: ×10,000 against last year, or a unit with staff living on less than 1 万元. */
function checkUnitSlip(ctx: CheckContext, out: Finding[]): void {
  const total = t3Total(ctx, "total");
  const prior = ctx.budget.priorYear;
  if (prior && prior.total > 0 && total > 0) {
    const ratio = total / prior.total;
    if (ratio >= UNIT_SLIP_RATIO || ratio <= 1 / UNIT_SLIP_RATIO) {
      out.push({
        rule: "P2",
        severity: "warning",
        message:
          `本年支出预算${money(ctx, total)}是${prior.year}年${money(ctx, prior.total)}的${ratioText(ratio)}，` +
          `像是元与万元混用（相差一万倍）；请核对金额单位。`,
        location: { table: "T3", rowKey: "total", column: "total" },
        expected: prior.total,
        actual: total,
        tolerance: 0,
      });
      return;
    }
  }
  const personnel = cellFen(ctx.tables.T6, rowsByKey(ctx, ctx.tables.T6).get("total"), "personnel");
  if (personnel > 0 && total > 0 && total < MINIMUM_WITH_STAFF) {
    out.push({
      rule: "P2",
      severity: "warning",
      message: `本年支出预算只有${money(ctx, total)}，其中人员经费${money(ctx, personnel)}，不足1万元，像是把万元金额按元填写；请核对金额单位。`,
      location: { table: "T3", rowKey: "total", column: "total" },
      actual: total,
      tolerance: 0,
    });
  }
}

/** P3: money of a fund type (政府性基金, 国有资本经营) is spent only as far as such income comes in or was carried over. */
function checkFundedByType(ctx: CheckContext, out: Finding[]): void {
  const t4 = ctx.tables.T4;
  const rows = rowsByKey(ctx, t4);
  const spendingRow = rows.get("income-this-year");
  for (const type of ["GOVERNMENT_FUND", "STATE_CAPITAL"] as const) {
    const spent = cellFen(t4, spendingRow, T4_COLUMN[type]);
    const income = cellFen(t4, rows.get(T4_INCOME_ROW[type]), "income") + cellFen(t4, rows.get(`carryover-${type}`), "income");
    if (spent <= income) continue;
    const name = APPROPRIATION_NAME[type];
    out.push({
      rule: "P3",
      severity: "error",
      message:
        income === 0
          ? `${tableName(t4)}安排了${name}拨款支出${money(ctx, spent)}，但没有${name}拨款收入或上年结转；请核对资金来源。`
          : `${tableName(t4)}安排了${name}拨款支出${money(ctx, spent)}，超过了${name}拨款收入与上年结转${money(ctx, income)}；请核对资金来源。`,
      location: { table: "T4", rowKey: "income-this-year", column: T4_COLUMN[type] },
      expected: income,
      actual: spent,
      tolerance: 0,
    });
  }
}

/** P4: each 政府采购 row's 数量 × 单价 is its 合计 (within the printed digits of the unit price). */
function checkProcurementPrices(ctx: CheckContext, out: Finding[]): void {
  ctx.budget.procurement.forEach((row, lineIndex) => {
    if (row.quantity <= 0 || row.unitPrice <= 0) return;
    const product = Math.round(row.quantity * row.unitPrice);
    const name = [row.projectName, row.itemName].filter((s) => s.trim()).join("·");
    push(
      out,
      compare(ctx, {
        rule: "P4",
        actual: row.total,
        expected: product,
        tolerance: Math.ceil(row.quantity) * ctx.digit,
        location: { section: "procurement", lineIndex },
        describe: (actual, expected) =>
          `政府采购预算第${lineIndex + 1}行${name ? `（${name}）` : ""}的合计为${actual}，但数量${row.quantity}×单价${money(ctx, row.unitPrice)}为${expected}`,
      }),
    );
  });
}

/**
 * P5: 公务用车运维费 with no vehicle in the asset table. A document without an asset table (an
 * import whose 国有资产 is narrative only) says nothing about vehicles, so it is left alone.
 */
function checkVehiclesRun(ctx: CheckContext, out: Finding[]): void {
  const operation = t9(ctx, "vehicleOperation");
  const holdings = ctx.budget.assets.holdings;
  if (operation === 0 || holdings.length === 0) return;
  const vehicles = holdings.filter((h) => h.category === "VEHICLES").reduce((a, h) => a + h.quantity, 0);
  if (vehicles > 0) return;
  out.push({
    rule: "P5",
    severity: "warning",
    message: `“三公”经费安排了公务用车运维费${money(ctx, operation)}，但固定资产占用情况表中没有车辆；请核对车辆数或说明所运维的车辆。`,
    location: { table: "T9", rowKey: "vehicleOperation", column: "total" },
    actual: operation,
    tolerance: 0,
  });
}

/**
 * P6: 机关运行经费 as the narrative states it is the 公用经费 of the basic-expenditure table.
 * A 事业单位 states none (机关运行经费 belongs to 行政 and 参公 units), so a stated 0 is accepted
 * unless the unit is 行政. More than the 公用经费 is an error (it is a part of it; the document
 * importer says the same of a printed document), less is a warning (a part may be funded otherwise).
 */
function checkOperatingFunds(ctx: CheckContext, out: Finding[]): void {
  const stated = ctx.narrative.operatingFunds;
  if (stated === 0 && !ctx.budget.unit.nature.includes("行政")) return;
  const t6 = ctx.tables.T6;
  const row = rowsByKey(ctx, t6).get("total");
  const publicOperating = cellFen(t6, row, "public");
  push(
    out,
    compare(ctx, {
      rule: "P6",
      severity: stated > publicOperating ? "error" : "warning",
      actual: stated,
      expected: publicOperating,
      tolerance: Math.max(ctx.digit, ctx.narrativeDigit),
      location: { section: "operatingFunds", table: "T6", rowKey: "total", column: "public" },
      describe: (actual, expected) => `情况说明所述机关运行经费为${actual}，但${tableName(t6)}的公用经费为${expected}（机关运行经费即行政单位和参公事业单位的公用经费）`,
    }),
  );
}

export function checkPlausibility(ctx: CheckContext, out: Finding[]): void {
  checkThreePublicWithinBudget(ctx, out);
  checkUnitSlip(ctx, out);
  checkFundedByType(ctx, out);
  checkProcurementPrices(ctx, out);
  checkVehiclesRun(ctx, out);
  checkOperatingFunds(ctx, out);
}
