import { amountUnitLabel, FEN_PER_WAN_YUAN, FEN_PER_YUAN, formatAmount } from "@/lib/disclosure/money";
import { columnNumbers } from "@/lib/disclosure/print";
import { TABLE_IDS, type ColumnKind, type DerivedTable, type HeaderCell, type RowKind, type TableId } from "@/lib/disclosure/table-model";
import type { AmountUnit, AssetCategory, Comparator, Fen, SpendingPlan } from "@/lib/disclosure/types";
import { contentHash, type SnapshotContent } from "@/lib/publication/snapshot-content";
import { ASSET_CATEGORY_LABEL, indicatorValueText } from "./open-data-values";

/**
 * The machine-readable form of one published disclosure. docs/open-data.md documents every
 * field; a change that is not purely additive must raise `formatVersion`.
 */
export const OPEN_DATA_FORMAT = "gongkai.unit-budget";
export const OPEN_DATA_FORMAT_VERSION = 1;

/** An amount twice: as the document prints it and exactly. */
export interface OpenDataAmount {
  /** decimal string in the document's unit, two decimals, rounded half away from zero, e.g. "116.76" */
  value: string;
  /** exact integer number of 分 (1 元 = 100 分) */
  fen: number;
}

export type OpenDataCell = number | string | OpenDataAmount | null;

export interface OpenDataColumn {
  key: string;
  kind: ColumnKind;
  label: string;
  /** the 栏次 label: "栏次" for 序号, else "1", "2", … */
  columnNumber: string;
}

export interface OpenDataRow {
  key: string;
  kind: RowKind;
  level: 0 | 1 | 2 | 3;
  /** by column key: 序号 a number, codes and names strings, amounts OpenDataAmount, empty cells null */
  cells: Record<string, OpenDataCell>;
}

export interface OpenDataTable {
  id: TableId;
  number: number;
  title: string;
  header: HeaderCell[][];
  columns: OpenDataColumn[];
  rows: OpenDataRow[];
  emptyNote: string | null;
}

export interface OpenDataIndicator {
  level1: string;
  level2: string;
  name: string;
  description: string;
  /** 指标值 as printed, e.g. "≥95%" */
  value: string;
  comparator: Comparator;
  /** the number as written, e.g. "95" */
  number: string;
  unit: string;
  basis: string;
}

export interface OpenDataProject {
  code: string;
  name: string;
  functionalCode: string;
  amount: OpenDataAmount;
  fiscalAmount: OpenDataAmount;
  otherAmount: OpenDataAmount;
  priorYearAmount: OpenDataAmount | null;
  changeReason: string;
  purpose: string;
  /** cumulative percent spent by the end of March, June, October and December */
  spendingPlan: SpendingPlan;
  performanceGoal: string;
  indicators: OpenDataIndicator[];
}

export interface OpenDataDocument {
  format: typeof OPEN_DATA_FORMAT;
  formatVersion: typeof OPEN_DATA_FORMAT_VERSION;
  /** for a department's 部门预算, `unit` is the department itself */
  unit: { code: string; name: string; nature: string; grade: string; fundingForm: string };
  /** present only in a 部门预算: the units (and budget versions) it sums */
  departmentBudget?: {
    units: { code: string; name: string; budgetVersion: number; approvedAt: string | null; total: OpenDataAmount }[];
  };
  department: { code: string; name: string };
  region: { code: string; name: string };
  year: number;
  amountUnit: { code: AmountUnit; label: string; fenPerUnit: number };
  publication: {
    version: number;
    publishedAt: string;
    approvedAt: string | null;
    correctionNote: string | null;
    /** sha256 of the snapshot content, as printed on the public page */
    contentHash: string;
  };
  tables: OpenDataTable[];
  narrative: {
    intro: string;
    duties: string[];
    organisation: string;
    income: string;
    expenditure: string;
    change: string;
    operatingFunds: string;
    threePublic: string;
    assets: string;
    otherNotes: string;
  };
  figures: {
    incomeTotal: OpenDataAmount;
    expenditureTotal: OpenDataAmount;
    basic: OpenDataAmount;
    personnel: OpenDataAmount;
    public: OpenDataAmount;
    project: OpenDataAmount;
    operatingFunds: OpenDataAmount;
    threePublic: OpenDataAmount;
  };
  projects: OpenDataProject[];
  procurement: {
    projectName: string;
    itemName: string;
    catalogueCode: string;
    unitOfMeasure: string;
    quantity: number;
    unitPrice: OpenDataAmount;
    generalBudget: OpenDataAmount;
    governmentFund: OpenDataAmount;
    stateCapital: OpenDataAmount;
    specialAccount: OpenDataAmount;
    unitFunds: OpenDataAmount;
    carryover: OpenDataAmount;
    total: OpenDataAmount;
    smeReserved: OpenDataAmount;
  }[];
  assets: {
    asOf: string;
    holdings: { category: AssetCategory; label: string; quantity: number; value: OpenDataAmount }[];
    /** 资产总额 as printed: stated by the unit, or the sum of the categories when left blank */
    totalValue: OpenDataAmount;
    isTotalValueStated: boolean;
    plannedPurchases: OpenDataAmount;
  };
  glossary: { term: string; definition: string }[];
}

function amountOf(fen: Fen, unit: AmountUnit): OpenDataAmount {
  return { value: formatAmount(fen, unit), fen };
}

