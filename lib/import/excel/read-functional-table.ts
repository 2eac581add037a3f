import type { AmountUnit, CodeBook, Fen } from "@/lib/disclosure/types";
import type { SheetData } from "@/lib/spreadsheet/read-spreadsheet";
import { ECONOMIC_CODE_SPECS, FUNCTIONAL_CODE_SPECS, rowCode, type CodeField } from "./classification-code";
import { formatAmountTrimmed } from "@/lib/disclosure/money";
import { unitName, type ImportLog } from "./import-log";
import type { CellRef, HeaderMapping, SheetKind } from "./import-types";
import { readAmount } from "./read-amount";
import { dataRows, locateTable, type ColumnSpec } from "./sheet-table";

/**
 * Reads a table whose rows are classification codes (类 › 款 › 项, or economic 类 › 款) and
 * whose columns are amounts: tables 2, 3, 5, 6, 7 and 8 of the disclosure workbook.
 */

export interface AmountColumnSpec<A extends string> extends ColumnSpec<A> {
  /** the Chinese column name used in messages */
  label: string;
}

export interface CodedRow<A extends string> {
  code: string;
  name: string;
  values: Partial<Record<A, Fen>>;
  cells: Partial<Record<A, CellRef>>;
}

export interface CodedTable<A extends string> {
  sheet: string;
  unit: AmountUnit;
  /** the 合计 row, when the sheet has one */
  total: CodedRow<A> | null;
  /** every coded row by code: 类, 款 and 项 (or economic 类 and 款) */
  rows: Map<string, CodedRow<A>>;
  /** the codes of the finest level (项, or economic 款) in sheet order */
  leaves: string[];
  hasColumn: (field: A) => boolean;
}

export interface CodedTableSpec<A extends string> {
  kind: SheetKind;
  /** 表2 “收入总表”: the prefix of every message about this sheet */
  title: string;
  scheme: "functional" | "economic";
  amounts: readonly AmountColumnSpec<A>[];
  /** row identities: `total` = Σ `parts`, checked on every row */
  sums: readonly { total: A; parts: readonly A[] }[];
}

const LEAF_LENGTH = { functional: 7, economic: 5 } as const;
const LEVEL_LENGTHS = { functional: [3, 5, 7], economic: [3, 5] } as const;
const LEVEL_NAMES: Record<number, string> = { 3: "类", 5: "款", 7: "项" };

export function readCodedTable<A extends string>(
  sheet: SheetData,
  spec: CodedTableSpec<A>,
  context: { codeBook: CodeBook; mappings: readonly HeaderMapping[]; fallbackUnit: AmountUnit },
  log: ImportLog,
): CodedTable<A> | null {
  const codeSpecs = spec.scheme === "functional" ? FUNCTIONAL_CODE_SPECS : ECONOMIC_CODE_SPECS;
  const specs: readonly ColumnSpec<A | CodeField>[] = [...spec.amounts, ...codeSpecs];
  const layout = locateTable<A | CodeField>(sheet, spec.kind, specs, context.mappings, log);
  if (layout === null) {
    log.error({ sheet: sheet.name }, `${spec.title}中找不到表头（科目编码、科目名称、金额各列），该表未导入`);
    return null;
  }
  const columns = layout.columns;
  const hasCode = ["code", "codeAndName", "class"].some((f) => columns[f as CodeField] !== undefined);
  if (!hasCode) {
    log.error({ sheet: sheet.name, row: layout.headerTop }, `${spec.title}中找不到“科目编码”列，该表未导入`);
    return null;
  }
  const unit = layout.statedUnit ?? context.fallbackUnit;
  const hasUnknownColumn = log.unknownHeaders.some((h) => h.sheet === sheet.name);
  const known = new Map((spec.scheme === "functional" ? context.codeBook.functional : context.codeBook.economic).map((c) => [c.code, c.name]));
  const schemeName = spec.scheme === "functional" ? "功能分类" : "经济分类";
  const table: CodedTable<A> = {
    sheet: sheet.name,
    unit,
    total: null,
    rows: new Map(),
    leaves: [],
    hasColumn: (field) => columns[field] !== undefined,
  };

  for (const { index, cells } of dataRows(sheet, layout)) {
    const { code, name } = rowCode(cells, columns);
    const at = (column: number | undefined): CellRef => ({ sheet: sheet.name, row: index, column: column ?? 0 });
    const codeColumn = columns.code ?? columns.codeAndName ?? columns.class;
    if (code === "") {
      if (!/合计|总计/.test(name)) {
        if (name !== "") log.warning(at(codeColumn), `“${name}”行没有科目编码，未导入`);
        continue;
      }
    } else if (!(LEVEL_LENGTHS[spec.scheme] as readonly number[]).includes(code.length) || !/^\d+$/.test(code)) {
      log.error(at(codeColumn), `“${code}”不是有效的${schemeName}科目编码（应为${LEVEL_LENGTHS[spec.scheme].join("、")}位数字）`);
      continue;
    } else if (!known.has(code)) {
      log.error(at(codeColumn), `${schemeName}科目${code}${name ? ` ${name}` : ""}不在${context.codeBook.year}年科目表中，请核对编码或联系管理员更新科目表`);
      continue;
    }
    const row: CodedRow<A> = { code, name: name || (known.get(code) ?? ""), values: {}, cells: {} };
    let readable = true;
    for (const amount of spec.amounts) {
      const column = columns[amount.field];
      if (column === undefined) continue;
      const what = `${code === "" ? "合计" : code}行“${amount.label}”`;
      const fen = readAmount(cells[column] ?? null, unit, at(column), log, what);
      if (fen === null) {
        readable = false;
        continue;
      }
      row.values[amount.field] = fen;
      row.cells[amount.field] = at(column);
    }
    // With an unknown column the sums cannot hold; the unknown header says why, once.
    if (readable && !hasUnknownColumn) checkRowSums(row, spec, unit, log);
    if (code === "") {
      table.total = row;
      continue;
    }
    if (table.rows.has(code)) {
      log.error(at(codeColumn), `科目${code}在${spec.title}中出现了两次`);
      continue;
    }
    table.rows.set(code, row);
    if (code.length === LEAF_LENGTH[spec.scheme]) table.leaves.push(code);
  }
  if (!hasUnknownColumn) checkHierarchy(table, spec, log);
  return table;
}

