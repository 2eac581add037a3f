import { FUNCTIONAL_CLASSES } from "../functional-classes";
import type { Finding } from "../findings";
import type { DerivedTable, TableId } from "../table-model";
import { TABLE_IDS } from "../table-model";
import type { ClassificationCode } from "../types";
import { amountColumnKeys, cellFen, cellRef, cellText, money, rowCode, rowLabel, tableName, type CheckContext } from "./context";
import { codeIndex } from "./data-validity";
import { ECONOMIC_LENGTHS, hierarchicalTables } from "./hierarchy";
import { classLines } from "./totals";

const LENGTH_LEVEL: Record<number, number> = { 3: 1, 5: 2, 7: 3 };

function sameName(a: string, b: string): boolean {
  return a.replace(/\s+/g, "") === b.replace(/\s+/g, "");
}

interface PrintedName {
  table: DerivedTable;
  rowKey: string;
  column: string;
  name: string;
}

/** "表1、表4为“医疗卫生与计划生育支出”，表3为“卫生健康支出”". */
function namesByTable(names: readonly PrintedName[]): string {
  const groups = new Map<string, number[]>();
  for (const n of [...names].sort((a, b) => a.table.number - b.table.number)) {
    const key = n.name.replace(/\s+/g, "");
    const tables = groups.get(key) ?? [];
    if (!tables.includes(n.table.number)) tables.push(n.table.number);
    groups.set(key, tables);
  }
  return [...groups].map(([name, tables]) => `${tables.map((t) => `表${t}`).join("、")}为“${name}”`).join("，");
}

/**
 * D7 + D8 + D10: codes and names printed on hierarchical rows. Real documents print a 类 code as
 * “7”, renumber 款 codes 01–13, or keep an old class name in some tables only; derived tables
 * cannot. A code named differently in two tables is one D10 finding naming both, not a D8 per row.
 */
function checkRowCodes(ctx: CheckContext, out: Finding[]): void {
  const functional = codeIndex(ctx.codeBook.functional);
  const economic = codeIndex(ctx.codeBook.economic);
  const year = ctx.codeBook.year;
  const printedNames = new Map<string, PrintedName[]>();
  const remember = (code: string, printed: PrintedName): void => {
    const list = printedNames.get(code);
    if (list) list.push(printed);
    else printedNames.set(code, [printed]);
  };
  const nameFindings: { code: string; finding: Finding }[] = [];
  for (const [table, lengths] of hierarchicalTables(ctx)) {
    const isEconomic = lengths === ECONOMIC_LENGTHS;
    const book: Map<string, ClassificationCode> = isEconomic ? economic : functional;
    const scheme = isEconomic ? "经济分类" : "功能分类";
    for (const row of table.rows) {
      if (row.kind === "total") continue;
      const code = rowCode(table, row);
      const entry = book.get(code);
      const location = { table: table.id, rowKey: row.key, column: "code" };
      if (!entry || !/^\d+$/.test(code) || !lengths.includes(code.length) || entry.level !== LENGTH_LEVEL[code.length]) {
        out.push({
          rule: "D7",
          severity: "error",
          message: `${tableName(table)} “${rowLabel(table, row)}”行的科目编码“${code}”不是${year}年科目表中的${scheme}科目（应为${lengths.join("、")}位编码）。`,
          location,
          tolerance: 0,
        });
        continue;
      }
      const name = cellText(table, row, "name");
      if (!name) continue;
      if (!isEconomic) remember(code, { table, rowKey: row.key, column: "name", name });
      if (!sameName(name, entry.name)) {
        nameFindings.push({
          code: isEconomic ? `e${code}` : code,
          finding: {
            rule: "D8",
            severity: "warning",
            message: `${tableName(table)} “${code} ${name}”行的科目名称与${year}年科目表不一致，应为“${entry.name}”。`,
            location: { table: table.id, rowKey: row.key, column: "name" },
            tolerance: 0,
          },
        });
      }
    }
  }
  for (const table of [ctx.tables.T1, ctx.tables.T4]) {
    for (const line of classLines(table)) {
      const cls = FUNCTIONAL_CLASSES[Number(line.key.slice(3)) - 1];
      const printed = cellText(table, line, "expenditureItem");
      if (!cls || !printed) continue;
      const bare = printed.replace(/^[一二三四五六七八九十]+、/, "");
      if (cls.code) remember(cls.code, { table, rowKey: line.key, column: "expenditureItem", name: bare });
      const expected = (cls.code ? functional.get(cls.code)?.name : undefined) ?? cls.name;
      if (!sameName(bare, expected)) {
        nameFindings.push({
          code: cls.code ?? line.key,
          finding: {
            rule: "D8",
            severity: "warning",
            message: `${tableName(table)} “${printed}”的类名称与${year}年科目表不一致，应为“${cls.ordinal}、${expected}”。`,
            location: { table: table.id, rowKey: line.key, column: "expenditureItem" },
            tolerance: 0,
          },
        });
      }
    }
  }
  const differing = new Set<string>();
  for (const [code, names] of printedNames) {
    const first = names[0];
    const other = names.find((n) => !sameName(n.name, first?.name ?? ""));
    if (!first || !other) continue;
    differing.add(code);
    const bookName = functional.get(code)?.name;
    const odd = names.find((n) => bookName !== undefined && !sameName(n.name, bookName)) ?? other;
    out.push({
      rule: "D10",
      severity: "warning",
      message: `功能分类科目“${code}”在各表中的名称不一致：${namesByTable(names)}${bookName ? `（${year}年科目表为“${bookName}”）` : ""}。`,
      location: { table: odd.table.id, rowKey: odd.rowKey, column: odd.column },
      tolerance: 0,
    });
  }
  for (const { code, finding } of nameFindings) if (!differing.has(code)) out.push(finding);
}

