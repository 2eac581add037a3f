import type { Finding } from "../findings";
import type { DerivedTable, TableRow } from "../table-model";
import { compare, push } from "./compare";
import { cellFen, cellRef, rowLabel, rowsByKey, tableName, type CheckContext } from "./context";
import { checkColumnSum, checkRowSums } from "./row-sum";

/** Rows 1–31 of tables 1 and 4: income items on the left, the 31 functional classes on the right. */
export function classLines(table: DerivedTable): TableRow[] {
  return table.rows.filter((r) => /^row\d+$/.test(r.key));
}

function present(rows: (TableRow | undefined)[]): TableRow[] {
  return rows.filter((r): r is TableRow => r !== undefined);
}

function quotedLabels(table: DerivedTable, rows: readonly TableRow[], column: string): string {
  return rows.map((r) => `“${rowLabel(table, r, column)}”`).join("与");
}

/** Both sides of a balance (收入总计 = 支出总计) in one table. */
function checkBalance(ctx: CheckContext, out: Finding[], rule: string, table: DerivedTable, row: TableRow | undefined, incomeKey: string, expenditureKey: string): void {
  if (!row) return;
  push(
    out,
    compare(ctx, {
      rule,
      actual: cellFen(table, row, expenditureKey),
      expected: cellFen(table, row, incomeKey),
      tolerance: ctx.digit,
      location: { table: table.id, rowKey: row.key, column: expenditureKey },
      describe: (actual, expected) =>
        `${tableName(table)}收支不平衡：“${rowLabel(table, row, expenditureKey)}”为${actual}，“${rowLabel(table, row, incomeKey)}”为${expected}`,
    }),
  );
}

/** C1: table 1 adds up and balances (收入总计 = 本年收入合计 + 上年结转结余 = 支出总计 = 本年支出合计 + 年终结转结余). */
export function checkTable1(ctx: CheckContext, out: Finding[]): void {
  const t1 = ctx.tables.T1;
  const rows = rowsByKey(ctx, t1);
  const lines = classLines(t1);
  const thisYear = rows.get("income-this-year");
  const carryover = rows.get("carryover");
  const grand = rows.get("grand-total");
  checkColumnSum(ctx, out, "C1", t1, thisYear, "income", lines, "各项收入");
  checkColumnSum(ctx, out, "C1", t1, thisYear, "expenditure", lines, "各类支出");
  const grandParts = present([thisYear, carryover]);
  checkColumnSum(ctx, out, "C1", t1, grand, "income", grandParts, quotedLabels(t1, grandParts, "income"));
  checkColumnSum(ctx, out, "C1", t1, grand, "expenditure", grandParts, quotedLabels(t1, grandParts, "expenditure"));
  checkBalance(ctx, out, "C1", t1, grand, "income", "expenditure");
}

const T2_SOURCES = ["fiscal", "specialAccount", "business", "operating", "superiorSubsidy", "subordinateRemittance", "other"] as const;

/** C3: table 2 per row, 合计 = 小计 + 上年结转 and 小计 = Σ its sources. */
export function checkTable2(ctx: CheckContext, out: Finding[]): void {
  const t2 = ctx.tables.T2;
  checkRowSums(ctx, out, "C3", t2, "total", ["subtotal", "carryover"]);
  checkRowSums(ctx, out, "C3", t2, "subtotal", T2_SOURCES);
}

/** C4: table 3 per row, 合计 = 基本 + 项目 + 经营 + 上解上级 + 对附属单位补助. */
export function checkTable3(ctx: CheckContext, out: Finding[]): void {
  checkRowSums(ctx, out, "C4", ctx.tables.T3, "total", ["basic", "project", "operating", "remitToSuperior", "subsidyToSubordinate"]);
}

const T4_APPROPRIATIONS = ["generalBudget", "governmentFund", "stateCapital"] as const;

/** C6: table 4 adds up per row and column, its income equals table 1's 财政拨款 income, and it balances. */
export function checkTable4(ctx: CheckContext, out: Finding[]): void {
  const t4 = ctx.tables.T4;
  const t1 = ctx.tables.T1;
  const rows = rowsByKey(ctx, t4);
  const t1Rows = rowsByKey(ctx, t1);
  const lines = classLines(t4);
  checkRowSums(ctx, out, "C6", t4, "total", T4_APPROPRIATIONS);

  // The first three income rows of tables 1 and 4 are the same three appropriation types.
  for (const key of ["row1", "row2", "row3"]) {
    const row = rows.get(key);
    const t1Row = t1Rows.get(key);
    if (!row || !t1Row) continue;
    push(
      out,
      compare(ctx, {
        rule: "C6",
        actual: cellFen(t4, row, "income"),
        expected: cellFen(t1, t1Row, "income"),
        tolerance: ctx.digit,
        location: { table: "T4", rowKey: key, column: "income" },
        describe: (actual, expected) => `${cellRef(t4, row, "income")}为${actual}，但${cellRef(t1, t1Row, "income")}为${expected}`,
      }),
    );
  }

  const thisYear = rows.get("income-this-year");
  const carryover = rows.get("carryover");
  const grand = rows.get("grand-total");
  checkColumnSum(ctx, out, "C6", t4, thisYear, "income", lines, "各项财政拨款收入");
  checkColumnSum(ctx, out, "C6", t4, carryover, "income", t4.rows.filter((r) => r.key.startsWith("carryover-")), "各类年初结转和结余");
  const grandParts = present([thisYear, carryover]);
  checkColumnSum(ctx, out, "C6", t4, grand, "income", grandParts, quotedLabels(t4, grandParts, "income"));
  for (const column of ["total", ...T4_APPROPRIATIONS]) {
    checkColumnSum(ctx, out, "C6", t4, thisYear, column, lines, "各类支出");
    checkColumnSum(ctx, out, "C6", t4, grand, column, grandParts, quotedLabels(t4, grandParts, column));
  }
  // An all-fiscal budget's table 4 restates table 1: its imbalance is table 1's, already reported by C1.
  const t1Grand = t1Rows.get("grand-total");
  const sameAsTable1 =
    grand !== undefined &&
    t1Grand !== undefined &&
    cellFen(t4, grand, "income") === cellFen(t1, t1Grand, "income") &&
    cellFen(t4, grand, "total") === cellFen(t1, t1Grand, "expenditure");
  if (!sameAsTable1) checkBalance(ctx, out, "C6", t4, grand, "income", "total");
}
