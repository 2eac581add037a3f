import { formatChinaDate, formatChinaDateTime } from "@/lib/disclosure/china-time";
import {
  ASSET_ROWS,
  ASSET_TITLE,
  indicatorValueText,
  NARRATIVE_PARTS,
  narrativePartTitle,
  PROCUREMENT_EMPTY_NOTE,
  PROCUREMENT_FUNDING_COLUMNS,
  PROCUREMENT_NOTE,
  PROCUREMENT_TITLE,
  SPENDING_PLAN_COLUMNS,
  type NarrativePartId,
} from "@/lib/disclosure/document-outline";
import { amountUnitLabel, formatAmount, formatAmountPrecise } from "@/lib/disclosure/money";
import { columnNumbers, printRows } from "@/lib/disclosure/print";
import { groupChangedRows } from "@/lib/disclosure/table-diff";
import { TABLE_IDS, type DerivedTable } from "@/lib/disclosure/table-model";
import type { Fen, PerformanceIndicator, Project } from "@/lib/disclosure/types";
import type { SnapshotContent } from "@/lib/publication/snapshot-content";

/**
 * The published document as a list of printable blocks, built from the frozen SnapshotContent:
 * what the PDF (lib/export/pdf.ts) and the Word file (lib/export/docx.ts) lay out, in the order
 * and wording of the page (components/disclosure/disclosure-document.tsx). Tables carry their
 * merged cells HTML-style (a cell skips the slots a rowSpan from above fills) and their caption,
 * the same text as the page's <caption>.
 */

export type Align = "left" | "center" | "right";

export interface ModelCell {
  text: string;
  align?: Align;
  bold?: boolean;
  /** indentation steps (类/款/项 names) */
  indent?: number;
  colSpan?: number;
  rowSpan?: number;
  /** a label cell (th): shaded lightly */
  isLabel?: boolean;
}

export interface ModelTable {
  /** the page's <caption> for this table */
  caption: string;
  /** whether the caption is printed above the table (false when a heading already shows it) */
  showCaption: boolean;
  /** relative column widths: the widths when not fitContent, else only the column count */
  widths: number[];
  /** columns as wide as their content needs (a browser's auto layout); false for grid forms */
  fitContent: boolean;
  /** header rows, repeated on every page the table runs over */
  header: ModelCell[][];
  body: ModelCell[][];
  note: string | null;
}

export type Orientation = "portrait" | "landscape";

export type Block =
  | { kind: "cover"; title: string; subtitle: string; facts: [string, string][] }
  | { kind: "page-break"; orientation: Orientation }
  | { kind: "heading"; level: 1 | 2 | 3; text: string; align?: Align }
  /** the line under a table's title: unit on the left, then year and amount unit */
  | { kind: "meta"; items: string[] }
  | { kind: "paragraph"; text: string; indent?: boolean; small?: boolean }
  | { kind: "table"; table: ModelTable };

export interface DocumentModel {
  /** e.g. 中共…本级2024年单位预算 */
  title: string;
  blocks: Block[];
}

/** Splits text entered with line breaks into paragraphs. */
function paragraphs(text: string): string[] {
  return text
    .split(/\n+/)
    .map((line) => line.trim())
    .filter((line) => line !== "");
}

const EMPTY_ROW_TEXT = "（本表无数据）";

function budgetTable(table: DerivedTable, content: SnapshotContent): ModelTable {
  const printed = printRows(table, content.budget.amountUnit);
  const nameIndex = table.columns.findIndex((c) => c.kind === "text");
  const header: ModelCell[][] = table.header.map((row) =>
    row.map((cell) => ({ text: cell.label, align: "center", colSpan: cell.colSpan, rowSpan: cell.rowSpan, isLabel: true })),
  );
  header.push(columnNumbers(table).map((n) => ({ text: n, align: "center" })));
  const body: ModelCell[][] =
    table.rows.length === 0
      ? [[{ text: EMPTY_ROW_TEXT, align: "center", colSpan: table.columns.length }]]
      : table.rows.map((row, r) =>
          table.columns.map((column, c) => ({
            text: printed[r]?.[c] ?? "",
            align: column.kind === "amount" ? "right" : column.kind === "seq" ? "center" : "left",
            bold: row.kind === "total",
            indent: c === nameIndex ? Math.max(0, row.level - 1) : 0,
          })),
        );
  const widths = table.columns.map((column) => (column.kind === "text" ? 3.2 : column.kind === "code" ? 1.3 : column.kind === "seq" ? 0.7 : 1.2));
  return { caption: `表${table.number} ${table.title}`, showCaption: false, widths, fitContent: true, header, body, note: table.emptyNote };
}