function tableOf(table: DerivedTable, unit: AmountUnit): OpenDataTable {
  const numbers = columnNumbers(table);
  return {
    id: table.id,
    number: table.number,
    title: table.title,
    header: table.header.map((row) => row.map((cell) => ({ ...cell }))),
    columns: table.columns.map((c, i) => ({ key: c.key, kind: c.kind, label: c.label, columnNumber: numbers[i] ?? "" })),
    rows: table.rows.map((row) => ({
      key: row.key,
      kind: row.kind,
      level: row.level,
      cells: Object.fromEntries(
        table.columns.map((column, i): [string, OpenDataCell] => {
          const cell = row.cells[i] ?? null;
          if (cell === null) return [column.key, null];
          if (column.kind === "amount") return [column.key, typeof cell === "number" ? amountOf(cell, unit) : null];
          if (column.kind === "seq") return [column.key, typeof cell === "number" ? cell : Number(cell)];
          return [column.key, String(cell)];
        }),
      ),
    })),
    emptyNote: table.emptyNote,
  };
}

/** Builds the open-data document; `exportJson` serialises it. */
export function openDataDocument(content: SnapshotContent): OpenDataDocument {
  const { budget, narrative, publication } = content;
  const unit = budget.amountUnit;
  const a = (fen: Fen): OpenDataAmount => amountOf(fen, unit);
  const f = narrative.figures;
  return {
    format: OPEN_DATA_FORMAT,
    formatVersion: OPEN_DATA_FORMAT_VERSION,
    unit: {
      code: budget.unit.code,
      name: budget.unit.name,
      nature: budget.unit.nature,
      grade: budget.unit.grade,
      fundingForm: budget.unit.fundingForm,
    },
    department: { code: budget.department.code, name: budget.department.name },
    region: { code: budget.region.code, name: budget.region.name },
    year: budget.year,
    amountUnit: { code: unit, label: amountUnitLabel(unit), fenPerUnit: unit === "WAN_YUAN" ? FEN_PER_WAN_YUAN : FEN_PER_YUAN },
    publication: {
      version: publication.version,
      publishedAt: publication.publishedAt,
      approvedAt: publication.approvedAt,
      correctionNote: publication.correctionNote,
      contentHash: contentHash(content),
    },
    tables: TABLE_IDS.map((id) => tableOf(content.tables[id], unit)),
    narrative: {
      intro: narrative.intro,
      duties: [...budget.unit.duties],
      organisation: budget.unit.organisation,
      income: narrative.income,
      expenditure: narrative.expenditure,
      change: narrative.change,
      operatingFunds: narrative.operatingFunds,
      threePublic: narrative.threePublic,
      assets: narrative.assets,
      otherNotes: budget.narrative.otherNotes,
    },
    figures: {
      incomeTotal: a(f.income.total),
      expenditureTotal: a(f.expenditureTotal),
      basic: a(f.basic),
      personnel: a(f.personnel),
      public: a(f.public),
      project: a(f.project),
      operatingFunds: a(f.operatingFunds),
      threePublic: a(f.threePublic.total),
    },
    projects: budget.projects.map((p) => ({
      code: p.code,
      name: p.name,
      functionalCode: p.functionalCode,
      amount: a(p.amount),
      fiscalAmount: a(p.fiscalAmount),
      otherAmount: a(p.otherAmount),
      priorYearAmount: p.priorYearAmount === null ? null : a(p.priorYearAmount),
      changeReason: p.changeReason,
      purpose: p.purpose,
      spendingPlan: { ...p.spendingPlan },
      performanceGoal: p.performanceGoal,
      indicators: p.indicators.map((i) => ({
        level1: i.level1,
        level2: i.level2,
        name: i.name,
        description: i.description,
        value: indicatorValueText(i),
        comparator: i.comparator,
        number: i.value,
        unit: i.valueUnit,
        basis: i.basis,
      })),
    })),
    procurement: budget.procurement.map((r) => ({
      projectName: r.projectName,
      itemName: r.itemName,
      catalogueCode: r.catalogueCode,
      unitOfMeasure: r.unitOfMeasure,
      quantity: r.quantity,
      unitPrice: a(r.unitPrice),
      generalBudget: a(r.generalBudget),
      governmentFund: a(r.governmentFund),
      stateCapital: a(r.stateCapital),
      specialAccount: a(r.specialAccount),
      unitFunds: a(r.unitFunds),
      carryover: a(r.carryover),
      total: a(r.total),
      smeReserved: a(r.smeReserved),
    })),
    assets: {
      asOf: budget.assets.asOf,
      holdings: budget.assets.holdings.map((h) => ({
        category: h.category,
        label: ASSET_CATEGORY_LABEL[h.category],
        quantity: h.quantity,
        value: a(h.value),
      })),
      totalValue: a(narrative.assetTotal),
      isTotalValueStated: budget.assets.statedTotalValue !== null,
      plannedPurchases: a(budget.assets.plannedPurchases),
    },
    glossary: budget.glossary.map((g) => ({ term: g.term, definition: g.definition })),
    ...(content.department === undefined
      ? {}
      : {
          departmentBudget: {
            units: content.department.units.map((u) => ({
              code: u.code,
              name: u.name,
              budgetVersion: u.budgetVersion,
              approvedAt: u.approvedAt,
              total: a(u.total),
            })),
          },
        }),
  };
}

/** The open-data document as UTF-8 JSON (no BOM), two-space indented, with a final newline. */
export function exportJson(content: SnapshotContent): Buffer {
  return Buffer.from(`${JSON.stringify(openDataDocument(content), null, 2)}\n`, "utf8");
}

