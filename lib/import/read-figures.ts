import { FUNCTIONAL_CLASSES } from "@/lib/disclosure/functional-classes";
import type { Fen } from "@/lib/disclosure/types";
import { printedFen } from "./amounts";
import { amountIn, byKind, codeLevel, columnsOf, fenIn, labelledPairs, totalRow, type Pair } from "./table-queries";
import type { FigureSource, TableRead, TableRowRead } from "./tables/read-tables";

export interface Figure {
  fen: Fen;
  /** where it was printed; null when derived from several printed figures */
  source: FigureSource | null;
}

export interface DocumentFigures {
  incomeTotal: Figure | null;
  expenditureTotal: Figure | null;
  basic: Figure | null;
  project: Figure | null;
  reserve: Figure | null;
  personnel: Figure | null;
  publicOperating: Figure | null;
  threePublic: Figure | null;
  /** Jiangsu's 会议费 and 培训费, printed beside the 三公 */
  meeting: Figure | null;
  training: Figure | null;
  operatingFunds: Figure | null;
  procurement: Figure | null;
  classes: Record<string, Figure>;
}

/** Older and newer names of the same 类 (2018 and 2019 renamed several). */
const CLASS_ALIASES: Record<string, string> = {
  文化体育与传媒支出: "207",
  文化旅游体育与传媒支出: "207",
  医疗卫生与计划生育支出: "210",
  卫生健康支出: "210",
  国土海洋气象等支出: "220",
  资源勘探信息等支出: "215",
  资源勘探电力信息等支出: "215",
  粮油物资储备支出: "222",
  粮油物资储备管理等事务: "222",
  援助其他地区支出: "219",
};

/** The 类 code a printed class label (“八、社会保障和就业支出”) names, or null. */
export function classCodeOfLabel(label: string): string | null {
  const name = label.replace(/^[一二三四五六七八九十]+[、.．]/, "").replace(/（类）|\(类\)/, "");
  if (CLASS_ALIASES[name]) return CLASS_ALIASES[name] ?? null;
  return FUNCTIONAL_CLASSES.find((c) => c.name === name)?.code ?? null;
}

function first(pair: Pair | undefined): Figure | null {
  const amount = pair?.amounts[0];
  return amount ? { fen: amount.fen, source: amount.source } : null;
}

function cell(table: TableRead | undefined, row: TableRowRead | undefined, key: Parameters<typeof columnsOf>[1]): Figure | null {
  if (!table || !row) return null;
  for (const column of columnsOf(table, key)) {
    const amount = amountIn(row, column);
    if (amount) return { fen: amount.fen, source: amount.source };
  }
  return columnsOf(table, key).length ? { fen: 0, source: null } : null;
}

const sumFigures = (figures: (Figure | null)[]): Figure | null =>
  figures.some((f) => f) ? { fen: figures.reduce((s, f) => s + (f?.fen ?? 0), 0), source: null } : null;

/** A total printed at the far right, past other columns of labels (Jiangsu 收支总表). */
function lastOnRow(pairs: Pair[], pattern: RegExp): Figure | null {
  const pair = pairs.find((p) => pattern.test(p.label));
  const text = pair?.row.texts.find((t) => pattern.test(t.text.replace(/\s+/g, "")));
  const amount = pair && text ? pair.row.amounts.filter((a) => a.x0 > text.x1).at(-1) : undefined;
  return amount ? { fen: amount.fen, source: amount.source } : null;
}

function findPair(pairs: Pair[], pattern: RegExp): Pair | undefined {
  return pairs.find((p) => pattern.test(p.label) && p.amounts.length > 0);
}

export function threePublicOf(table: TableRead | undefined): {
  threePublic: Figure | null;
  meeting: Figure | null;
  training: Figure | null;
  operatingFunds: Figure | null;
  row: TableRowRead | undefined;
} {
  const row = table ? totalRow(table) ?? table.rows.find((r) => r.amounts.length > 0) : undefined;
  if (!table || !row) return { threePublic: null, meeting: null, training: null, operatingFunds: null, row };
  const purchase = cell(table, row, "vehiclePurchase");
  const operation = cell(table, row, "vehicleOperation");
  const vehicle = purchase || operation ? sumFigures([purchase, operation]) : cell(table, row, "vehicleTotal");
  const threePublic = sumFigures([cell(table, row, "abroad"), cell(table, row, "reception"), vehicle]);
  return { threePublic, meeting: cell(table, row, "meeting"), training: cell(table, row, "training"), operatingFunds: cell(table, row, "operatingFunds"), row };
}