/** What the empty-table note of each appropriation table is about, and the words that name it. */
const NOTE_SUBJECTS: readonly [TableId, string, RegExp][] = [
  ["T5", "一般公共预算", /一般公共预算/u],
  ["T7", "政府性基金预算", /政府性基金/u],
  ["T8", "国有资本经营预算", /国有资本经营/u],
  ["T9", "“三公”经费", /三公/u],
];

/** D9: an empty table's note names what the table is about, not another table's subject (a copied note). */
function checkNoteSubject(table: DerivedTable, note: string, out: Finding[]): void {
  const own = NOTE_SUBJECTS.find(([id]) => id === table.id);
  if (!own || own[2].test(note)) return;
  const other = NOTE_SUBJECTS.find(([id, , words]) => id !== table.id && words.test(note));
  if (!other) return;
  out.push({
    rule: "D9",
    severity: "error",
    message: `${tableName(table)}的空表说明“${note}”说的是${other[1]}，不是本表的${own[1]}。`,
    location: { table: table.id },
    tolerance: 0,
  });
}

/**
 * D9: a table prints rows or the empty-table note, never both and never neither (one real 三公
 * table did both), and the note is about the table it stands under.
 */
function checkEmptyNotes(table: DerivedTable, out: Finding[]): void {
  if (table.id === "T1" || table.id === "T4") return;
  const hasNote = table.emptyNote !== null && table.emptyNote.trim() !== "";
  if (table.rows.length === 0 && hasNote) checkNoteSubject(table, table.emptyNote?.trim() ?? "", out);
  if (table.rows.length > 0 && hasNote) {
    out.push({
      rule: "D9",
      severity: "error",
      message: `${tableName(table)}列有数据，却同时注明“${table.emptyNote?.trim() ?? ""}”；请删除该说明或核对数据。`,
      location: { table: table.id },
      tolerance: 0,
    });
  } else if (table.rows.length === 0 && !hasNote) {
    out.push({
      rule: "D9",
      severity: "error",
      message: `${tableName(table)}是空表，但没有注明原因（如“注：无…，空表列示。”）；空表也须公开并说明。`,
      location: { table: table.id },
      tolerance: 0,
    });
  }
}

/** D3 on printed cells: a negative amount in a supplied table. */
function checkNegativeCells(ctx: CheckContext, table: DerivedTable, out: Finding[]): void {
  const columns = amountColumnKeys(table);
  for (const row of table.rows) {
    for (const column of columns) {
      const amount = cellFen(table, row, column);
      if (amount < 0) {
        out.push({
          rule: "D3",
          severity: "error",
          message: `${cellRef(table, row, column)}为负数（${money(ctx, amount)}），金额不能为负。`,
          location: { table: table.id, rowKey: row.key, column },
          actual: amount,
          tolerance: 0,
        });
      }
    }
  }
}

/** Checks that only printed (imported) tables can fail: derived tables get these right by construction. */
export function checkPrintedTables(ctx: CheckContext, out: Finding[]): void {
  checkRowCodes(ctx, out);
  for (const id of TABLE_IDS) {
    checkEmptyNotes(ctx.tables[id], out);
    checkNegativeCells(ctx, ctx.tables[id], out);
  }
}