function tableMeta(content: SnapshotContent): string[] {
  const { budget } = content;
  return [`${budget.unit.code}${budget.unit.name}`, `预算年度：${budget.year}`, `单位：${amountUnitLabel(budget.amountUnit)}`];
}

function cover(content: SnapshotContent): Block {
  const { budget, narrative } = content;
  const unitLabel = amountUnitLabel(budget.amountUnit);
  const isDepartment = content.department !== undefined;
  return {
    kind: "cover",
    title: budget.unit.name,
    subtitle: `${budget.year}年${isDepartment ? "部门预算" : "单位预算"}`,
    facts: [
      [isDepartment ? "部门编码" : "单位编码", budget.unit.code],
      ["预算年度", String(budget.year)],
      ["金额单位", unitLabel],
      ["收支总计", `${formatAmount(narrative.figures.income.total, budget.amountUnit)}${unitLabel}`],
      ["所属地区", budget.region.name],
      isDepartment ? ["汇总单位", `${content.department?.units.length ?? 0}个预算单位`] : ["主管部门", budget.department.name],
    ],
  };
}

function coverageBlocks(content: SnapshotContent): Block[] {
  const { budget, department } = content;
  if (department === undefined) return [];
  const title = "部门预算汇总范围";
  const unit = budget.amountUnit;
  return [
    { kind: "heading", level: 2, text: title },
    {
      kind: "paragraph",
      indent: true,
      text: `本部门预算由所属${department.units.length}个预算单位经财政部门批复的${budget.year}年单位预算汇总编制，所属预算单位已全部批复、全部纳入汇总。各表金额为所属单位金额之和。`,
    },
    {
      kind: "table",
      table: {
        caption: title,
        showCaption: false,
        widths: [1.2, 4, 1, 1.3, 1.6],
    fitContent: true,
        header: [["单位编码", "单位名称", "汇总版本", "批复日期", `收支总计（${amountUnitLabel(unit)}）`].map((text) => ({ text, align: "center", isLabel: true }))],
        body: department.units.map((u) => [
          { text: u.code, align: "center" },
          { text: u.name },
          { text: `第${u.budgetVersion}版`, align: "center" },
          { text: u.approvedAt ?? "", align: "center" },
          { text: formatAmount(u.total, unit), align: "right" },
        ]),
        note: null,
      },
    },
  ];
}

function organisationTable(content: SnapshotContent): ModelTable {
  const { unit } = content.budget;
  const title = content.department === undefined ? "单位机构设置情况" : "部门所属单位构成情况";
  const rows =
    content.department === undefined
      ? [{ name: unit.name, nature: unit.nature, grade: unit.grade, fundingForm: unit.fundingForm }]
      : content.department.units;
  return {
    caption: title,
    showCaption: true,
    widths: [4, 1.3, 1.3, 1.6],
    fitContent: true,
    header: [["单位名称", "单位性质", "单位规格", "经费保障形式"].map((text) => ({ text, align: "center", isLabel: true }))],
    body: rows.map((row) => [
      { text: row.name },
      { text: row.nature, align: "center" },
      { text: row.grade, align: "center" },
      { text: row.fundingForm, align: "center" },
    ]),
    note: null,
  };
}

/** Consecutive equal 一级 and 二级 cells merge, as on the official form. */
function indicatorBody(indicators: readonly PerformanceIndicator[]): ModelCell[][] {
  const rows: ModelCell[][] = [];
  let level1Head: ModelCell | undefined;
  let level2Head: ModelCell | undefined;
  let previous: PerformanceIndicator | undefined;
  for (const indicator of indicators) {
    const row: ModelCell[] = [];
    if (previous === undefined || indicator.level1 !== previous.level1) {
      level1Head = { text: indicator.level1, align: "center", rowSpan: 1, isLabel: true };
      level2Head = { text: indicator.level2, align: "center", rowSpan: 1, isLabel: true };
      row.push(level1Head, level2Head);
    } else {
      if (level1Head) level1Head.rowSpan = (level1Head.rowSpan ?? 1) + 1;
      if (indicator.level2 !== previous.level2 || level2Head === undefined) {
        level2Head = { text: indicator.level2, align: "center", rowSpan: 1, isLabel: true };
        row.push(level2Head);
      } else {
        level2Head.rowSpan = (level2Head.rowSpan ?? 1) + 1;
      }
    }
    row.push({ text: indicator.name }, { text: indicator.description }, { text: indicatorValueText(indicator), align: "center" }, { text: indicator.basis });
    rows.push(row);
    previous = indicator;
  }
  return rows;
}

