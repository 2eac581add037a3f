import { FUNCTIONAL_CLASSES, classCodeOf, classLabel } from "./functional-classes";
import type { CellValue, Column, DerivedTable, DerivedTables, HeaderCell, TableRow } from "./table-model";
import type {
  AppropriationType,
  BasicEconomicLine,
  Budget,
  CodeBook,
  ExpenditureKind,
  ExpenditureLine,
  Fen,
  FundSource,
  IncomeLine,
} from "./types";

export function isCarryover(source: FundSource): boolean {
  return source.startsWith("CARRYOVER_");
}

const APPROPRIATION_OF: Record<FundSource, AppropriationType | null> = {
  GENERAL_BUDGET: "GENERAL_BUDGET",
  GOVERNMENT_FUND: "GOVERNMENT_FUND",
  STATE_CAPITAL: "STATE_CAPITAL",
  SPECIAL_ACCOUNT: null,
  BUSINESS: null,
  OPERATING: null,
  SUPERIOR_SUBSIDY: null,
  SUBORDINATE_REMITTANCE: null,
  OTHER: null,
  CARRYOVER_GENERAL_BUDGET: "GENERAL_BUDGET",
  CARRYOVER_GOVERNMENT_FUND: "GOVERNMENT_FUND",
  CARRYOVER_STATE_CAPITAL: "STATE_CAPITAL",
  CARRYOVER_OTHER: null,
};

/** The kind of 财政拨款 a source is (this year's or carried over), or null when it is not fiscal. */
export function appropriationOf(source: FundSource): AppropriationType | null {
  return APPROPRIATION_OF[source];
}

const sum = (values: readonly Fen[]): Fen => values.reduce((a, b) => a + b, 0);

function sumIncome(lines: readonly IncomeLine[], sources: readonly FundSource[]): Fen {
  return sum(lines.filter((l) => sources.includes(l.source)).map((l) => l.amount));
}

/** 单位资金: every non-fiscal, non-special-account source of this year. */
const UNIT_FUND_SOURCES: readonly FundSource[] = [
  "BUSINESS",
  "OPERATING",
  "SUPERIOR_SUBSIDY",
  "SUBORDINATE_REMITTANCE",
  "OTHER",
];
const CARRYOVER_SOURCES: readonly FundSource[] = [
  "CARRYOVER_GENERAL_BUDGET",
  "CARRYOVER_GOVERNMENT_FUND",
  "CARRYOVER_STATE_CAPITAL",
  "CARRYOVER_OTHER",
];

const col = (key: string, kind: Column["kind"], label: string): Column => ({ key, kind, label });
const SEQ = col("seq", "seq", "序号");
const CODE = col("code", "code", "科目编码");
const NAME = col("name", "text", "科目名称");

type Leaf = { code: string; values: Fen[] };

/**
 * Rolls leaf amounts up a code hierarchy (类 3 digits › 款 5 › 项 7, or economic 类 › 款) and
 * returns the 合计 row followed by every level in code order; rows whose amounts are all zero
 * are left out. `nameOf` returns "" for a code missing from the code book (the checker says so).
 */
function hierarchyTable(leaves: readonly Leaf[], width: number, lengths: readonly number[], nameOf: (code: string) => string): TableRow[] {
  const totals = new Map<string, Fen[]>();
  for (const leaf of leaves) {
    if (leaf.values.every((v) => v === 0)) continue;
    for (const length of lengths) {
      if (leaf.code.length < length) break;
      const code = leaf.code.slice(0, length);
      const acc = totals.get(code) ?? new Array<Fen>(width).fill(0);
      leaf.values.forEach((v, i) => (acc[i] = (acc[i] ?? 0) + v));
      totals.set(code, acc);
    }
  }
  if (totals.size === 0) return [];
  const grand = new Array<Fen>(width).fill(0);
  for (const [code, values] of totals) {
    if (code.length === lengths[0]) values.forEach((v, i) => (grand[i] = (grand[i] ?? 0) + v));
  }
  const rows: TableRow[] = [{ key: "total", kind: "total", level: 0, cells: [1, null, "合计", ...grand] }];
  const ordered = [...totals.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : a.length - b.length));
  ordered.forEach((code, index) => {
    const level = (lengths.indexOf(code.length) + 1) as 1 | 2 | 3;
    const kind = level === 1 ? "class" : level === 2 && lengths.length === 3 ? "section" : "item";
    rows.push({ key: code, kind, level, cells: [index + 2, code, nameOf(code), ...(totals.get(code) ?? [])] });
  });
  return rows;
}

