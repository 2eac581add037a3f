import { BASIC_CATEGORY_LABELS, EXPENDITURE_KIND_LABELS, FUND_SOURCE_LABELS } from "@/lib/disclosure/labels";
import type {
  AppropriationType,
  BasicEconomicLine,
  ExpenditureKind,
  ExpenditureLine,
  Fen,
  FundSource,
  IncomeLine,
} from "@/lib/disclosure/types";
import type { AppropriationColumn, BasicColumn, IncomeColumn, KindColumn } from "./disclosure-specs";
import { describeCell, type ImportLog } from "./import-log";
import type { CellRef, ImportedContent } from "./import-types";
import type { CodedTable } from "./read-functional-table";
import type { FiscalSummaryTable, SummaryTable, ThreePublicTable } from "./read-summary-tables";

/** The disclosure workbook's tables as read, each optional: a workbook may leave some out. */
export interface DisclosureTables {
  t1: SummaryTable | null;
  t2: CodedTable<IncomeColumn> | null;
  t3: CodedTable<KindColumn> | null;
  t4: FiscalSummaryTable | null;
  appropriation: Partial<Record<AppropriationType, CodedTable<AppropriationColumn>>>;
  t6: CodedTable<BasicColumn> | null;
  t9: ThreePublicTable | null;
}

const APPROPRIATIONS: readonly AppropriationType[] = ["GENERAL_BUDGET", "GOVERNMENT_FUND", "STATE_CAPITAL"];
const TABLE_NUMBER: Record<AppropriationType, string> = { GENERAL_BUDGET: "表5", GOVERNMENT_FUND: "表7", STATE_CAPITAL: "表8" };
const KINDS: readonly [KindColumn, ExpenditureKind][] = [
  ["basic", "BASIC"],
  ["project", "PROJECT"],
  ["operating", "OPERATING"],
  ["remitToSuperior", "REMIT_TO_SUPERIOR"],
  ["subsidyToSubordinate", "SUBSIDY_TO_SUBORDINATE"],
];
/** Table 2's columns of money that is not a fiscal appropriation, and the source each stands for. */
const NON_FISCAL: readonly [IncomeColumn, FundSource][] = [
  ["specialAccount", "SPECIAL_ACCOUNT"],
  ["business", "BUSINESS"],
  ["operating", "OPERATING"],
  ["superiorSubsidy", "SUPERIOR_SUBSIDY"],
  ["subordinateRemittance", "SUBORDINATE_REMITTANCE"],
  ["other", "OTHER"],
  ["carryover", "CARRYOVER_OTHER"],
];
const UNIT_FUND_COLUMNS: readonly [IncomeColumn, FundSource][] = NON_FISCAL.slice(1, 6);

/**
 * Builds income, expenditure lines (functional 项 × kind × source), basic expenditure by
 * economic 款 and 三公 from the tables, and records every figure the workbook repeats so the
 * cross-sheet comparison can name both cells of a disagreement.
 */
export function buildDisclosureContent(tables: DisclosureTables, log: ImportLog): Omit<ImportedContent, "projects" | "assets" | "procurement"> {
  registerFacts(tables, log);
  const expenditure = expenditureLines(tables, log);
  const basicEconomic = basicLines(tables, log);
  const income = incomeLines(tables, expenditure, log);
  const yearEnd = tables.t1?.totals.get("yearEnd");
  const threePublic = tables.t9?.lines ?? [];
  for (const c of tables.t9?.cells ?? []) log.figure(c.label, c.fen, [c.cell]);
  if (yearEnd && yearEnd.fen > 0) log.figure("年终结转结余", yearEnd.fen, [yearEnd.cell]);
  return { income, expenditure, basicEconomic, yearEndCarryover: yearEnd?.fen ?? 0, threePublic };
}

