import { zipSync, type Zippable } from "fflate";
import type { SnapshotContent } from "@/lib/publication/snapshot-content";
import { documentModel, type Align, type Block, type ModelCell, type ModelTable, type Orientation } from "./document-model";
import { CONTENT_TYPES_XML, coreXml, FOOTER_XML, PACKAGE_RELS_XML, DOCUMENT_RELS_XML, STYLES_XML, APP_XML, W_NS, escapeXml } from "./docx-parts";

/**
 * The published document as a Word file (.docx) in the official layout: the same blocks as the
 * PDF (lib/export/document-model.ts), each table with its merged header cells (repeated on every
 * page Word breaks it over) and rows that do not split, each of the nine tables and each 绩效目标表
 * on its own page, table 2 and the procurement table in landscape sections, page numbers in the
 * footer. County portals (政府网站集约化平台) often take an uploaded Word file; this is that file.
 *
 * WordprocessingML is written directly as text (ADR 0028): the `docx` package built an object per
 * element and serialised them through a generic XML layer, which cost ~170 ms a document (more
 * than the PDF) and stamped the current time and random ids into the file. Written here, a
 * document takes a few milliseconds, and **the same content gives the same bytes**: the core
 * properties carry the publication's date, the zip entries the same date, nothing depends on the
 * clock or on chance (tested).
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
const HEADING_FONTS = '<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="黑体"/>';

const JC: Record<Align | "both", string> = { left: "left", center: "center", right: "right", both: "both" };
const RULE = 'w:val="single" w:sz="4" w:space="0" w:color="000000"';
/** Borders and padding set once per table, not per cell. */
const TABLE_BORDERS = `<w:tblBorders>${["top", "left", "bottom", "right", "insideH", "insideV"].map((side) => `<w:${side} ${RULE}/>`).join("")}</w:tblBorders>`;
const CELL_MARGINS =
  '<w:tblCellMar><w:top w:w="30" w:type="dxa"/><w:left w:w="70" w:type="dxa"/><w:bottom w:w="30" w:type="dxa"/><w:right w:w="70" w:type="dxa"/></w:tblCellMar>';

function run(text: string, options: { size: number; bold?: boolean; heading?: boolean }): string {
  const props = `${options.heading ? HEADING_FONTS : ""}${options.bold ? "<w:b/><w:bCs/>" : ""}<w:sz w:val="${options.size}"/><w:szCs w:val="${options.size}"/>`;
  return `<w:r><w:rPr>${props}</w:rPr><w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r>`;
}

function paragraph(
  text: string,
  options: { size?: number; bold?: boolean; align?: Align; indent?: boolean; spacingBefore?: number; spacingAfter?: number; heading?: boolean } = {},
): string {
  const size = options.size ?? BODY;
  const keepNext = options.heading ? "<w:keepNext/>" : "";
  const spacing = `<w:spacing w:before="${options.spacingBefore ?? 0}" w:after="${options.spacingAfter ?? 80}" w:line="360" w:lineRule="auto"/>`;
  const indent = options.indent ? `<w:ind w:firstLine="${size * 20}"/>` : "";
  const jc = `<w:jc w:val="${JC[options.align ?? "both"]}"/>`;
  return `<w:p><w:pPr>${keepNext}${spacing}${indent}${jc}</w:pPr>${text === "" ? "" : run(text, { size, bold: options.bold, heading: options.heading })}</w:p>`;
}

interface GridCell {
  cell: ModelCell;
  column: number;
  colSpan: number;
  /** "restart" for the first row of a vertical merge, "continue" for the rows it covers below */
  vMerge: "restart" | "continue" | null;
}

