import { FUNCTIONAL_CLASSES } from "../functional-classes";
import type { Finding } from "../findings";
import type { DerivedTable, TableRow } from "../table-model";
import { compare, push } from "./compare";
import { cellFen, cellRef, rowCode, rowsByKey, tableName, type CheckContext } from "./context";
import { checkRowSums } from "./row-sum";
import { classLines } from "./totals";

/** The class code of a "rowN" line of tables 1 and 4 (人行科目 has none). */
function classCodeOfLine(row: TableRow): string | null {
  const index = Number(row.key.slice(3)) - 1;
  return FUNCTIONAL_CLASSES[index]?.code ?? null;
}

function codeLabel(ctx: CheckContext, code: string, scheme: "functional" | "economic"): string {
  const entry = ctx.codeBook[scheme].find((c) => c.code === code);
  return entry ? `${code} ${entry.name}` : code;
}

/**
 * Compares one column of `table` with one column of `reference`, row by row over the union of
 * both tables' row keys, so a row printed in one table but missing from the other is caught.
 */
function checkSameRows(
  ctx: CheckContext,
  out: Finding[],
  rule: string,
  table: DerivedTable,
  column: string,
  reference: DerivedTable,
  referenceColumn: string,
): void {
  const refRows = rowsByKey(ctx, reference);
  const seen = new Set<string>();
  for (const row of table.rows) {
    seen.add(row.key);
    const refRow = refRows.get(row.key);
    push(
      out,
      compare(ctx, {
        rule,
        actual: cellFen(table, row, column),
        expected: cellFen(reference, refRow, referenceColumn),
        tolerance: ctx.digit,
        location: { table: table.id, rowKey: row.key, column },
        describe: (actual, expected) =>
          refRow
            ? `${cellRef(table, row, column)}为${actual}，但${cellRef(reference, refRow, referenceColumn)}为${expected}`
            : `${cellRef(table, row, column)}为${actual}，但${tableName(reference)}没有这一行（按${expected}计）`,
      }),
    );
  }
  for (const refRow of reference.rows) {
    if (seen.has(refRow.key)) continue;
    push(
      out,
      compare(ctx, {
        rule,
        actual: 0,
        expected: cellFen(reference, refRow, referenceColumn),
        tolerance: ctx.digit,
        location: { table: reference.id, rowKey: refRow.key, column: referenceColumn },
        describe: (_actual, expected) =>
          `${cellRef(reference, refRow, referenceColumn)}为${expected}，但${tableName(table)}没有这一行`,
      }),
    );
  }
}

/** C5: income by function (table 2) equals expenditure by function (table 3), and table 1's classes equal table 3's. */
export function checkIncomeEqualsExpenditureByFunction(ctx: CheckContext, out: Finding[]): void {
  const { T1: t1, T2: t2, T3: t3 } = ctx.tables;
  checkSameRows(ctx, out, "C5", t2, "total", t3, "total");

  const t3Rows = rowsByKey(ctx, t3);
  for (const line of classLines(t1)) {
    const code = classCodeOfLine(line);
    if (!code) continue;
    const t3Row = t3Rows.get(code);
    push(
      out,
      compare(ctx, {
        rule: "C5",
        actual: cellFen(t1, line, "expenditure"),
        expected: cellFen(t3, t3Row, "total"),
        tolerance: ctx.digit,
        location: { table: "T1", rowKey: line.key, column: "expenditure" },
        describe: (actual, expected) =>
          t3Row
            ? `${cellRef(t1, line, "expenditure")}为${actual}，但${cellRef(t3, t3Row, "total")}为${expected}`
            : `${cellRef(t1, line, "expenditure")}为${actual}，但${tableName(t3)}没有“${codeLabel(ctx, code, "functional")}”行`,
      }),
    );
  }
}

const APPROPRIATION_TABLES = [
  ["T5", "generalBudget"],
  ["T7", "governmentFund"],
  ["T8", "stateCapital"],
] as const;

/**
 * C7: tables 5, 7 and 8 equal their column of table 4 per class and in total, and 合计 = 基本 + 项目
 * on every row (the domain names table 5; 7 and 8 are the same identity for the other two kinds).
 */
