import type { Finding, NarrativeSection } from "../findings";
import type { StatedList } from "../narrative";
import type { Fen } from "../types";
import { compare, push, sumTolerance } from "./compare";
import { cellFen, cellRef, columnAt, fenAt, money, narrativeTolerance, rowCode, tableName, type CheckContext } from "./context";

interface ListToCheck {
  section: NarrativeSection;
  label: string;
  total: Fen | null;
  items: { name: string; amount: Fen; key: string }[];
}

const SECTION_NAME: Record<NarrativeSection, string> = {
  income: "收入说明",
  expenditure: "支出说明",
  change: "比上年增减",
  operatingFunds: "机关运行经费",
  threePublic: "“三公”经费",
  projects: "项目绩效目标",
  procurement: "政府采购",
  assets: "国有资产",
};

function normalisedName(name: string): string {
  return name.replace(/[\s\p{P}\p{S}]/gu, "");
}

/**
 * N2: a narrative list names each item once (a project listed twice, or an item copied over the
 * next one, as real documents do). N3: the items add up to the total the narrative states for them.
 */
export function checkNarrativeLists(ctx: CheckContext, out: Finding[]): void {
  const n = ctx.narrative;
  const lists: ListToCheck[] = [
    {
      section: "expenditure",
      label: "项目支出",
      total: n.project,
      items: n.projects.map((p) => ({ name: p.name, amount: p.amount, key: p.code || normalisedName(p.name) })),
    },
    ...(n.lists ?? []).map((l) => ({ ...l, items: l.items.map((i) => ({ ...i, key: normalisedName(i.name) })) })),
  ];
  for (const list of lists) {
    const where = `情况说明“${SECTION_NAME[list.section]}”`;
    const seen = new Map<string, number>();
    list.items.forEach((item, index) => {
      const first = seen.get(item.key);
      if (first === undefined) {
        seen.set(item.key, index);
        return;
      }
      out.push({
        rule: "N2",
        severity: "error",
        message: `${where}在${list.label}中把“${item.name}”列了两次（第${first + 1}项和第${index + 1}项，${money(ctx, item.amount)}）。`,
        location: { section: list.section },
        actual: item.amount,
        tolerance: 0,
      });
    });
    // Each listed project is measured against its form (C13) and the stated 项目支出 against table 3 (C13), so their sum adds nothing.
    if (list.total === null || list === lists[0]) continue;
    const amounts = list.items.map((i) => i.amount);
    push(
      out,
      compare(ctx, {
        rule: "N3",
        actual: amounts.reduce((a, b) => a + b, 0),
        expected: list.total,
        tolerance: sumTolerance({ ...ctx, digit: Math.max(ctx.digit, ctx.narrativeDigit) }, amounts),
        location: { section: list.section },
        describe: (actual, expected) => `${where}列出的${list.items.length}项${list.label}合计为${actual}，但所述${list.label}为${expected}`,
      }),
    );
  }
  for (const list of n.lists ?? []) checkRestatedRows(ctx, list, out);
}

/**
 * C13 for a coded list: each item equals the row of its code in the column the list restates
 * (社会福利院 2024 says 738.66 万元 for a 项 of 696.48), and a list by 项 names every 项 with money
 * (it left out 2080599).
 */
function checkRestatedRows(ctx: CheckContext, list: StatedList, out: Finding[]): void {
  if (!list.restates) return;
  const table = ctx.tables[list.restates.table];
  const column = list.restates.column;
  const rows = new Map(table.rows.map((r) => [rowCode(table, r), r]));
  const where = `情况说明“${SECTION_NAME[list.section]}”`;
  const listed = new Set<string>();
  for (const item of list.items) {
    if (!item.code) continue;
    listed.add(item.code);
    const row = rows.get(item.code);
    push(
      out,
      compare(ctx, {
        rule: "C13",
        actual: item.amount,
        expected: cellFen(table, row, column),
        tolerance: narrativeTolerance(ctx),
        location: { section: list.section, table: table.id, rowKey: row?.key ?? item.code, column },
        describe: (actual, expected) =>
          `${where}中${list.label}“${item.name}”为${actual}，但${row ? `${cellRef(table, row, column)}为${expected}` : `${tableName(table)}没有“${item.code}”行`}`,
      }),
    );
  }
  const byItem = list.items.length > 0 && list.items.every((i) => i.code?.length === 7);
  if (!byItem) return;
  const index = columnAt(table, column);
  for (const row of table.rows) {
    const code = rowCode(table, row);
    const amount = fenAt(row, index);
    if (code.length !== 7 || listed.has(code) || amount === 0) continue;
    out.push({
      rule: "C13",
      severity: "error",
      message: `${where}逐项列出了${list.label}，但没有列出${cellRef(table, row, column)}的${money(ctx, amount)}。`,
      location: { section: list.section, table: table.id, rowKey: row.key, column },
      expected: amount,
      actual: 0,
      tolerance: 0,
    });
  }
}
