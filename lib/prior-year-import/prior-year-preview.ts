import { amountUnitLabel, formatAmount } from "@/lib/disclosure/money";
import type { AmountUnit, Fen, GlossaryEntry } from "@/lib/disclosure/types";
import type { ImportedDocument } from "@/lib/import/import-document";
import type { Figure } from "@/lib/import/read-figures";
import type { FigureSource } from "@/lib/import/tables/read-tables";
import { priorYearIn } from "./apply-starting-point";
import type { PriorYearDocument } from "./read-prior-year-document";

/** The narrative sections offered as starting text, each accepted (or not) by the accountant. */
export const PRIOR_YEAR_SECTIONS = ["duties", "organisation", "glossary"] as const;
export type PriorYearSection = (typeof PRIOR_YEAR_SECTIONS)[number];

export const PRIOR_YEAR_SECTION_LABELS: Record<PriorYearSection, string> = {
  duties: "单位职责",
  organisation: "机构设置",
  glossary: "名词解释",
};

const TEMPLATE_LABELS: Record<ImportedDocument["template"], string> = {
  "hebei-county": "河北县级模板",
  "shanghai-district": "上海区级模板",
  "shanghai-municipal": "上海市级模板",
  "jiangsu-provincial": "江苏省级模板",
  unknown: "未知模板",
};

/** Where a figure was printed, and the printed row itself, for the screen to put beside the figure. */
export interface SourceView {
  page: number;
  table: string;
  row: number;
  column: string;
  /** the row as printed: its label and the printed amount */
  printed: string;
}

export interface PriorYearFigureView {
  key: "total" | "basic" | "project" | "threePublic";
  label: string;
  /** as it will be stored, in the draft's amount unit */
  amount: string;
  fen: Fen;
  /** as read from the document, in 元 */
  readYuan: string;
  /** the draft's unit (万元, two decimals) cannot hold the figure exactly: it is rounded */
  rounded: boolean;
  /** null: not printed as one figure (summed from several), or not read at all (see `read`) */
  source: SourceView | null;
  read: boolean;
}

export interface PriorYearSectionView {
  key: PriorYearSection;
  label: string;
  /** paragraphs (名词解释: “术语：解释”) as read from the document */
  paragraphs: string[];
  /** the same section in the draft now, to compare */
  current: string[];
  /** 1-based page where the section starts, when known */
  page: number | null;
}

/** What the screen shows before anything is saved: plain, serialisable data. */
export interface PriorYearPreviewView {
  fileNames: string[];
  document: { unitName: string; year: number; scopeLabel: string; templateLabel: string; pages: number; amountUnit: string };
  figures: PriorYearFigureView[];
  /** other figures read (for checking against the printed document), with their sources */
  otherFigures: { label: string; amount: string; source: SourceView | null }[];
  /** what could not be read, named in Chinese */
  unread: string[];
  findings: { rule: string; severity: "error" | "warning"; message: string; where: string | null }[];
  sections: PriorYearSectionView[];
  lockVersion: number;
}

const FIGURES: { key: PriorYearFigureView["key"]; label: string }[] = [
  { key: "total", label: "支出总额" },
  { key: "basic", label: "基本支出" },
  { key: "project", label: "项目支出" },
  { key: "threePublic", label: "“三公”经费" },
];

const yuan = (fen: Fen) => `${formatAmount(fen, "YUAN", { grouping: true })}元`;

function sourceView(doc: ImportedDocument, source: FigureSource | null): SourceView | null {
  if (source === null) return null;
  // `source.row` counts data rows from 1, `index` from 0
  const table = doc.tables.find((t) => t.title === source.table && t.page <= source.page && t.rows.some((r) => r.index === source.row - 1));
  const row = table?.rows.find((r) => r.index === source.row - 1);
  const amount = row?.amounts.find((a) => a.source.column === source.column) ?? row?.amounts[0];
  const printed = row ? `${row.code ? `${row.code} ` : ""}${row.label}${amount ? `　${amount.text}` : ""}` : "";
  return { page: source.page, table: source.table, row: source.row, column: source.column, printed };
}