const FUNCTIONAL_LENGTHS = [3, 5, 7] as const;
const ECONOMIC_LENGTHS = [3, 5] as const;

function emptyNote(rows: readonly TableRow[], note: string): string | null {
  return rows.length === 0 ? note : null;
}

function nameLookup(codeBook: CodeBook, scheme: "functional" | "economic"): (code: string) => string {
  const names = new Map(codeBook[scheme].map((c) => [c.code, c.name]));
  return (code) => names.get(code) ?? "";
}

/** Functional tables whose amount columns each span both header rows: the header follows the columns. */
function functionalHeader(amountColumns: readonly Column[]): HeaderCell[][] {
  return [
    [{ label: "序号", rowSpan: 2 }, { label: "功能分类科目", colSpan: 2 }, ...amountColumns.map((c) => ({ label: c.label, rowSpan: 2 }))],
    [{ label: "科目编码" }, { label: "科目名称" }],
  ];
}

function deriveT1(budget: Budget): DerivedTable {
  const income: [string, Fen][] = [
    ["一、一般公共预算拨款收入", sumIncome(budget.income, ["GENERAL_BUDGET"])],
    ["二、政府性基金预算拨款收入", sumIncome(budget.income, ["GOVERNMENT_FUND"])],
    ["三、国有资本经营预算拨款收入", sumIncome(budget.income, ["STATE_CAPITAL"])],
    ["四、财政专户管理资金收入", sumIncome(budget.income, ["SPECIAL_ACCOUNT"])],
    ["五、单位资金", sumIncome(budget.income, UNIT_FUND_SOURCES)],
  ];
  const byClass = classTotals(budget.expenditure, () => true);
  const rows: TableRow[] = FUNCTIONAL_CLASSES.map((cls, i) => {
    const inc = income[i];
    return {
      key: `row${i + 1}`,
      kind: "line",
      level: 1,
      cells: [i + 1, inc ? inc[0] : null, inc ? inc[1] : null, classLabel(cls), byClass.get(cls.code ?? "") ?? 0],
    };
  });
  const incomeThisYear = sum(income.map(([, v]) => v));
  const carryIn = sumIncome(budget.income, CARRYOVER_SOURCES);
  const spending = sum(budget.expenditure.map((l) => l.amount));
  const carryOut = budget.yearEndCarryover;
  const n = FUNCTIONAL_CLASSES.length;
  rows.push(
    { key: "income-this-year", kind: "total", level: 0, cells: [n + 1, "本年收入合计", incomeThisYear, "本年支出合计", spending] },
    { key: "carryover", kind: "line", level: 0, cells: [n + 2, "上年结转结余", carryIn, "年终结转结余", carryOut] },
    { key: "grand-total", kind: "total", level: 0, cells: [n + 3, "收入总计", incomeThisYear + carryIn, "支出总计", spending + carryOut] },
  );
  return {
    id: "T1",
    number: 1,
    title: "单位预算收支总表",
    header: [
      [{ label: "序号", rowSpan: 2 }, { label: "收入", colSpan: 2 }, { label: "支出", colSpan: 2 }],
      [{ label: "项目" }, { label: "预算数" }, { label: "项目" }, { label: "预算数" }],
    ],
    columns: [SEQ, col("incomeItem", "text", "收入项目"), col("income", "amount", "收入预算数"), col("expenditureItem", "text", "支出项目"), col("expenditure", "amount", "支出预算数")],
    rows,
    emptyNote: null,
  };
}

/** Expenditure per 类 code for the lines that pass `keep`. */
function classTotals(lines: readonly ExpenditureLine[], keep: (l: ExpenditureLine) => boolean): Map<string, Fen> {
  const totals = new Map<string, Fen>();
  for (const line of lines) {
    if (!keep(line)) continue;
    const code = classCodeOf(line.functionalCode);
    totals.set(code, (totals.get(code) ?? 0) + line.amount);
  }
  return totals;
}