export function checkAppropriationTables(ctx: CheckContext, out: Finding[]): void {
  const t4 = ctx.tables.T4;
  const t4Rows = rowsByKey(ctx, t4);
  for (const [id, t4Column] of APPROPRIATION_TABLES) {
    const table = ctx.tables[id];
    checkRowSums(ctx, out, "C7", table, "total", ["basic", "project"]);
    const rows = rowsByKey(ctx, table);
    const pairs: [TableRow | undefined, TableRow | undefined, string][] = classLines(t4).flatMap((line) => {
      const code = classCodeOfLine(line);
      return code ? [[rows.get(code), line, code] as [TableRow | undefined, TableRow, string]] : [];
    });
    pairs.push([rows.get("total"), t4Rows.get("income-this-year"), "合计"]);
    for (const [row, t4Row, code] of pairs) {
      if (!t4Row) continue;
      const actual = cellFen(table, row, "total");
      push(
        out,
        compare(ctx, {
          rule: "C7",
          actual,
          expected: cellFen(t4, t4Row, t4Column),
          tolerance: ctx.digit,
          location: row ? { table: id, rowKey: row.key, column: "total" } : { table: "T4", rowKey: t4Row.key, column: t4Column },
          describe: (actualText, expected) =>
            row
              ? `${cellRef(table, row, "total")}为${actualText}，但${cellRef(t4, t4Row, t4Column)}为${expected}`
              : `${cellRef(t4, t4Row, t4Column)}为${expected}，但${tableName(table)}没有“${code === "合计" ? code : codeLabel(ctx, code, "functional")}”行`,
        }),
      );
    }
  }
}

/** C8: table 6 per row 合计 = 人员 + 公用, and its total equals the 基本支出 total of table 5. */
export function checkBasicExpenditureTable(ctx: CheckContext, out: Finding[]): void {
  const { T5: t5, T6: t6 } = ctx.tables;
  checkRowSums(ctx, out, "C8", t6, "total", ["personnel", "public"]);
  const t6Total = rowsByKey(ctx, t6).get("total");
  const t5Total = rowsByKey(ctx, t5).get("total");
  if (!t6Total && !t5Total) return;
  push(
    out,
    compare(ctx, {
      rule: "C8",
      actual: cellFen(t6, t6Total, "total"),
      expected: cellFen(t5, t5Total, "basic"),
      tolerance: ctx.digit,
      location: t6Total ? { table: "T6", rowKey: t6Total.key, column: "total" } : { table: "T5", rowKey: "total", column: "basic" },
      describe: (actual, expected) =>
        `${t6Total ? cellRef(t6, t6Total, "total") : `${tableName(t6)}（空表）的合计`}为${actual}，` +
        `但${t5Total ? cellRef(t5, t5Total, "basic") : `${tableName(t5)}（空表）的基本支出`}为${expected}`,
    }),
  );
}

/** Social-insurance and housing-fund contributions appear once by economic 款 and once by functional 项. */
const CONTRIBUTION_PAIRS = [
  ["30108", "2080505"],
  ["30110", "2101101"],
  ["30113", "2210201"],
] as const;

/** C9 (soft): contributions by economic 款 in table 6 agree with the basic expenditure of their functional 项 in table 5. */
export function checkContributionPairs(ctx: CheckContext, out: Finding[]): void {
  const { T5: t5, T6: t6 } = ctx.tables;
  const t5ByCode = new Map(t5.rows.map((r) => [rowCode(t5, r) || r.key, r]));
  const t6ByCode = new Map(t6.rows.map((r) => [rowCode(t6, r) || r.key, r]));
  for (const [economic, functional] of CONTRIBUTION_PAIRS) {
    const t6Row = t6ByCode.get(economic);
    const t5Row = t5ByCode.get(functional);
    const actual = cellFen(t6, t6Row, "total");
    const expected = cellFen(t5, t5Row, "basic");
    if (actual === 0 && expected === 0) continue;
    push(
      out,
      compare(ctx, {
        rule: "C9",
        severity: "warning",
        actual,
        expected,
        tolerance: ctx.digit,
        location: t6Row ? { table: "T6", rowKey: t6Row.key, column: "total" } : { table: "T5", rowKey: t5Row?.key ?? functional, column: "basic" },
        describe: (actualText, expectedText) =>
          `${t6Row ? cellRef(t6, t6Row, "total") : `${tableName(t6)} “${codeLabel(ctx, economic, "economic")}”`}为${actualText}，` +
          `与${t5Row ? cellRef(t5, t5Row, "basic") : `${tableName(t5)} “${codeLabel(ctx, functional, "functional")}”行“基本支出”列`}的${expectedText}不一致（两者通常应相等，如确有差异请说明原因）`,
      }),
    );
  }
}