function registerFacts(tables: DisclosureTables, log: ImportLog): void {
  const { t1, t2, t3, t4, t6 } = tables;
  const codedFacts = <A extends string>(table: CodedTable<A> | null, number: string, column: A, key: (code: string) => string) => {
    if (!table) return;
    const rows = table.total ? [table.total, ...table.rows.values()] : [...table.rows.values()];
    for (const row of rows) {
      const fen = row.values[column];
      const cell = row.cells[column];
      if (fen === undefined || cell === undefined) continue;
      const name = row.code === "" ? "合计行" : ` ${row.code} ${row.name} `;
      log.fact(key(row.code || "total"), `${number}${name}的合计`, fen, cell, table.unit);
    }
  };
  // The same total by functional row in tables 1 (classes), 2 and 3.
  codedFacts(t3, "表3", "total", (code) => `row:${code}`);
  codedFacts(t2, "表2", "total", (code) => `row:${code}`);
  if (t1) {
    for (const [code, stated] of t1.classes) log.fact(`row:${code}`, `表1支出 ${code}类`, stated.fen, stated.cell, t1.unit);
    const total = t1.totals.get("expenditureThisYear");
    if (total) log.fact("row:total", "表1本年支出合计", total.fen, total.cell, t1.unit);
    const thisYear = t1.totals.get("incomeThisYear");
    if (thisYear) log.fact("income:thisYear", "表1本年收入合计", thisYear.fen, thisYear.cell, t1.unit);
    const carryIn = t1.totals.get("carryIn");
    if (carryIn) log.fact("income:carryIn", "表1上年结转结余", carryIn.fen, carryIn.cell, t1.unit);
    for (const type of APPROPRIATIONS) {
      const stated = t1.income.get(type);
      if (stated) log.fact(`income:${type}`, `表1${FUND_SOURCE_LABELS[type]}收入`, stated.fen, stated.cell, t1.unit);
    }
  }
  if (t2?.total) {
    const { values, cells } = t2.total;
    if (values.subtotal !== undefined && cells.subtotal) log.fact("income:thisYear", "表2合计行的本年收入小计", values.subtotal, cells.subtotal, t2.unit);
    if (values.carryover !== undefined && cells.carryover) log.fact("income:carryIn", "表2合计行的上年结转", values.carryover, cells.carryover, t2.unit);
  }
  if (t4) {
    for (const [type, stated] of t4.income) log.fact(`income:${type}`, `表4${FUND_SOURCE_LABELS[type]}收入`, stated.fen, stated.cell, t4.unit);
    for (const [key, stated] of t4.classes) {
      const [type, code] = key.split(":");
      log.fact(`fiscal:${type}:${code}`, `表4支出 ${code}类的${FUND_SOURCE_LABELS[type as AppropriationType]}`, stated.fen, stated.cell, t4.unit);
    }
    for (const [type, stated] of t4.spending) log.fact(`fiscal:${type}:total`, `表4本年支出合计的${FUND_SOURCE_LABELS[type]}`, stated.fen, stated.cell, t4.unit);
  }
  for (const type of APPROPRIATIONS) {
    const table = tables.appropriation[type];
    if (!table) continue;
    for (const row of [table.total, ...table.rows.values()]) {
      if (!row || (row.code.length !== 3 && row.code !== "")) continue;
      const fen = row.values.total;
      const cell = row.cells.total;
      if (fen === undefined || !cell) continue;
      log.fact(`fiscal:${type}:${row.code || "total"}`, `${TABLE_NUMBER[type]}${row.code ? `${row.code}类` : "合计行"}的合计`, fen, cell, table.unit);
    }
  }
  const t5Total = tables.appropriation.GENERAL_BUDGET?.total;
  if (t5Total?.values.basic !== undefined && t5Total.cells.basic) {
    log.fact("basic:general", "表5合计行的基本支出", t5Total.values.basic, t5Total.cells.basic, tables.appropriation.GENERAL_BUDGET?.unit ?? "YUAN");
  }
  if (t6?.total?.values.total !== undefined && t6.total.cells.total) {
    log.fact("basic:general", "表6合计行的合计", t6.total.values.total, t6.total.cells.total, t6.unit);
  }
}