const T2_SOURCE_COLUMN: Record<FundSource, number> = {
  GENERAL_BUDGET: 1,
  GOVERNMENT_FUND: 1,
  STATE_CAPITAL: 1,
  SPECIAL_ACCOUNT: 2,
  BUSINESS: 3,
  OPERATING: 4,
  SUPERIOR_SUBSIDY: 5,
  SUBORDINATE_REMITTANCE: 6,
  OTHER: 7,
  CARRYOVER_GENERAL_BUDGET: 8,
  CARRYOVER_GOVERNMENT_FUND: 8,
  CARRYOVER_STATE_CAPITAL: 8,
  CARRYOVER_OTHER: 8,
};

/** Leaves keyed by functional code; `columnOf` places a line in an amount column (or drops it). */
function functionalLeaves(lines: readonly ExpenditureLine[], width: number, columnOf: (l: ExpenditureLine) => number | null): Leaf[] {
  const byCode = new Map<string, Fen[]>();
  for (const line of lines) {
    const column = columnOf(line);
    if (column === null) continue;
    const values = byCode.get(line.functionalCode) ?? new Array<Fen>(width).fill(0);
    values[column] = (values[column] ?? 0) + line.amount;
    byCode.set(line.functionalCode, values);
  }
  return [...byCode].map(([code, values]) => ({ code, values }));
}

function deriveT2(budget: Budget, nameOf: (code: string) => string): DerivedTable {
  // columns: 合计, 小计, 财政拨款, 财政专户, 事业, 经营, 上级补助, 附属单位上缴, 其他, 上年结转
  const leaves = functionalLeaves(budget.expenditure, 10, (l) => T2_SOURCE_COLUMN[l.source] + 1).map((leaf) => {
    const v = leaf.values;
    const subtotal = sum(v.slice(2, 9));
    v[1] = subtotal;
    v[0] = subtotal + (v[9] ?? 0);
    return leaf;
  });
  const rows = hierarchyTable(leaves, 10, FUNCTIONAL_LENGTHS, nameOf);
  return {
    id: "T2",
    number: 2,
    title: "单位预算收入总表",
    header: [
      [{ label: "序号", rowSpan: 2 }, { label: "功能分类科目", colSpan: 2 }, { label: "合计", rowSpan: 2 }, { label: "本年收入", colSpan: 8 }, { label: "上年结转", rowSpan: 2 }],
      [
        { label: "科目编码" },
        { label: "科目名称" },
        { label: "小计" },
        { label: "财政拨款收入" },
        { label: "财政专户收入" },
        { label: "事业收入" },
        { label: "经营收入" },
        { label: "上级补助收入" },
        { label: "附属单位上缴收入" },
        { label: "其他收入" },
      ],
    ],
    columns: [
      SEQ,
      CODE,
      NAME,
      col("total", "amount", "合计"),
      col("subtotal", "amount", "小计"),
      col("fiscal", "amount", "财政拨款收入"),
      col("specialAccount", "amount", "财政专户收入"),
      col("business", "amount", "事业收入"),
      col("operating", "amount", "经营收入"),
      col("superiorSubsidy", "amount", "上级补助收入"),
      col("subordinateRemittance", "amount", "附属单位上缴收入"),
      col("other", "amount", "其他收入"),
      col("carryover", "amount", "上年结转"),
    ],
    rows,
    emptyNote: emptyNote(rows, "注：无收入预算，空表列示。"),
  };
}

const KIND_COLUMN: Record<ExpenditureKind, number> = {
  BASIC: 1,
  PROJECT: 2,
  OPERATING: 3,
  REMIT_TO_SUPERIOR: 4,
  SUBSIDY_TO_SUBORDINATE: 5,
};

function withTotal(leaves: Leaf[]): Leaf[] {
  for (const leaf of leaves) leaf.values[0] = sum(leaf.values.slice(1));
  return leaves;
}