function checkRowSums<A extends string>(row: CodedRow<A>, spec: CodedTableSpec<A>, unit: AmountUnit, log: ImportLog): void {
  for (const { total, parts } of spec.sums) {
    const cell = row.cells[total];
    const stated = row.values[total];
    if (cell === undefined || stated === undefined) continue;
    const present = parts.filter((p) => row.values[p] !== undefined);
    if (present.length === 0) continue;
    const computed = present.reduce((s, p) => s + (row.values[p] ?? 0), 0);
    if (computed !== stated) {
      const labels = present.map((p) => spec.amounts.find((a) => a.field === p)?.label ?? p).join("、");
      const name = spec.amounts.find((a) => a.field === total)?.label ?? total;
      log.error(cell, `${spec.title}${row.code || "合计"}行的“${name}”${fmt(stated, unit)}不等于${labels}之和${fmt(computed, unit)}`);
    }
  }
}

/** 类 = Σ its 款 = Σ their 项, and 合计 = Σ 类, on every amount column: a sheet that does not add up is not silently corrected. */
function checkHierarchy<A extends string>(table: CodedTable<A>, spec: CodedTableSpec<A>, log: ImportLog): void {
  const leafLength = LEAF_LENGTH[spec.scheme];
  for (const amount of spec.amounts) {
    const field = amount.field;
    const leafSum = (prefix: string) =>
      table.leaves.filter((c) => c.startsWith(prefix)).reduce((s, c) => s + (table.rows.get(c)?.values[field] ?? 0), 0);
    const parents: { code: string; row: CodedRow<A> }[] = [...table.rows].filter(([c]) => c.length < leafLength).map(([code, row]) => ({ code, row }));
    if (table.total) parents.push({ code: "", row: table.total });
    for (const { code, row } of parents) {
      const stated = row.values[field];
      const cell = row.cells[field];
      if (stated === undefined || cell === undefined) continue;
      const computed = leafSum(code);
      if (computed !== stated) {
        const level = code === "" ? "合计" : `${LEVEL_NAMES[code.length] ?? ""}${code}`;
        const below = code === "" ? "各项" : `其下各${spec.scheme === "functional" ? "项" : "款"}`;
        log.error(cell, `${spec.title}${level}的“${amount.label}”${fmt(stated, table.unit)}不等于${below}之和${fmt(computed, table.unit)}`);
      }
    }
  }
}

function fmt(fen: Fen, unit: AmountUnit): string {
  return `${formatAmountTrimmed(fen, unit)}${unitName(unit)}`;
}