/** Rows as Word wants them: the HTML-style rowSpan of the model becomes a cell in every row it spans (vMerge). */
function gridRows(rows: readonly (readonly ModelCell[])[]): GridCell[][] {
  const covering = new Map<string, GridCell>();
  return rows.map((cells, row) => {
    const out: GridCell[] = [];
    let column = 0;
    const takeCovered = () => {
      for (let from = covering.get(`${row}:${column}`); from !== undefined; from = covering.get(`${row}:${column}`)) {
        out.push({ cell: from.cell, column, colSpan: from.colSpan, vMerge: "continue" });
        column += from.colSpan;
      }
    };
    for (const cell of cells) {
      takeCovered();
      const colSpan = cell.colSpan ?? 1;
      const rowSpan = cell.rowSpan ?? 1;
      const placed: GridCell = { cell, column, colSpan, vMerge: rowSpan > 1 ? "restart" : null };
      for (let r = row + 1; r < row + rowSpan; r += 1) covering.set(`${r}:${column}`, placed);
      out.push(placed);
      column += colSpan;
    }
    takeCovered();
    return out;
  });
}

function cellXml(grid: GridCell, columnWidths: readonly number[]): string {
  let width = 0;
  for (let c = grid.column; c < grid.column + grid.colSpan; c += 1) width += columnWidths[c] ?? 0;
  const span = grid.colSpan > 1 ? `<w:gridSpan w:val="${grid.colSpan}"/>` : "";
  const merge = grid.vMerge === "restart" ? '<w:vMerge w:val="restart"/>' : grid.vMerge === "continue" ? "<w:vMerge/>" : "";
  const props = `<w:tcPr><w:tcW w:w="${width}" w:type="dxa"/>${span}${merge}<w:vAlign w:val="center"/></w:tcPr>`;
  if (grid.vMerge === "continue") return `<w:tc>${props}<w:p/></w:tc>`;
  const { cell } = grid;
  const indent = cell.indent ? `<w:ind w:left="${cell.indent * 200}"/>` : "";
  const text = cell.text === "" ? "" : run(cell.text, { size: TABLE, bold: cell.bold || cell.isLabel });
  return `<w:tc>${props}<w:p><w:pPr>${indent}<w:jc w:val="${JC[cell.align ?? "left"]}"/></w:pPr>${text}</w:p></w:tc>`;
}

function table(model: ModelTable, orientation: Orientation): string {
  const pageWidth = (orientation === "landscape" ? A4.height : A4.width) - MARGIN[orientation].left - MARGIN[orientation].right;
  const total = model.widths.reduce((a, b) => a + b, 0);
  const columnWidths = model.widths.map((w) => Math.floor((w / total) * pageWidth));
  const rowsXml = (rows: readonly (readonly ModelCell[])[], isHeader: boolean) =>
    gridRows(rows)
      .map((cells) => `<w:tr><w:trPr><w:cantSplit/>${isHeader ? "<w:tblHeader/>" : ""}</w:trPr>${cells.map((c) => cellXml(c, columnWidths)).join("")}</w:tr>`)
      .join("");
  const properties = `<w:tblPr><w:tblW w:w="${pageWidth}" w:type="dxa"/>${TABLE_BORDERS}<w:tblLayout w:type="fixed"/>${CELL_MARGINS}</w:tblPr>`;
  const grid = `<w:tblGrid>${columnWidths.map((w) => `<w:gridCol w:w="${w}"/>`).join("")}</w:tblGrid>`;
  return [
    model.showCaption ? paragraph(model.caption, { size: TABLE, spacingAfter: 60 }) : "",
    `<w:tbl>${properties}${grid}${rowsXml(model.header, true)}${rowsXml(model.body, false)}</w:tbl>`,
    model.note === null ? "" : paragraph(model.note, { size: TABLE, spacingBefore: 80 }),
    paragraph("", { size: TABLE }),
  ].join("");
}