const T3_AMOUNTS: readonly Column[] = [
  col("total", "amount", "合计"),
  col("basic", "amount", "基本支出"),
  col("project", "amount", "项目支出"),
  col("operating", "amount", "经营支出"),
  col("remitToSuperior", "amount", "上解上级支出"),
  col("subsidyToSubordinate", "amount", "对附属单位补助支出"),
];

function deriveT3(budget: Budget, nameOf: (code: string) => string): DerivedTable {
  const leaves = withTotal(functionalLeaves(budget.expenditure, 6, (l) => KIND_COLUMN[l.kind]));
  const rows = hierarchyTable(leaves, 6, FUNCTIONAL_LENGTHS, nameOf);
  return {
    id: "T3",
    number: 3,
    title: "单位预算支出总表",
    header: functionalHeader(T3_AMOUNTS),
    columns: [SEQ, CODE, NAME, ...T3_AMOUNTS],
    rows,
    emptyNote: emptyNote(rows, "注：无支出预算，空表列示。"),
  };
}

const APPROPRIATION_ORDER: readonly AppropriationType[] = ["GENERAL_BUDGET", "GOVERNMENT_FUND", "STATE_CAPITAL"];
const APPROPRIATION_INCOME_LABEL: Record<AppropriationType, string> = {
  GENERAL_BUDGET: "一、一般公共预算拨款",
  GOVERNMENT_FUND: "二、政府性基金预算拨款",
  STATE_CAPITAL: "三、国有资本经营预算拨款",
};

/**
 * 年末财政拨款结转和结余 per appropriation type: the fiscal money of the type (this year's and
 * carried in) that is not spent, as far as the year-end carry-over (表1 年终结转结余) holds it. A
 * fiscal carry-over kept to the end of the year then balances table 4 as it balances table 1;
 * fiscal money neither spent nor carried stays an imbalance (C6).
 */
export function fiscalYearEndCarryover(budget: Budget): Record<AppropriationType, Fen> {
  if (budget.yearEndFiscalCarryover) return budget.yearEndFiscalCarryover;
  let remaining = Math.max(0, budget.yearEndCarryover);
  const carried = { GENERAL_BUDGET: 0, GOVERNMENT_FUND: 0, STATE_CAPITAL: 0 };
  for (const type of APPROPRIATION_ORDER) {
    const spent = sum(budget.expenditure.filter((l) => appropriationOf(l.source) === type).map((l) => l.amount));
    const unspent = sumIncome(budget.income, [type, `CARRYOVER_${type}`]) - spent;
    carried[type] = Math.min(Math.max(0, unspent), remaining);
    remaining -= carried[type];
  }
  return carried;
}

