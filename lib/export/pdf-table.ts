import type { ModelCell, ModelTable, Orientation } from "./document-model";

/** What the table drawer shares with the page flow of lib/export/pdf.ts. */
export interface PdfContext {
  doc: PDFKit.PDFDocument;
  orientation: Orientation;
}

const FONT_SIZE = 9;
const PAD_X = 3.5;
const PAD_Y = 2;
const LINE_GAP = 1;
const INDENT = 9;
const RULE = 0.6;

interface PlacedCell {
  cell: ModelCell;
  row: number;
  column: number;
  rowSpan: number;
  colSpan: number;
}

/** Places rows given HTML-style: a cell skips the slots that a rowSpan from above already fills. */
function place(rows: readonly (readonly ModelCell[])[]): PlacedCell[] {
  const taken = new Set<string>();
  const placed: PlacedCell[] = [];
  rows.forEach((cells, row) => {
    let column = 0;
    for (const cell of cells) {
      while (taken.has(`${row}:${column}`)) column += 1;
      const rowSpan = cell.rowSpan ?? 1;
      const colSpan = cell.colSpan ?? 1;
      for (let r = row; r < row + rowSpan; r += 1) for (let c = column; c < column + colSpan; c += 1) taken.add(`${r}:${c}`);
      placed.push({ cell, row, column, rowSpan, colSpan });
      column += colSpan;
    }
  });
  return placed;
}

interface Grid {
  cells: PlacedCell[];
  heights: number[];
}

function fontOf(cell: ModelCell): "bold" | "regular" {
  return cell.bold || cell.isLabel ? "bold" : "regular";
}

function textWidth(cell: PlacedCell, x: readonly number[]): number {
  const width = (x[cell.column + cell.colSpan] ?? 0) - (x[cell.column] ?? 0);
  return Math.max(4, width - 2 * PAD_X - (cell.cell.indent ?? 0) * INDENT);
}

/** Heights of wrapped cell texts by font, then by width and text: budgets repeat most of their cells' texts. */
let heightCache = new WeakMap<object, Map<string, number>>();
let cachedHeights = 0;
const HEIGHT_CACHE_LIMIT = 500_000;

function textHeight(doc: PDFKit.PDFDocument, cell: PlacedCell, x: readonly number[]): number {
  if (cell.cell.text === "") return FONT_SIZE * 1.2;
  doc.font(fontOf(cell.cell)).fontSize(FONT_SIZE);
  const width = textWidth(cell, x);
  // pdfkit's current font (untyped): the wrapped height depends only on it, the size, the width and the text.
  const font = (doc as unknown as { _font: object })._font;
  const parsed = (font as { font?: object }).font ?? font;
  let heights = heightCache.get(parsed);
  if (heights === undefined) heightCache.set(parsed, (heights = new Map()));
  const key = `${width}\u0000${cell.cell.text}`;
  const known = heights.get(key);
  if (known !== undefined) return known;
  const height = doc.heightOfString(cell.cell.text, { width, lineGap: LINE_GAP });
  if (++cachedHeights > HEIGHT_CACHE_LIMIT) {
    heightCache = new WeakMap();
    cachedHeights = 0;
  } else {
    heights.set(key, height);
  }
  return height;
}

/** Row heights that fit every cell: a merged cell taller than its rows makes its last row taller. */
function measure(doc: PDFKit.PDFDocument, rows: readonly (readonly ModelCell[])[], x: readonly number[]): Grid {
  const cells = place(rows);
  const heights = rows.map(() => FONT_SIZE * 1.2 + 2 * PAD_Y);
  for (const cell of cells) {
    if (cell.rowSpan !== 1) continue;
    heights[cell.row] = Math.max(heights[cell.row] ?? 0, textHeight(doc, cell, x) + 2 * PAD_Y);
  }
  for (const cell of cells) {
    if (cell.rowSpan === 1) continue;
    const last = Math.min(cell.row + cell.rowSpan, rows.length) - 1;
    const spanned = heights.slice(cell.row, last + 1).reduce((a, b) => a + b, 0);
    const needed = textHeight(doc, cell, x) + 2 * PAD_Y;
    if (needed > spanned) heights[last] = (heights[last] ?? 0) + needed - spanned;
  }
  return { cells, heights };
}

/** Runs of rows that a merged cell holds together: a page break never falls inside one. */
function groups(grid: Grid): [number, number][] {
  const ends = grid.heights.map((_, row) => row);
  for (const cell of grid.cells) {
    for (let r = cell.row; r < cell.row + cell.rowSpan - 1; r += 1) ends[r] = Math.max(ends[r] ?? r, cell.row + cell.rowSpan - 1);
  }
  const runs: [number, number][] = [];
  let start = 0;
  let end = -1;
  for (let row = 0; row < grid.heights.length; row += 1) {
    end = Math.max(end, ends[row] ?? row);
    if (row === end) {
      runs.push([start, end]);
      start = row + 1;
    }
  }
  return runs;
}