function performanceBlocks(project: Project, index: number, content: SnapshotContent): Block[] {
  const unit = content.budget.amountUnit;
  const money = (fen: Fen) => formatAmount(fen, unit, { blankZero: true });
  const label = (text: string, colSpan = 1, rowSpan = 1): ModelCell => ({ text, colSpan, rowSpan, align: "center", isLabel: true });
  const value = (text: string, colSpan: number, align: Align = "left"): ModelCell => ({ text, colSpan, align });
  const summary: ModelTable = {
    caption: `${project.name}：项目概况与资金支出计划`,
    showCaption: true,
    widths: [1.6, ...Array.from({ length: 12 }, () => 1)],
    fitContent: false,
    header: [],
    body: [
      [label("项目编码"), value(project.code, 4), label("项目名称", 2), value(project.name, 6)],
      [
        label("预算规模及资金用途", 1, 2),
        label("预算数", 2),
        value(money(project.amount), 2, "right"),
        label("其中：财政资金", 2),
        value(money(project.fiscalAmount), 2, "right"),
        label("其他资金", 2),
        value(money(project.otherAmount), 2, "right"),
      ],
      [label("资金用途", 2), value(project.purpose, 10)],
      [label("资金支出计划（%）", 1, 2), ...SPENDING_PLAN_COLUMNS.map(([, text]) => label(text, 3))],
      SPENDING_PLAN_COLUMNS.map(([key]) => value(`${project.spendingPlan[key]}%`, 3, "center")),
      [label("绩效目标"), value(project.performanceGoal, 12)],
    ],
    note: null,
  };
  const indicators: ModelTable = {
    caption: `${project.name}：绩效指标`,
    showCaption: true,
    widths: [1.1, 1.3, 2, 3, 1.1, 2.2],
    fitContent: true,
    header: [["一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值", "指标值确定依据"].map((text) => label(text))],
    body: indicatorBody(project.indicators),
    note: null,
  };
  return [
    ...(index > 1 ? [{ kind: "page-break", orientation: "portrait" } as const] : []),
    { kind: "heading", level: 3, text: `${index}、${project.name}绩效目标表`, align: "center" },
    { kind: "paragraph", text: `单位：${amountUnitLabel(unit)}`, small: true },
    { kind: "table", table: summary },
    { kind: "table", table: indicators },
  ];
}

function procurementTable(content: SnapshotContent): ModelTable {
  const { budget } = content;
  const money = (fen: Fen) => formatAmount(fen, budget.amountUnit, { blankZero: true });
  const projectAmount = new Map(budget.projects.map((p) => [p.name, p.amount]));
  const columnCount = 7 + PROCUREMENT_FUNDING_COLUMNS.length + 1;
  const label = (text: string, colSpan = 1, rowSpan = 1): ModelCell => ({ text, colSpan, rowSpan, align: "center", isLabel: true });
  return {
    caption: PROCUREMENT_TITLE,
    showCaption: false,
    widths: [2.4, 1.1, 2, 1.4, 0.8, 0.8, 1, ...PROCUREMENT_FUNDING_COLUMNS.map(() => 1.1), 1.2],
    fitContent: true,
    header: [
      [
        label("政府采购项目来源", 2),
        label("采购物品名称", 1, 2),
        label("政府采购目录序号", 1, 2),
        label("计量单位", 1, 2),
        label("数量", 1, 2),
        label("单价", 1, 2),
        label("政府采购金额（当年部门预算安排资金）", PROCUREMENT_FUNDING_COLUMNS.length),
        label(`${budget.year}年预留中小微企业份额`, 1, 2),
      ],
      [label("项目名称"), label("预算资金"), ...PROCUREMENT_FUNDING_COLUMNS.map(([, text]) => label(text))],
    ],
    body:
      budget.procurement.length === 0
        ? [[{ text: EMPTY_ROW_TEXT, align: "center", colSpan: columnCount }]]
        : budget.procurement.map((row) => [
            { text: row.projectName },
            { text: money(projectAmount.get(row.projectName) ?? 0), align: "right" },
            { text: row.itemName },
            { text: row.catalogueCode },
            { text: row.unitOfMeasure, align: "center" },
            { text: row.quantity === 0 ? "" : String(row.quantity), align: "right" },
            { text: money(row.unitPrice), align: "right" },
            ...PROCUREMENT_FUNDING_COLUMNS.map(([key]) => ({ text: money(row[key]), align: "right" as const })),
            { text: money(row.smeReserved), align: "right" },
          ]),
    note: budget.procurement.length === 0 ? PROCUREMENT_EMPTY_NOTE : PROCUREMENT_NOTE,
  };
}