function deriveT4(budget: Budget): DerivedTable {
  const perType = APPROPRIATION_ORDER.map((type) => classTotals(budget.expenditure, (l) => appropriationOf(l.source) === type));
  const rows: TableRow[] = FUNCTIONAL_CLASSES.map((cls, i) => {
    const amounts = perType.map((m) => m.get(cls.code ?? "") ?? 0);
    const type = APPROPRIATION_ORDER[i];
    return {
      key: `row${i + 1}`,
      kind: "line",
      level: 1,
      cells: [
        i + 1,
        type ? APPROPRIATION_INCOME_LABEL[type] : null,
        type ? sumIncome(budget.income, [type]) : null,
        classLabel(cls),
        sum(amounts),
        ...amounts,
      ],
    };
  });
  const spending = APPROPRIATION_ORDER.map((type) =>
    sum(budget.expenditure.filter((l) => appropriationOf(l.source) === type).map((l) => l.amount)),
  );
  const incomeThisYear = sumIncome(budget.income, APPROPRIATION_ORDER);
  const carryIn = APPROPRIATION_ORDER.map((type) => sumIncome(budget.income, [`CARRYOVER_${type}` as FundSource]));
  const yearEnd = fiscalYearEndCarryover(budget);
  const carryOut = APPROPRIATION_ORDER.map((type) => yearEnd[type]);
  const n = FUNCTIONAL_CLASSES.length;
  const blank: CellValue[] = [null, null, null, null, null];
  rows.push(
    { key: "income-this-year", kind: "total", level: 0, cells: [n + 1, "本年收入合计", incomeThisYear, "本年支出合计", sum(spending), ...spending] },
    { key: "carryover", kind: "line", level: 0, cells: [n + 2, "年初财政拨款结转和结余", sum(carryIn), "年末财政拨款结转和结余", sum(carryOut), ...carryOut] },
    ...APPROPRIATION_ORDER.map((type, i): TableRow => ({
      key: `carryover-${type}`,
      kind: "line",
      level: 1,
      cells: [n + 3 + i, APPROPRIATION_INCOME_LABEL[type], carryIn[i] ?? 0, ...blank],
    })),
    {
      key: "grand-total",
      kind: "total",
      level: 0,
      cells: [n + 6, "收入总计", incomeThisYear + sum(carryIn), "支出总计", sum(spending) + sum(carryOut), ...spending.map((v, i) => v + (carryOut[i] ?? 0))],
    },
  );
  return {
    id: "T4",
    number: 4,
    title: "单位预算财政拨款收支总表",
    header: [
      [{ label: "序号", rowSpan: 2 }, { label: "收入", colSpan: 2 }, { label: "支出", colSpan: 5 }],
      [
        { label: "项目" },
        { label: "金额" },
        { label: "项目" },
        { label: "合计" },
        { label: "一般公共预算财政拨款" },
        { label: "政府性基金预算财政拨款" },
        { label: "国有资本经营预算财政拨款" },
      ],
    ],
    columns: [
      SEQ,
      col("incomeItem", "text", "收入项目"),
      col("income", "amount", "收入金额"),
      col("expenditureItem", "text", "支出项目"),
      col("total", "amount", "支出合计"),
      col("generalBudget", "amount", "一般公共预算财政拨款"),
      col("governmentFund", "amount", "政府性基金预算财政拨款"),
      col("stateCapital", "amount", "国有资本经营预算财政拨款"),
    ],
    rows,
    emptyNote: null,
  };
}

const APPROPRIATION_TABLE: Record<AppropriationType, { id: "T5" | "T7" | "T8"; number: number; title: string; note: string }> = {
  GENERAL_BUDGET: { id: "T5", number: 5, title: "单位预算一般公共预算财政拨款支出表", note: "注：无一般公共预算财政拨款预算，空表列示。" },
  GOVERNMENT_FUND: { id: "T7", number: 7, title: "单位预算政府性基金预算财政拨款支出表", note: "注：无政府性基金预算财政拨款预算，空表列示。" },
  STATE_CAPITAL: { id: "T8", number: 8, title: "单位预算国有资本经营预算财政拨款支出表", note: "注：无国有资本经营预算财政拨款预算，空表列示。" },
};

const APPROPRIATION_AMOUNTS: readonly Column[] = [
  col("total", "amount", "合计"),
  col("basic", "amount", "基本支出"),
  col("project", "amount", "项目支出"),
];

/** Tables 5, 7 and 8: spending of one appropriation type by function, basic and project. */
function deriveAppropriationTable(budget: Budget, type: AppropriationType, nameOf: (code: string) => string): DerivedTable {
  const meta = APPROPRIATION_TABLE[type];
  const leaves = withTotal(
    functionalLeaves(budget.expenditure, 3, (l) => {
      if (appropriationOf(l.source) !== type) return null;
      return l.kind === "BASIC" ? 1 : l.kind === "PROJECT" ? 2 : null;
    }),
  );
  const rows = hierarchyTable(leaves, 3, FUNCTIONAL_LENGTHS, nameOf);
  return {
    id: meta.id,
    number: meta.number,
    title: meta.title,
    header: functionalHeader(APPROPRIATION_AMOUNTS),
    columns: [SEQ, CODE, NAME, ...APPROPRIATION_AMOUNTS],
    rows,
    emptyNote: emptyNote(rows, meta.note),
  };
}

