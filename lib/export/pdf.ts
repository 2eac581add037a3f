import PDFDocument from "pdfkit";
import type { SnapshotContent } from "@/lib/publication/snapshot-content";
import { documentModel, type Block, type Orientation } from "./document-model";
import { documentFonts, FontUnavailableError, shareLayoutCache, type DocumentFonts } from "./pdf-fonts";
import { drawTable, type PdfContext } from "./pdf-table";

export type PdfUnavailableCode = "FONT_MISSING";

/** The PDF cannot be made on this machine: publication goes on without it and says why. */
export class PdfUnavailableError extends Error {
  readonly code: PdfUnavailableCode;

  constructor(code: PdfUnavailableCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "PdfUnavailableError";
    this.code = code;
  }
}

const MM = 72 / 25.4;

/** A4 margins of the print stylesheet: portrait 15/14/16 mm, landscape 14 mm. */
const MARGINS: Record<Orientation, { top: number; bottom: number; left: number; right: number }> = {
  portrait: { top: 15 * MM, bottom: 16 * MM, left: 14 * MM, right: 14 * MM },
  landscape: { top: 14 * MM, bottom: 14 * MM, left: 14 * MM, right: 14 * MM },
};

const BODY_SIZE = 10.5;
const HEADING_SIZE: Record<1 | 2 | 3, number> = { 1: 15, 2: 12.5, 3: 11 };

/**
 * The published document as an A4 PDF, drawn with pdfkit from the same structured content as the
 * page (lib/export/document-model.ts) in Noto Sans SC from npm: no browser. The layout follows the
 * page's print stylesheet: a cover page, each of the nine tables and each 绩效目标表 on a page of
 * its own, table 2 and the procurement table on landscape pages, table headers repeated on every
 * page a table runs over, rows never split, page numbers at the bottom. Text stays selectable
 * (fonts embedded as subsets with their Unicode map).
 *
 * The same content gives the same bytes: the creation date and the file identifier come from the
 * publication's own date, and nothing else in the file depends on time or chance.
 */
export async function renderPdf(
  content: SnapshotContent,
  info: { contentHash: string },
  options: { fonts?: () => DocumentFonts } = {},
): Promise<Buffer> {
  let fonts;
  try {
    fonts = (options.fonts ?? documentFonts)();
  } catch (error) {
    if (error instanceof FontUnavailableError) throw new PdfUnavailableError("FONT_MISSING", error.message, { cause: error });
    throw error;
  }
  const model = documentModel(content, info);
  const publishedAt = new Date(content.publication.publishedAt);
  const doc = new PDFDocument({
    autoFirstPage: false,
    bufferPages: true,
    size: "A4",
    margins: MARGINS.portrait,
    lang: "zh-CN",
    displayTitle: true,
    pdfVersion: "1.7",
    info: {
      Title: model.title,
      Subject: `内容校验码（SHA-256）：${info.contentHash}`,
      Creator: "预算公开平台",
      Producer: "预算公开平台",
      CreationDate: publishedAt,
      ModDate: publishedAt,
    },
  });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    doc.on("end", resolve);
    doc.on("error", reject);
  });

  doc.registerFont("regular", fonts.regular as unknown as Uint8Array);
  doc.registerFont("bold", fonts.bold as unknown as Uint8Array);
  // pdfkit's current font object (untyped): the document's embedding of the parsed font.
  for (const name of ["bold", "regular"] as const) shareLayoutCache((doc.font(name) as unknown as { _font: { font?: unknown; layoutCache?: unknown } })._font);
  const context: PdfContext = { doc, orientation: "portrait" };
  newPage(context, "portrait");
  for (const block of model.blocks) drawBlock(context, block);
  numberPages(doc);
  doc.end();
  await finished;
  return Buffer.concat(chunks);
}

export function newPage(context: PdfContext, orientation: Orientation): void {
  context.orientation = orientation;
  context.doc.addPage({ size: "A4", layout: orientation, margins: MARGINS[orientation] });
  context.doc.font("regular").fontSize(BODY_SIZE);
}

function contentWidth(doc: PDFKit.PDFDocument): number {
  return doc.page.width - doc.page.margins.left - doc.page.margins.right;
}

function bottom(doc: PDFKit.PDFDocument): number {
  return doc.page.height - doc.page.margins.bottom;
}

/** Starts a new page when less than `needed` points are left (a heading keeps its first lines with it). */
function ensureSpace(context: PdfContext, needed: number): void {
  if (context.doc.y + needed > bottom(context.doc)) newPage(context, context.orientation);
}

function drawBlock(context: PdfContext, block: Block): void {
  const { doc } = context;
  const left = doc.page.margins.left;
  const width = contentWidth(doc);
  switch (block.kind) {
    case "cover": {
      doc.y = doc.page.margins.top + 70 * MM;
      doc.font("bold").fontSize(22).text(block.title, left, doc.y, { width, align: "center", lineGap: 4 });
      doc.moveDown(0.5);
      doc.font("bold").fontSize(18).text(block.subtitle, left, doc.y, { width, align: "center" });
      doc.y += 20 * MM;
      const factWidth = 120 * MM;
      const factLeft = left + (width - factWidth) / 2;
      doc.font("regular").fontSize(11);
      for (const [term, value] of block.facts) {
        doc.text(`${term}：${value}`, factLeft, doc.y, { width: factWidth, lineGap: 3 });
      }
      return;
    }
    case "page-break":
      newPage(context, block.orientation);
      return;
    case "heading": {
      const size = HEADING_SIZE[block.level];
      ensureSpace(context, size * 5);
      if (doc.y > doc.page.margins.top + 1) doc.y += size * 0.6;
      doc.font("bold").fontSize(size).text(block.text, left, doc.y, { width, align: block.align ?? "left", lineGap: 2 });
      doc.y += size * 0.4;
      doc.font("regular").fontSize(BODY_SIZE);
      return;
    }
    case "meta": {
      // The unit on the left, the rest (year, amount unit) on the right, as the template's line under a title.
      const [first = "", ...rest] = block.items;
      doc.font("regular").fontSize(9.5);
      const y = doc.y;
      const right = rest.join("　　");
      const rightWidth = doc.widthOfString(right);
      doc.text(first, left, y, { width: Math.max(40, width - rightWidth - 12), align: "left" });
      const below = doc.y;
      doc.text(right, left, y, { width, align: "right", lineBreak: false });
      doc.y = Math.max(below, y + 9.5 * 1.4) + 3;
      return;
    }
    case "paragraph": {
      const size = block.small ? 8.5 : BODY_SIZE;
      doc.font("regular").fontSize(size);
      ensureSpace(context, size * 2);
      doc.text(block.text, left, doc.y, {
        width,
        align: block.small ? "left" : "justify",
        indent: block.indent ? size * 2 : 0,
        lineGap: size * 0.45,
        paragraphGap: size * 0.35,
      });
      return;
    }
    case "table":
      drawTable(context, block.table, { newPage: () => newPage(context, context.orientation) });
      return;
  }
}

/** "n / N" centred in the bottom margin of every page, as the print stylesheet's @bottom-center. */
function numberPages(doc: PDFKit.PDFDocument): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i += 1) {
    doc.switchToPage(i);
    const savedBottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font("regular").fontSize(9).text(`${i + 1} / ${range.count}`, 0, doc.page.height - savedBottom / 2 - 4, {
      width: doc.page.width,
      align: "center",
      lineBreak: false,
    });
    doc.page.margins.bottom = savedBottom;
  }
}
