/**
 * The common form every reader produces: text cells with horizontal positions, grouped into
 * printed lines, page by page. Tables are rebuilt from it the same way whatever the format.
 */

export interface TextCell {
  /** left and right edge, in the reader's unit (PDF points, or characters for layout text) */
  x0: number;
  x1: number;
  text: string;
}

export interface LayoutLine {
  /** 1-based page, counted across the files of a multi-file publication */
  page: number;
  /** top-down position on the page, in the reader's unit */
  y: number;
  cells: TextCell[];
}

export interface LayoutDocument {
  format: "pdf" | "docx" | "text";
  pages: number;
  lines: LayoutLine[];
  /** a typical character width, so gaps can be compared across formats */
  charWidth: number;
}

/** Joins "2 0 1 7" (digits a PDF spaced out) and drops spaces inside numbers ("1, 234.00"). */
export function normaliseCellText(text: string): string {
  const trimmed = text.replace(/[\s\u3000]+/g, " ").trim();
  if (/^[-\d., ]+$/.test(trimmed) && /\d/.test(trimmed) && !/\d \d{2,}/.test(trimmed)) return trimmed.replace(/ /g, "");
  return trimmed.replace(/(?<![\d.])\d(?: \d){2,}(?![\d.])/g, (m) => m.replace(/ /g, ""));
}

export function lineText(line: LayoutLine): string {
  return line.cells.map((c) => c.text).join(" ");
}

/** Text with all spaces removed: titles and labels are compared this way (PDFs space out 合  计). */
export function compact(text: string): string {
  return text.replace(/[\s\u3000]+/g, "");
}

const PAGE_MARK = /^--\s*page\s+\d+\s+of\s+\d+\s*--$/i;
const FILE_MARK = /^====\s*FILE\s+\d+\s+of\s+\d+\s*====$/i;

/**
 * Layout-mode text (runs of spaces keep the column positions): a cell is a run of text without
 * two spaces in a row; its position is its character offset. Page markers (`-- page 3 of 16 --`,
 * form feeds) and file separators start a new page; a `source:`/`origin:` preamble is skipped.
 */
export function readLayoutText(text: string): LayoutDocument {
  const lines: LayoutLine[] = [];
  let page = 1;
  let y = 0;
  let seenContent = false;
  let rows = text.replace(/\r\n?/g, "\n").split("\n");
  if (/^source:/.test(rows[0] ?? "")) {
    const blank = rows.findIndex((r) => r.trim() === "");
    rows = rows.slice(blank + 1);
  }
  for (const raw of rows) {
    const parts = raw.split("\f");
    for (let p = 0; p < parts.length; p++) {
      if (p > 0 && seenContent) {
        page++;
        y = 0;
      }
      const row = parts[p] ?? "";
      const trimmed = row.trim();
      if (PAGE_MARK.test(trimmed) || FILE_MARK.test(trimmed)) {
        if (seenContent && y > 0) {
          page++;
          y = 0;
        }
        continue;
      }
      y++;
      if (!trimmed) continue;
      seenContent = true;
      const cells: TextCell[] = [];
      const pattern = /\S+(?: \S+)*/g;
      for (let m = pattern.exec(row); m; m = pattern.exec(row)) {
        const x0 = displayWidth(row.slice(0, m.index));
        cells.push({ x0, x1: x0 + displayWidth(m[0]), text: normaliseCellText(m[0]) });
      }
      lines.push({ page, y, cells });
    }
  }
  return { format: "text", pages: page, lines, charWidth: 1 };
}

function displayWidth(text: string): number {
  return text.length;
}