function assetTable(content: SnapshotContent): ModelTable {
  const { budget, narrative } = content;
  const unit = budget.amountUnit;
  const value = (fen: Fen) => (fen === 0 ? "" : formatAmountPrecise(fen, unit));
  const holdings = new Map(budget.assets.holdings.map((h) => [h.category, h]));
  return {
    caption: ASSET_TITLE,
    showCaption: false,
    widths: [3, 1.2, 1.6],
    fitContent: true,
    header: [[{ text: "项目", align: "center", isLabel: true }, { text: "数量", align: "center", isLabel: true }, { text: `价值（金额单位：${amountUnitLabel(unit)}）`, align: "center", isLabel: true }]],
    body: [
      [{ text: "资产总额", bold: true }, { text: "" }, { text: value(narrative.assetTotal), align: "right", bold: true }],
      ...ASSET_ROWS.map(({ category, label, isSubItem }) => {
        const holding = holdings.get(category);
        return [
          { text: label, indent: isSubItem ? 1 : 0 },
          { text: holding && holding.quantity !== 0 ? String(holding.quantity) : "", align: "right" as const },
          { text: holding ? value(holding.value) : "", align: "right" as const },
        ];
      }),
    ],
    note: null,
  };
}

function part(id: NarrativePartId, isDepartment: boolean): Block {
  const found = NARRATIVE_PARTS.find((p) => p.id === id);
  return { kind: "heading", level: 2, text: narrativePartTitle(found?.title ?? "", isDepartment) };
}

function narrativeBlocks(content: SnapshotContent): Block[] {
  const { budget, narrative } = content;
  const isDepartment = content.department !== undefined;
  const scope = isDepartment ? "部门" : "单位";
  const text = (value: string): Block => ({ kind: "paragraph", text: value, indent: true });
  const otherNotes = paragraphs(budget.narrative.otherNotes);
  return [
    { kind: "page-break", orientation: "portrait" },
    { kind: "heading", level: 1, text: `${budget.unit.name}${budget.year}年${scope}预算信息公开情况说明`, align: "center" },
    text(narrative.intro),
    part("narrative-duties", isDepartment),
    { kind: "paragraph", text: `${scope}职责：` },
    ...budget.unit.duties.map(text),
    { kind: "paragraph", text: "机构设置：" },
    ...paragraphs(budget.unit.organisation).map(text),
    { kind: "table", table: organisationTable(content) },
    part("narrative-overview", isDepartment),
    text(`按照预算管理有关规定，目前${scope}预算的编制实行综合预算管理，即全部收入和支出都反映在预算中。`),
    { kind: "heading", level: 3, text: "1、收入说明" },
    text(narrative.income),
    { kind: "heading", level: 3, text: "2、支出说明" },
    text(narrative.expenditure),
    { kind: "heading", level: 3, text: "3、比上年增减情况" },
    text(narrative.change),
    part("narrative-operating-funds", isDepartment),
    text(narrative.operatingFunds),
    part("narrative-three-public", isDepartment),
    text(narrative.threePublic),
    { kind: "page-break", orientation: "portrait" },
    part("narrative-performance", isDepartment),
    ...(budget.projects.length === 0 ? [text(`本${scope}${budget.year}年无项目支出预算，无项目绩效目标表。`)] : []),
    ...budget.projects.flatMap((project, i) => performanceBlocks(project, i + 1, content)),
    { kind: "page-break", orientation: "landscape" },
    part("narrative-procurement", isDepartment),
    { kind: "heading", level: 3, text: PROCUREMENT_TITLE, align: "center" },
    { kind: "meta", items: [`${budget.unit.code}${budget.unit.name}`, `单位：${amountUnitLabel(budget.amountUnit)}`] },
    { kind: "table", table: procurementTable(content) },
    { kind: "page-break", orientation: "portrait" },
    part("narrative-assets", isDepartment),
    text(narrative.assets),
    { kind: "heading", level: 3, text: ASSET_TITLE, align: "center" },
    { kind: "meta", items: [`${budget.unit.code}${budget.unit.name}`, `截止时间：${budget.assets.asOf}`] },
    { kind: "table", table: assetTable(content) },
    part("narrative-glossary", isDepartment),
    ...budget.glossary.map((entry, i): Block => ({ kind: "paragraph", text: `${i + 1}、${entry.term}：${entry.definition}`, indent: true })),
    part("narrative-other", isDepartment),
    ...(otherNotes.length > 0 ? otherNotes.map(text) : [text("无。")]),
  ];
}