function expenditureLines(tables: DisclosureTables, log: ImportLog): ExpenditureLine[] {
  const { t2, t3 } = tables;
  const codes = new Set<string>([...(t3?.leaves ?? []), ...(t2?.leaves ?? [])]);
  for (const type of APPROPRIATIONS) for (const code of tables.appropriation[type]?.leaves ?? []) codes.add(code);
  if (codes.size === 0 && !t3 && !Object.keys(tables.appropriation).length) {
    log.error(null, "工作簿中没有可识别的支出表（支出总表或财政拨款支出表），无法导入支出");
  }
  const lines: ExpenditureLine[] = [];
  const push = (line: ExpenditureLine, name: string, sources: CellRef[]) => {
    if (line.amount === 0) return;
    lines.push(line);
    log.figure(`支出 ${line.functionalCode} ${name} · ${EXPENDITURE_KIND_LABELS[line.kind]} · ${FUND_SOURCE_LABELS[line.source]}`, line.amount, sources);
  };
  for (const code of [...codes].sort()) {
    const name = t3?.rows.get(code)?.name ?? t2?.rows.get(code)?.name ?? "";
    const fiscalByKind = new Map<ExpenditureKind, { fen: Fen; cells: CellRef[] }>();
    let fiscalTotal = 0;
    const fiscalCells: CellRef[] = [];
    for (const type of APPROPRIATIONS) {
      const row = tables.appropriation[type]?.rows.get(code);
      if (!row) continue;
      for (const [column, kind] of [["basic", "BASIC"], ["project", "PROJECT"]] as const) {
        const fen = row.values[column] ?? 0;
        const cell = row.cells[column];
        if (fen === 0 || !cell) continue;
        push({ functionalCode: code, kind, source: type, amount: fen }, name, [cell]);
        const acc = fiscalByKind.get(kind) ?? { fen: 0, cells: [] };
        acc.fen += fen;
        acc.cells.push(cell);
        fiscalByKind.set(kind, acc);
        fiscalTotal += fen;
        fiscalCells.push(cell);
      }
    }
    const t3row = t3?.rows.get(code);
    const nonFiscalKinds: { kind: ExpenditureKind; fen: Fen; cell: CellRef }[] = [];
    if (t3row) {
      for (const [column, kind] of KINDS) {
        const stated = t3row.values[column] ?? 0;
        const cell = t3row.cells[column];
        const fiscal = fiscalByKind.get(kind);
        const rest = stated - (fiscal?.fen ?? 0);
        if (rest < 0 && fiscal && cell) {
          log.error(cell, `表3科目${code}的“${EXPENDITURE_KIND_LABELS[kind]}”小于${fiscal.cells.map(describeCell).join("、")}中财政拨款的同类支出，请核对`);
        } else if (rest > 0 && cell) {
          nonFiscalKinds.push({ kind, fen: rest, cell });
        }
      }
    } else if (t3) {
      const cell = fiscalCells[0];
      if (cell) log.error(cell, `科目${code}在财政拨款支出表中有金额，但表3“支出总表”中没有这一行`);
    }
    const t2row = t2?.rows.get(code);
    if (t2row && t2row.values.fiscal !== undefined && t2row.cells.fiscal && t2row.values.fiscal !== fiscalTotal && Object.keys(tables.appropriation).length > 0) {
      const others = fiscalCells.length ? `${fiscalCells.map(describeCell).join("、")}之和` : "财政拨款支出表（无此科目）";
      log.error(t2row.cells.fiscal, `表2科目${code}的“财政拨款收入”与${others}不一致，请核对`);
    }
    if (nonFiscalKinds.length === 0) continue;
    const sources: { source: FundSource; fen: Fen; cell: CellRef | null }[] = [];
    if (t2row) {
      for (const [column, source] of NON_FISCAL) {
        const fen = t2row.values[column] ?? 0;
        if (fen > 0) sources.push({ source, fen, cell: t2row.cells[column] ?? null });
      }
    } else {
      const total = nonFiscalKinds.reduce((s, k) => s + k.fen, 0);
      sources.push({ source: "OTHER", fen: total, cell: null });
      log.warning(nonFiscalKinds[0]?.cell ?? null, `科目${code}有非财政拨款支出，但工作簿中没有表2“收入总表”说明其资金来源，已按“其他收入”导入，请在表单中核对`);
    }
    if (sources.length > 1 && nonFiscalKinds.length > 1) {
      log.warning(t2row?.cells.total ?? nonFiscalKinds[0]?.cell ?? null, `科目${code}的非财政拨款资金有多种来源、也有多种支出类型，表2和表3无法确定每种来源用于哪类支出，已按列顺序分配，请在表单中核对`);
    }
    // Greedy allocation of the non-fiscal sources over the non-fiscal kinds, in column order.
    let s = 0;
    let k = 0;
    const left = sources.map((x) => x.fen);
    const need = nonFiscalKinds.map((x) => x.fen);
    while (s < sources.length && k < nonFiscalKinds.length) {
      const take = Math.min(left[s] ?? 0, need[k] ?? 0);
      const source = sources[s];
      const kind = nonFiscalKinds[k];
      if (source && kind && take > 0) {
        push({ functionalCode: code, kind: kind.kind, source: source.source, amount: take }, name, source.cell ? [kind.cell, source.cell] : [kind.cell]);
      }
      left[s] = (left[s] ?? 0) - take;
      need[k] = (need[k] ?? 0) - take;
      if ((left[s] ?? 0) === 0) s++;
      if ((need[k] ?? 0) === 0) k++;
    }
  }
  return mergeLines(lines);
}