export function glossaryParagraphs(glossary: readonly GlossaryEntry[]): string[] {
  return glossary.map((g) => `${g.term}：${g.definition}`);
}

function sectionPage(doc: ImportedDocument, first: string | undefined): number | null {
  if (first === undefined) return null;
  return doc.paragraphs.find((p) => p.text.includes(first.slice(0, 20)))?.page ?? null;
}

/** The preview of last year's document next to what the draft holds now. */
export function priorYearPreview(
  { doc, start }: PriorYearDocument,
  draft: { amountUnit: AmountUnit; duties: readonly string[]; organisation: string; glossary: readonly GlossaryEntry[] },
  meta: { fileNames: string[]; lockVersion: number },
): PriorYearPreviewView {
  const printedFigure: Record<PriorYearFigureView["key"], Figure | null> = {
    total: doc.figures.expenditureTotal ?? doc.figures.incomeTotal,
    basic: doc.figures.basic,
    project: doc.figures.project,
    threePublic: doc.figures.threePublic,
  };
  const stored = priorYearIn(draft.amountUnit, start.priorYear);
  const figures = FIGURES.map(({ key, label }) => {
    const fen = stored[key];
    const figure = printedFigure[key];
    return {
      key,
      label,
      amount: `${formatAmount(fen, draft.amountUnit, { grouping: true })}${amountUnitLabel(draft.amountUnit)}`,
      fen,
      readYuan: yuan(start.priorYear[key]),
      rounded: fen !== start.priorYear[key],
      source: sourceView(doc, figure?.source ?? null),
      read: figure !== null,
    };
  });
  const other: [string, Figure | null][] = [
    ["收入总计", doc.figures.incomeTotal],
    ["人员经费", doc.figures.personnel],
    ["公用经费", doc.figures.publicOperating],
    ["机关运行经费", doc.figures.operatingFunds],
    ["政府采购", doc.figures.procurement],
  ];
  const otherFigures = other.flatMap(([label, f]) => (f ? [{ label, amount: yuan(f.fen), source: sourceView(doc, f.source) }] : []));

  const read: Record<PriorYearSection, string[]> = {
    duties: start.duties,
    organisation: start.organisation ? start.organisation.split("\n") : [],
    glossary: glossaryParagraphs(start.glossary),
  };
  const current: Record<PriorYearSection, string[]> = {
    duties: [...draft.duties],
    organisation: draft.organisation ? draft.organisation.split("\n") : [],
    glossary: glossaryParagraphs(draft.glossary),
  };
  const unread = [
    ...figures.filter((f) => !f.read).map((f) => `未能读出上年${f.label}，将按 0 填入，请在表单中补填。`),
    ...PRIOR_YEAR_SECTIONS.filter((key) => read[key].length === 0).map((key) => `未能在文件中找到“${PRIOR_YEAR_SECTION_LABELS[key]}”部分。`),
  ];
  return {
    fileNames: meta.fileNames,
    document: {
      unitName: doc.unitName,
      year: doc.year,
      scopeLabel: doc.scope === "department" ? "部门预算" : "单位预算",
      templateLabel: TEMPLATE_LABELS[doc.template],
      pages: doc.pages,
      amountUnit: doc.amountUnit === "mixed" ? "元和万元（各表不同）" : doc.amountUnit,
    },
    figures,
    otherFigures,
    unread,
    findings: doc.findings.map((f) => ({
      rule: f.rule,
      severity: f.severity,
      message: f.message,
      where: f.source ? `第${f.source.page}页《${f.source.table}》第${f.source.row}行` : null,
    })),
    sections: PRIOR_YEAR_SECTIONS.map((key) => ({
      key,
      label: PRIOR_YEAR_SECTION_LABELS[key],
      paragraphs: read[key],
      current: current[key],
      page: sectionPage(doc, read[key][0]),
    })),
    lockVersion: meta.lockVersion,
  };
}