function colophon(content: SnapshotContent, contentHash: string): Block[] {
  const { version, publishedAt, approvedAt } = content.publication;
  const facts = [`版本 v${version}`, `发布时间：${formatChinaDateTime(publishedAt)}（北京时间）`];
  if (approvedAt) facts.push(`批复日期：${formatChinaDate(approvedAt)}`);
  return [
    { kind: "paragraph", text: facts.join(" · "), small: true },
    { kind: "paragraph", text: `内容校验码（SHA-256）：${contentHash}`, small: true },
    { kind: "paragraph", text: "依据《中华人民共和国预算法》与《地方预决算公开操作规程》公开。", small: true },
  ];
}

/** A correction's changed figures, one line each: 表2 2013701 行政运行 · 合计：12.00 → 15.00. */
function changedFigureBlocks(content: SnapshotContent): Block[] {
  const { changedFigures, version } = content.publication;
  if (changedFigures === undefined) return [];
  const unit = content.budget.amountUnit;
  if (changedFigures.length === 0) return [{ kind: "paragraph", text: `与第${version - 1}版相比，九张表的金额没有变化。`, indent: true }];
  const figure = (fen: number | null) => (fen === null ? "（无此行）" : formatAmount(fen, unit));
  return [
    { kind: "paragraph", text: `与第${version - 1}版相比更正的数字（单位：${amountUnitLabel(unit)}）：` },
    ...groupChangedRows(changedFigures)
      .filter((row) => !row.isSubtotal)
      .map(
      (row): Block => ({
        kind: "paragraph",
        text: `表${row.table} ${row.rowLabel} · ${row.columns.join("、")}：${figure(row.oldFen)} → ${figure(row.newFen)}`,
        small: true,
      }),
    ),
  ];
}

/** The whole document as printable blocks: cover, 更正说明, the nine tables (each on its page), the 情况说明 一 to 九. */
export function documentModel(content: SnapshotContent, info: { contentHash: string }): DocumentModel {
  const { budget, tables, publication } = content;
  const isDepartment = content.department !== undefined;
  const blocks: Block[] = [cover(content)];
  if (publication.correctionNote !== null) {
    blocks.push(
      { kind: "page-break", orientation: "portrait" },
      { kind: "heading", level: 2, text: `更正说明（第${publication.version}版）` },
      ...paragraphs(publication.correctionNote).map((text): Block => ({ kind: "paragraph", text, indent: true })),
      ...changedFigureBlocks(content),
    );
  }
  if (isDepartment) blocks.push({ kind: "page-break", orientation: "portrait" }, ...coverageBlocks(content));
  for (const id of TABLE_IDS) {
    const table = tables[id];
    blocks.push(
      { kind: "page-break", orientation: id === "T2" ? "landscape" : "portrait" },
      { kind: "heading", level: 1, text: `表${table.number} ${table.title}`, align: "center" },
      { kind: "meta", items: tableMeta(content) },
      { kind: "table", table: budgetTable(table, content) },
    );
  }
  blocks.push(...narrativeBlocks(content), ...colophon(content, info.contentHash));
  return { title: `${budget.unit.name}${budget.year}年${isDepartment ? "部门预算" : "单位预算"}`, blocks };
}