function procurementOf(tables: readonly TableRead[], narrative: string): Figure | null {
  const table = byKind(tables, "PROCUREMENT");
  const row = table ? totalRow(table) : undefined;
  if (table && row) {
    const amount = [...row.amounts].sort((a, b) => b.fen - a.fen)[0];
    if (amount) return { fen: amount.fen, source: amount.source };
  }
  const m = /政府采购(?:支出)?预算(?:总额|总金额|金额|资金)?(?:为|共计|合计|安排)?([\d,]+(?:\.\d+)?)(万元|元)/.exec(narrative);
  return m ? { fen: printedFen(m[1] ?? "0", m[2] === "万元" ? "WAN_YUAN" : "YUAN"), source: null } : null;
}

function classesOf(tables: readonly TableRead[], summaryPairs: Pair[]): Record<string, Figure> {
  const classes: Record<string, Figure> = {};
  const coded = byKind(tables, "EXPENDITURE");
  const totalColumn = coded ? (columnsOf(coded, "total")[0] ?? 0) : 0;
  const classRows = coded?.rows.filter((r) => r.code !== null && codeLevel(r) === 1) ?? [];
  if (coded && classRows.length) {
    for (const row of classRows) {
      const amount = amountIn(row, totalColumn);
      if (row.code && amount) classes[row.code] = { fen: amount.fen, source: amount.source };
    }
    return classes;
  }
  for (const pair of summaryPairs) {
    const code = classCodeOfLabel(pair.label);
    const amount = pair.amounts[0];
    if (code && amount && !classes[code]) classes[code] = { fen: amount.fen, source: amount.source };
  }
  return classes;
}

/** The figures the summary and the tests compare: read where the template prints them. */
export function readFigures(tables: readonly TableRead[], narrative: string): DocumentFigures {
  const summary = byKind(tables, "SUMMARY");
  const pairs = summary ? labelledPairs(summary) : [];
  const incomeTotal = first(findPair(pairs, /^(收入总计|总计)$/)) ?? first(findPair(pairs, /^收入合计$/));
  const expenditureTotal =
    first(pairs.filter((p) => /^(支出总计|总计)$/.test(p.label) && p.amounts.length > 0).at(-1)) ?? first(findPair(pairs, /^支出合计$/)) ?? lastOnRow(pairs, /^(支出总计|支出合计)$/);

  const expenditure = byKind(tables, "EXPENDITURE");
  const expenditureTotalRow = expenditure ? totalRow(expenditure) : undefined;
  const basic = cell(expenditure, expenditureTotalRow, "basic") ?? first(findPair(pairs, /基本支出$/));
  const project = cell(expenditure, expenditureTotalRow, "project") ?? first(findPair(pairs, /项目支出$/));
  const reserve = cell(expenditure, expenditureTotalRow, "reserve") ?? first(findPair(pairs, /预留|机动经/));

  const economic = byKind(tables, "GENERAL_BASIC", "FISCAL_BASIC");
  const economicTotal = economic ? totalRow(economic) : undefined;
  let personnel = cell(economic, economicTotal, "personnel");
  let publicOperating = cell(economic, economicTotal, "public");
  if (economic && !personnel && !publicOperating) {
    const column = columnsOf(economic, "total")[0] ?? 0;
    const classRows = economic.rows.filter((r) => r.code !== null && codeLevel(r) === 1);
    const isPersonnel = (r: TableRowRead) => r.code === "301" || r.code === "303";
    personnel = { fen: classRows.filter(isPersonnel).reduce((s, r) => s + fenIn(r, column), 0), source: null };
    publicOperating = { fen: classRows.filter((r) => !isPersonnel(r)).reduce((s, r) => s + fenIn(r, column), 0), source: null };
  }
  const three = threePublicOf(byKind(tables, "THREE_PUBLIC"));
  const operatingTable = byKind(tables, "OPERATING_FUNDS");
  const operatingRow = operatingTable ? totalRow(operatingTable) : undefined;
  const operatingFunds = three.operatingFunds ?? (operatingRow?.amounts[0] ? { fen: operatingRow.amounts[0].fen, source: operatingRow.amounts[0].source } : null);
  return {
    incomeTotal,
    expenditureTotal,
    basic,
    project,
    reserve,
    personnel,
    publicOperating,
    threePublic: three.threePublic,
    meeting: three.meeting,
    training: three.training,
    operatingFunds,
    procurement: procurementOf(tables, narrative),
    classes: classesOf(tables, pairs),
  };
}
