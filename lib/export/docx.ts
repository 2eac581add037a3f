import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type FileChild,
  type ISectionOptions,
} from "docx";
import type { SnapshotContent } from "@/lib/publication/snapshot-content";
import { documentModel, type Align, type Block, type ModelCell, type ModelTable, type Orientation } from "./document-model";

/**
 * The published document as a Word file (.docx) in the official layout: the same blocks as the
 * PDF (lib/export/document-model.ts), each table with its merged header cells (repeated on every
 * page Word breaks it over) and rows that do not split, each of the nine tables and each 绩效目标表
 * on its own page, table 2 and the procurement table in landscape sections, page numbers in the
 * footer. County portals (政府网站集约化平台) often take an uploaded Word file; this is that file.
 */

/** A4 in twentieths of a point; landscape sections turn it. */
const A4 = { width: 11906, height: 16838 };
const MM = 56.7;
const MARGIN: Record<Orientation, { top: number; bottom: number; left: number; right: number }> = {
  portrait: { top: 15 * MM, bottom: 16 * MM, left: 14 * MM, right: 14 * MM },
  landscape: { top: 14 * MM, bottom: 14 * MM, left: 14 * MM, right: 14 * MM },
};
/** half-points */
const BODY = 21;
const TABLE = 18;
const HEADING: Record<1 | 2 | 3, number> = { 1: 30, 2: 25, 3: 22 };
const FONT = { ascii: "Times New Roman", hAnsi: "Times New Roman", eastAsia: "宋体" };
const HEADING_FONT = { ascii: "Times New Roman", hAnsi: "Times New Roman", eastAsia: "黑体" };

const ALIGN: Record<Align, (typeof AlignmentType)[keyof typeof AlignmentType]> = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
};

const RULE = { style: BorderStyle.SINGLE, size: 4, color: "000000" } as const;
/** Borders and padding set once per table, not per cell: Word files of a thousand cells stay quick to write. */
const BORDERS = { top: RULE, bottom: RULE, left: RULE, right: RULE, insideHorizontal: RULE, insideVertical: RULE };
const CELL_MARGINS = { top: 30, bottom: 30, left: 70, right: 70 };

function cell(model: ModelCell): TableCell {
  return new TableCell({
    columnSpan: model.colSpan,
    rowSpan: model.rowSpan,
    verticalAlign: VerticalAlignTable.CENTER,
    children: [
      new Paragraph({
        alignment: ALIGN[model.align ?? "left"],
        indent: model.indent ? { left: model.indent * 200 } : undefined,
        children: [new TextRun({ text: model.text, size: TABLE, bold: model.bold || model.isLabel })],
      }),
    ],
  });
}

function table(model: ModelTable, orientation: Orientation): FileChild[] {
  const pageWidth = (orientation === "landscape" ? A4.height : A4.width) - MARGIN[orientation].left - MARGIN[orientation].right;
  const total = model.widths.reduce((a, b) => a + b, 0);
  const columnWidths = model.widths.map((w) => Math.floor((w / total) * pageWidth));
  const rows = [
    ...model.header.map((cells) => new TableRow({ tableHeader: true, cantSplit: true, children: cells.map(cell) })),
    ...model.body.map((cells) => new TableRow({ cantSplit: true, children: cells.map(cell) })),
  ];
  const out: FileChild[] = [];
  if (model.showCaption) out.push(paragraph(model.caption, { size: TABLE, spacingAfter: 60 }));
  out.push(new Table({ rows, columnWidths, width: { size: pageWidth, type: WidthType.DXA }, borders: BORDERS, margins: CELL_MARGINS }));
  if (model.note !== null) out.push(paragraph(model.note, { size: TABLE, spacingBefore: 80 }));
  out.push(paragraph("", { size: TABLE }));
  return out;
}

function paragraph(
  text: string,
  options: { size?: number; bold?: boolean; align?: Align; indent?: boolean; spacingBefore?: number; spacingAfter?: number; heading?: boolean } = {},
): Paragraph {
  const size = options.size ?? BODY;
  return new Paragraph({
    alignment: options.align === undefined ? AlignmentType.JUSTIFIED : ALIGN[options.align],
    indent: options.indent ? { firstLine: size * 20 } : undefined,
    spacing: { before: options.spacingBefore ?? 0, after: options.spacingAfter ?? 80, line: 360 },
    keepNext: options.heading,
    children: [new TextRun({ text, size, bold: options.bold, font: options.heading ? HEADING_FONT : undefined })],
  });
}

function blockChildren(block: Exclude<Block, { kind: "page-break" }>, orientation: Orientation): FileChild[] {
  switch (block.kind) {
    case "cover":
      return [
        ...Array.from({ length: 8 }, () => paragraph("")),
        paragraph(block.title, { size: 44, bold: true, align: "center", heading: true, spacingAfter: 240 }),
        paragraph(block.subtitle, { size: 36, bold: true, align: "center", heading: true, spacingAfter: 800 }),
        ...block.facts.map(([term, value]) => paragraph(`${term}：${value}`, { size: 22, align: "center" })),
      ];
    case "heading":
      return [paragraph(block.text, { size: HEADING[block.level], bold: true, align: block.align ?? "left", heading: true, spacingBefore: block.level === 1 ? 0 : 160, spacingAfter: 120 })];
    case "meta":
      return [paragraph(block.items.join("　　　"), { size: 19, spacingAfter: 60 })];
    case "paragraph":
      return [paragraph(block.text, { size: block.small ? 17 : BODY, indent: block.indent })];
    case "table":
      return table(block.table, orientation);
  }
}

function footer(): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: [PageNumber.CURRENT, " / ", PageNumber.TOTAL_PAGES], size: 18, font: FONT })],
      }),
    ],
  });
}

/** One section per page break: each starts a page, in its own orientation. */
function sections(blocks: readonly Block[]): ISectionOptions[] {
  const result: { orientation: Orientation; children: FileChild[] }[] = [{ orientation: "portrait", children: [] }];
  for (const block of blocks) {
    if (block.kind === "page-break") {
      result.push({ orientation: block.orientation, children: [] });
      continue;
    }
    const current = result.at(-1);
    current?.children.push(...blockChildren(block, current.orientation));
  }
  return result
    .filter((section) => section.children.length > 0)
    .map((section) => ({
      properties: {
        page: {
          size: { width: A4.width, height: A4.height, orientation: section.orientation === "landscape" ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
          margin: MARGIN[section.orientation],
        },
      },
      footers: { default: footer() },
      children: section.children,
    }));
}

/** The Word file of a published version. */
export async function renderDocx(content: SnapshotContent, info: { contentHash: string }): Promise<Buffer> {
  const model = documentModel(content, info);
  const doc = new Document({
    creator: "预算公开平台",
    title: model.title,
    description: `内容校验码（SHA-256）：${info.contentHash}`,
    styles: { default: { document: { run: { font: FONT, size: BODY } } } },
    sections: sections(model.blocks),
  });
  return Packer.toBuffer(doc);
}