function drawRows(doc: PDFKit.PDFDocument, grid: Grid, x: readonly number[], from: number, to: number, top: number): number {
  const rowTop: number[] = [];
  let y = top;
  for (let row = from; row <= to; row += 1) {
    rowTop[row] = y;
    y += grid.heights[row] ?? 0;
  }
  doc.lineWidth(RULE).strokeColor("#000");
  for (const cell of grid.cells) {
    if (cell.row < from || cell.row > to) continue;
    const left = x[cell.column] ?? 0;
    const width = (x[cell.column + cell.colSpan] ?? 0) - left;
    const cellTop = rowTop[cell.row] ?? top;
    const last = Math.min(cell.row + cell.rowSpan - 1, to);
    const height = (rowTop[last] ?? cellTop) + (grid.heights[last] ?? 0) - cellTop;
    doc.rect(left, cellTop, width, height).stroke();
    const { text, align = "left", indent = 0 } = cell.cell;
    if (text === "") continue;
    const inner = textHeight(doc, cell, x);
    doc.font(fontOf(cell.cell)).fontSize(FONT_SIZE);
    doc.text(text, left + PAD_X + indent * INDENT, cellTop + Math.max(PAD_Y, (height - inner) / 2), {
      width: textWidth(cell, x),
      height: height,
      align,
      lineGap: LINE_GAP,
    });
  }
  return y;
}

/** The widest a name column asks for before it wraps. */
const MAX_NATURAL = 230;
const MIN_COLUMN = 26;

/**
 * Column widths from the content, as a browser's auto table layout would: each column as wide as
 * its widest one-column cell on one line (header labels may wrap onto three lines); when that is too
 * wide for the page, the long text columns give way first, and spare room is shared out.
 */
function contentWidths(doc: PDFKit.PDFDocument, table: ModelTable, available: number): number[] {
  const natural = table.widths.map(() => MIN_COLUMN);
  const fit = (cell: PlacedCell, width: number) => {
    if (cell.colSpan !== 1) return;
    natural[cell.column] = Math.min(MAX_NATURAL, Math.max(natural[cell.column] ?? 0, width + 2 * PAD_X + 1));
  };
  for (const cell of place(table.header)) {
    doc.font("bold").fontSize(FONT_SIZE);
    const text = cell.cell.text;
    const third = doc.widthOfString(text.slice(0, Math.ceil(text.length / 3)));
    fit(cell, Math.min(doc.widthOfString(text), Math.max(third, doc.widthOfString("四个汉字"))));
  }
  for (const cell of place(table.body)) {
    doc.font(fontOf(cell.cell)).fontSize(FONT_SIZE);
    fit(cell, doc.widthOfString(cell.cell.text) + (cell.cell.indent ?? 0) * INDENT);
  }
  const sum = natural.reduce((a, b) => a + b, 0);
  if (sum <= available) return natural.map((w) => w + ((available - sum) * w) / sum);
  const wide = 90;
  const excess = natural.reduce((a, w) => a + Math.max(0, w - wide), 0);
  const overflow = sum - available;
  if (excess >= overflow) return natural.map((w) => (w > wide ? w - (overflow * (w - wide)) / excess : w));
  return natural.map((w) => Math.min(w, wide));
}

/**
 * Draws a table at the current position: its caption when it is not already the heading, the
 * header (again at the top of every further page), the rows without splitting a row or a run of
 * rows that a merged cell joins, then its note.
 */
export function drawTable(context: PdfContext, table: ModelTable, options: { newPage: () => void }): void {
  const { doc } = context;
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const bottom = () => doc.page.height - doc.page.margins.bottom;
  const widths = table.fitContent ? contentWidths(doc, table, width) : table.widths;
  const total = widths.reduce((a, b) => a + b, 0);
  const x: number[] = [left];
  for (const w of widths) x.push((x.at(-1) ?? left) + (w / total) * width);

  const header = measure(doc, table.header, x);
  const body = measure(doc, table.body, x);
  const headerHeight = header.heights.reduce((a, b) => a + b, 0);
  const runs = groups(body);
  const runHeight = ([from, to]: [number, number]) => body.heights.slice(from, to + 1).reduce((a, b) => a + b, 0);

  const captionHeight = table.showCaption ? FONT_SIZE * 2 : 0;
  const firstRun = runs[0];
  if (doc.y + captionHeight + headerHeight + (firstRun ? runHeight(firstRun) : 0) > bottom()) options.newPage();
  if (table.showCaption) {
    doc.font("regular").fontSize(FONT_SIZE).text(table.caption, left, doc.y + 2, { width, align: "left" });
    doc.y += 1;
  }
  let y = doc.y;
  if (header.heights.length > 0) y = drawRows(doc, header, x, 0, header.heights.length - 1, y);
  for (const run of runs) {
    if (y + runHeight(run) > bottom() && y > doc.page.margins.top + headerHeight + 1) {
      options.newPage();
      y = doc.page.margins.top;
      if (header.heights.length > 0) y = drawRows(doc, header, x, 0, header.heights.length - 1, y);
    }
    y = drawRows(doc, body, x, run[0], run[1], y);
  }
  doc.y = y + FONT_SIZE * 0.8;
  if (table.note !== null) {
    doc.font("regular").fontSize(FONT_SIZE).text(table.note, left, doc.y, { width });
    doc.y += FONT_SIZE * 0.5;
  }
  doc.font("regular").fontSize(10.5);
}
