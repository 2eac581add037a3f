import { createRequire } from "node:module";
import path from "node:path";
import { ImportError } from "../import-error";
import { normaliseCellText, type LayoutDocument, type LayoutLine, type TextCell } from "../layout";

/** pdfjs ships the CMaps CJK fonts need and the standard fonts; both are read from the package, offline. */
function pdfjsAssets(): { cMapUrl: string; standardFontDataUrl: string } {
  // resolved from the working directory: the app, the CLI, the tests and the scripts all run from the repository root
  const resolve = createRequire(path.join(process.cwd(), "package.json")).resolve;
  const root = path.dirname(resolve("pdfjs-dist/package.json"));
  return { cMapUrl: path.join(root, "cmaps") + path.sep, standardFontDataUrl: path.join(root, "standard_fonts") + path.sep };
}

interface Item {
  x: number;
  y: number;
  width: number;
  size: number;
  text: string;
}

/**
 * Reads the text layer of a PDF into printed lines: items on one baseline form a line, items
 * closer than about half a character form one cell. Positions are PDF points, top-down.
 */
export async function readPdf(bytes: Uint8Array, firstPage = 1): Promise<LayoutDocument> {
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const { cMapUrl, standardFontDataUrl } = pdfjsAssets();
  const task = pdfjs.getDocument({
    data: bytes.slice(),
    cMapUrl,
    cMapPacked: true,
    standardFontDataUrl,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: 0,
  });
  let doc;
  try {
    doc = await task.promise;
  } catch (error) {
    await task.destroy();
    throw pdfOpenError(error);
  }
  try {
    const lines: LayoutLine[] = [];
    let sizes = 0;
    let sizeCount = 0;
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const { width, height } = page.getViewport({ scale: 1 });
      const content = await page.getTextContent();
      const texts = content.items.flatMap((raw) => ("str" in raw && raw.str.trim() !== "" ? [raw] : []));
      // tables printed sideways on a portrait page: read them as a reader turns the page
      const upright = texts.filter((t) => Math.abs(t.transform[1] ?? 0) <= 0.01).length;
      const sideways = texts.length - upright > upright;
      const items: Item[] = [];
      for (const raw of texts) {
        const [a = 0, b = 0, , d = 0, e = 0, f = 0] = raw.transform as number[];
        if (!sideways && Math.abs(b) > 0.01) continue; // stamps, watermarks
        if (sideways && Math.abs(b) <= 0.01) continue;
        const size = sideways ? Math.abs(b) : Math.abs(d) || Math.abs(a) || 10;
        const item = sideways
          ? b > 0
            ? { x: f, y: e, width: raw.width, size, text: raw.str }
            : { x: height - f, y: width - e, width: raw.width, size, text: raw.str }
          : { x: e, y: height - f, width: raw.width, size, text: raw.str };
        items.push(item);
        sizes += size;
        sizeCount++;
      }
      lines.push(...groupLines(items, firstPage + p - 1));
      page.cleanup();
    }
    if (sizeCount === 0) {
      throw new ImportError("NO_TEXT", "该PDF没有文字层（可能是扫描件或图片），无法读取其中的表格和数字。请使用从预算系统导出的PDF，或提供Word、文本版本。");
    }
    return { format: "pdf", pages: doc.numPages, lines, charWidth: sizes / sizeCount };
  } finally {
    await doc.destroy();
  }
}

function groupLines(items: Item[], page: number): LayoutLine[] {
  items.sort((l, r) => l.y - r.y || l.x - r.x);
  const groups: Item[][] = [];
  for (const item of items) {
    const last = groups[groups.length - 1];
    const anchor = last?.[0];
    if (last && anchor && Math.abs(item.y - anchor.y) <= Math.min(item.size, anchor.size) * 0.35) last.push(item);
    else groups.push([item]);
  }
  return groups.map((group) => {
    group.sort((l, r) => l.x - r.x);
    const cells: TextCell[] = [];
    let current: (TextCell & { size: number }) | null = null;
    for (const item of group) {
      const gap = current ? item.x - current.x1 : Infinity;
      // a figure printed right up against the next column's label stays a cell of its own
      const figureAt = current !== null && isFigure(current.text) ? current.text : isFigure(item.text) ? item.text : "";
      const boundary =
        current !== null &&
        ((isFigure(current.text) !== isFigure(item.text) && (gap > item.size * 0.15 || /[.,]/.test(figureAt))) || (isFigure(item.text) && isFigure(current.text) && gap > item.size * 0.3));
      if (current && !boundary && gap < Math.max(current.size, item.size) * 0.6) {
        const spaced = gap > item.size * 0.15 && /[\dA-Za-z]$/.test(current.text) && /^[\dA-Za-z]/.test(item.text);
        current.text += (spaced ? " " : "") + item.text;
        current.x1 = Math.max(current.x1, item.x + item.width);
      } else {
        current = { x0: item.x, x1: item.x + item.width, text: item.text, size: item.size };
        cells.push(current);
      }
    }
    const y = group.reduce((s, i) => s + i.y, 0) / group.length;
    return { page, y, cells: cells.flatMap(({ x0, x1, text }) => splitGlued({ x0, x1, text: normaliseCellText(text) })) };
  });
}

/** "18,330.37 一、一般公共服务支出" in one text run: the figure and the next column's label. */
function splitGlued(cell: TextCell): TextCell[] {
  const m = /^(-?\d[\d,]*\.\d+|-?\d{1,3}(?:,\d{3})+)\s+(\D.*)$/.exec(cell.text);
  if (!m?.[1] || !m[2]) return [cell];
  const cut = cell.x0 + ((cell.x1 - cell.x0) * m[1].length) / cell.text.length;
  return [
    { x0: cell.x0, x1: cut, text: m[1] },
    { x0: cut + 1, x1: cell.x1, text: m[2] },
  ];
}

function isFigure(text: string): boolean {
  return /^[-\d,. ]+$/.test(text.trim()) && /\d/.test(text);
}

function pdfOpenError(error: unknown): ImportError {
  const name = typeof error === "object" && error !== null && "name" in error ? String(error.name) : "";
  if (name === "PasswordException") {
    return new ImportError("ENCRYPTED", "该PDF已加密（需要密码才能打开），无法读取。请提供未加密的PDF。");
  }
  return new ImportError("UNREADABLE", "无法读取该PDF：文件已损坏、不完整或不是有效的PDF文件。");
}