function blockXml(block: Exclude<Block, { kind: "page-break" }>, orientation: Orientation): string {
  switch (block.kind) {
    case "cover":
      return [
        ...Array.from({ length: 8 }, () => paragraph("")),
        paragraph(block.title, { size: 44, bold: true, align: "center", heading: true, spacingAfter: 240 }),
        paragraph(block.subtitle, { size: 36, bold: true, align: "center", heading: true, spacingAfter: 800 }),
        ...block.facts.map(([term, value]) => paragraph(`${term}：${value}`, { size: 22, align: "center" })),
      ].join("");
    case "heading":
      return paragraph(block.text, { size: HEADING[block.level], bold: true, align: block.align ?? "left", heading: true, spacingBefore: block.level === 1 ? 0 : 160, spacingAfter: 120 });
    case "meta":
      return paragraph(block.items.join("　　　"), { size: 19, spacingAfter: 60 });
    case "paragraph":
      return paragraph(block.text, { size: block.small ? 17 : BODY, indent: block.indent });
    case "table":
      return table(block.table, orientation);
  }
}

/** A section's properties: A4 in its orientation, the margins, the page-number footer. */
function sectionProperties(orientation: Orientation): string {
  const margin = MARGIN[orientation];
  const size = orientation === "landscape" ? `<w:pgSz w:w="${A4.height}" w:h="${A4.width}" w:orient="landscape"/>` : `<w:pgSz w:w="${A4.width}" w:h="${A4.height}"/>`;
  return (
    `<w:sectPr><w:footerReference w:type="default" r:id="rIdFooter"/>${size}` +
    `<w:pgMar w:top="${margin.top}" w:right="${margin.right}" w:bottom="${margin.bottom}" w:left="${margin.left}" w:header="708" w:footer="708" w:gutter="0"/></w:sectPr>`
  );
}

/** The body: one section per page break, each starting a page in its own orientation. */
function bodyXml(blocks: readonly Block[]): string {
  const sections: { orientation: Orientation; parts: string[] }[] = [{ orientation: "portrait", parts: [] }];
  for (const block of blocks) {
    if (block.kind === "page-break") {
      sections.push({ orientation: block.orientation, parts: [] });
      continue;
    }
    const current = sections.at(-1);
    current?.parts.push(blockXml(block, current.orientation));
  }
  const filled = sections.filter((section) => section.parts.length > 0);
  return filled
    .map((section, i) =>
      i === filled.length - 1
        ? `${section.parts.join("")}${sectionProperties(section.orientation)}`
        : // a section ends with a paragraph that carries its properties
          `${section.parts.join("")}<w:p><w:pPr>${sectionProperties(section.orientation)}</w:pPr></w:p>`,
    )
    .join("");
}

/** The Word file of a published version: the same content and hash give the same bytes. */
export async function renderDocx(content: SnapshotContent, info: { contentHash: string }): Promise<Buffer> {
  const model = documentModel(content, info);
  const publishedAt = new Date(content.publication.publishedAt);
  const document = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document ${W_NS}><w:body>${bodyXml(model.blocks)}</w:body></w:document>`;
  const text = (xml: string) => new TextEncoder().encode(xml);
  const files: Zippable = {
    "[Content_Types].xml": text(CONTENT_TYPES_XML),
    "_rels/.rels": text(PACKAGE_RELS_XML),
    "docProps/core.xml": text(coreXml({ title: model.title, description: `内容校验码（SHA-256）：${info.contentHash}`, date: publishedAt })),
    "docProps/app.xml": text(APP_XML),
    "word/document.xml": text(document),
    "word/styles.xml": text(STYLES_XML),
    "word/footer1.xml": text(FOOTER_XML),
    "word/_rels/document.xml.rels": text(DOCUMENT_RELS_XML),
  };
  return Buffer.from(zipSync(files, { level: 6, mtime: zipDate(publishedAt) }));
}

/**
 * The zip entries' date: the publication's, never the clock. Zip stores a local date and time and
 * fflate reads the Date's local fields, so the UTC fields are copied into them: the bytes do not
 * depend on the machine's time zone. DOS dates start in 1980.
 */
function zipDate(date: Date): Date {
  const year = Math.max(1980, date.getUTCFullYear());
  return new Date(year, date.getUTCMonth(), date.getUTCDate(), date.getUTCHours(), date.getUTCMinutes(), date.getUTCSeconds());
}