function deriveT6(budget: Budget, nameOf: (code: string) => string): DerivedTable {
  const byCode = new Map<string, Fen[]>();
  for (const line of budget.basicEconomic as readonly BasicEconomicLine[]) {
    if (appropriationOf(line.source) !== "GENERAL_BUDGET") continue;
    const values = byCode.get(line.economicCode) ?? [0, 0, 0];
    values[line.category === "PERSONNEL" ? 1 : 2] = (values[line.category === "PERSONNEL" ? 1 : 2] ?? 0) + line.amount;
    byCode.set(line.economicCode, values);
  }
  const leaves = withTotal([...byCode].map(([code, values]) => ({ code, values })));
  const rows = hierarchyTable(leaves, 3, ECONOMIC_LENGTHS, nameOf);
  return {
    id: "T6",
    number: 6,
    title: "单位预算一般公共预算财政拨款基本支出表",
    header: [
      [{ label: "序号", rowSpan: 2 }, { label: "支出部门经济分类科目", colSpan: 2 }, { label: "一般公共预算基本支出", colSpan: 3 }],
      [{ label: "科目编码" }, { label: "科目名称" }, { label: "合计" }, { label: "人员经费" }, { label: "公用经费" }],
    ],
    columns: [SEQ, CODE, NAME, col("total", "amount", "合计"), col("personnel", "amount", "人员经费"), col("public", "amount", "公用经费")],
    rows,
    emptyNote: emptyNote(rows, "注：无一般公共预算财政拨款基本支出预算，空表列示。"),
  };
}

function deriveT9(budget: Budget): DerivedTable {
  const byType = (pick: (l: Budget["threePublic"][number]) => Fen): Fen[] =>
    APPROPRIATION_ORDER.map((type) => sum(budget.threePublic.filter((l) => l.appropriation === type).map(pick)));
  const items: [string, string, Fen[], TableRow["kind"], TableRow["level"]][] = [
    ["total", "合计", byType((l) => l.abroad + l.vehiclePurchase + l.vehicleOperation + l.reception), "total", 0],
    ["abroad", "1、因公出国（境）费", byType((l) => l.abroad), "line", 1],
    ["vehicle", "2、公务用车购置及运维费", byType((l) => l.vehiclePurchase + l.vehicleOperation), "line", 1],
    ["vehiclePurchase", "其中：公务用车购置费", byType((l) => l.vehiclePurchase), "line", 2],
    ["vehicleOperation", "公务用车运维费", byType((l) => l.vehicleOperation), "line", 2],
    ["reception", "3、公务接待费", byType((l) => l.reception), "line", 1],
  ];
  const isEmpty = items[0]?.[2].every((v) => v === 0) ?? true;
  const rows: TableRow[] = isEmpty
    ? []
    : items.map(([key, label, values, kind, level], i) => ({ key, kind, level, cells: [i + 1, label, sum(values), ...values] }));
  return {
    id: "T9",
    number: 9,
    title: "单位预算财政拨款“三公”经费支出表",
    header: [
      [{ label: "序号", rowSpan: 2 }, { label: "项目", rowSpan: 2 }, { label: "资金性质", colSpan: 4 }],
      [{ label: "合计" }, { label: "一般公共预算财政拨款" }, { label: "政府性基金预算拨款" }, { label: "国有资本经营预算财政拨款" }],
    ],
    columns: [
      SEQ,
      col("item", "text", "项目"),
      col("total", "amount", "合计"),
      col("generalBudget", "amount", "一般公共预算财政拨款"),
      col("governmentFund", "amount", "政府性基金预算拨款"),
      col("stateCapital", "amount", "国有资本经营预算财政拨款"),
    ],
    rows,
    emptyNote: emptyNote(rows, "注：无财政拨款“三公”经费预算，空表列示。"),
  };
}

/** Derives the nine tables of the disclosure from the normalised budget. Pure and fast. */
export function deriveTables(budget: Budget, codeBook: CodeBook): DerivedTables {
  const functionalName = nameLookup(codeBook, "functional");
  const economicName = nameLookup(codeBook, "economic");
  return {
    T1: deriveT1(budget),
    T2: deriveT2(budget, functionalName),
    T3: deriveT3(budget, functionalName),
    T4: deriveT4(budget),
    T5: deriveAppropriationTable(budget, "GENERAL_BUDGET", functionalName),
    T6: deriveT6(budget, economicName),
    T7: deriveAppropriationTable(budget, "GOVERNMENT_FUND", functionalName),
    T8: deriveAppropriationTable(budget, "STATE_CAPITAL", functionalName),
    T9: deriveT9(budget),
  };
}