/** One line per functional code × kind × source, as the forms keep them. */
function mergeLines(lines: ExpenditureLine[]): ExpenditureLine[] {
  const merged = new Map<string, ExpenditureLine>();
  for (const line of lines) {
    const key = `${line.functionalCode}|${line.kind}|${line.source}`;
    const existing = merged.get(key);
    if (existing) existing.amount += line.amount;
    else merged.set(key, { ...line });
  }
  return [...merged.values()];
}

function basicLines(tables: DisclosureTables, log: ImportLog): BasicEconomicLine[] {
  const t6 = tables.t6;
  if (!t6) return [];
  const lines: BasicEconomicLine[] = [];
  for (const code of t6.leaves) {
    const row = t6.rows.get(code);
    if (!row) continue;
    for (const [column, category] of [["personnel", "PERSONNEL"], ["public", "PUBLIC"]] as const) {
      const fen = row.values[column] ?? 0;
      const cell = row.cells[column];
      if (fen === 0 || !cell) continue;
      lines.push({ economicCode: code, category, source: "GENERAL_BUDGET", amount: fen });
      log.figure(`基本支出 ${code} ${row.name} · ${BASIC_CATEGORY_LABELS[category]} · 一般公共预算拨款`, fen, [cell]);
    }
  }
  return lines;
}

function incomeLines(tables: DisclosureTables, expenditure: readonly ExpenditureLine[], log: ImportLog): IncomeLine[] {
  const { t1, t2, t4 } = tables;
  const lines: IncomeLine[] = [];
  const add = (source: FundSource, fen: Fen, cells: CellRef[]) => {
    if (fen === 0) return;
    lines.push({ source, amount: fen });
    log.figure(`收入 · ${FUND_SOURCE_LABELS[source]}`, fen, cells);
  };
  if (!t1) {
    // Without table 1, income is what the lines spend, by source.
    const bySource = new Map<FundSource, Fen>();
    for (const l of expenditure) bySource.set(l.source, (bySource.get(l.source) ?? 0) + l.amount);
    for (const [source, fen] of bySource) add(source, fen, []);
    log.warning(null, "工作簿中没有表1“收支总表”，收入按各项支出的资金来源汇总导入，请在表单中核对");
    return lines;
  }
  for (const [label, stated] of t1.income) {
    if (label !== "UNIT_FUNDS") {
      add(label, stated.fen, [stated.cell]);
      continue;
    }
    if (stated.fen === 0) continue;
    const total = t2?.total;
    const parts = UNIT_FUND_COLUMNS.map(([column, source]) => ({ source, fen: total?.values[column] ?? 0, cell: total?.cells[column] }));
    const sum = parts.reduce((s, p) => s + p.fen, 0);
    if (!total || sum !== stated.fen) {
      if (total) log.error(stated.cell, `表1“单位资金”与表2合计行的事业收入、经营收入、上级补助收入、附属单位上缴收入、其他收入之和不一致，请核对`);
      else log.warning(stated.cell, "表1“单位资金”无法按来源拆分（缺少表2“收入总表”），已按“其他收入”导入");
      if (!total) add("OTHER", stated.fen, [stated.cell]);
      continue;
    }
    for (const part of parts) add(part.source, part.fen, part.cell ? [stated.cell, part.cell] : [stated.cell]);
  }
  const carryIn = t1.totals.get("carryIn");
  if (carryIn && carryIn.fen > 0) {
    let fiscal = 0;
    for (const type of APPROPRIATIONS) {
      const stated = t4?.carryIn.get(type);
      if (!stated || stated.fen === 0) continue;
      add(`CARRYOVER_${type}`, stated.fen, [stated.cell]);
      fiscal += stated.fen;
    }
    if (fiscal > 0) log.warning(carryIn.cell, "年初财政拨款结转和结余不为零：其支出在导入时按当年财政拨款计入，请在表单中核对各支出行的资金来源");
    if (carryIn.fen < fiscal) log.error(carryIn.cell, "表1“上年结转结余”小于表4“年初财政拨款结转和结余”，请核对");
    else add("CARRYOVER_OTHER", carryIn.fen - fiscal, [carryIn.cell]);
  }
  return lines;
}
