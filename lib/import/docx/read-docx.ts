import JSZip from "jszip";
import mammoth from "mammoth";
import { ImportError } from "../import-error";
import { normaliseCellText, type LayoutDocument, type LayoutLine, type TextCell } from "../layout";

/** Unpacked parts a Word file may have; more is a zip bomb, not a budget. */
const MAX_UNPACKED_BYTES = 100 * 1024 * 1024;
const COLUMN_WIDTH = 10;

function decodeEntities(text: string): string {
  return text
    .replace(/<[^>]+>/g, "")
    .replace(/&nbsp;/g, " ")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&amp;/g, "&");
}

/**
 * A .docx as printed lines: paragraphs are one-cell lines, each table row a line whose cells sit
 * at their column index (column spans kept), so the table reader finds columns as in a PDF.
 * Files with unaccepted tracked changes are refused: which version is the published one is unclear.
 */
export async function readDocx(bytes: Uint8Array): Promise<LayoutDocument> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    throw new ImportError("UNREADABLE", "无法读取该Word文件：文件已损坏、不完整或不是.docx格式。");
  }
  let unpacked = 0;
  zip.forEach((_, entry) => {
    const size = (entry as unknown as { _data?: { uncompressedSize?: number } })._data?.uncompressedSize ?? 0;
    unpacked += size;
  });
  if (unpacked > MAX_UNPACKED_BYTES) throw new ImportError("TOO_LARGE", "该Word文件解压后过大，拒绝读取。");
  const main = zip.file("word/document.xml");
  if (!main) throw new ImportError("UNREADABLE", "该文件不是Word文档（.docx），无法读取。");
  const xml = await main.async("string");
  if (/<w:(ins|del|moveFrom|moveTo)\b/.test(xml)) {
    throw new ImportError("TRACKED_CHANGES", "该Word文件含有未处理的修订（修订痕迹），无法确定公开的是哪个版本。请在Word中接受或拒绝全部修订后再导入。");
  }
  const { value: html } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) });
  const lines: LayoutLine[] = [];
  let y = 0;
  const blocks = html.match(/<table[\s\S]*?<\/table>|<p[\s\S]*?<\/p>|<h\d[\s\S]*?<\/h\d>/g) ?? [];
  for (const block of blocks) {
    if (!block.startsWith("<table")) {
      const text = normaliseCellText(decodeEntities(block));
      if (text) lines.push({ page: 1, y: ++y, cells: [{ x0: 0, x1: text.length, text }] });
      continue;
    }
    for (const row of block.match(/<tr[\s\S]*?<\/tr>/g) ?? []) {
      const cells: TextCell[] = [];
      let column = 0;
      for (const cell of row.match(/<t[dh][^>]*>[\s\S]*?<\/t[dh]>/g) ?? []) {
        const span = Number(/colspan="(\d+)"/.exec(cell)?.[1] ?? "1");
        const text = normaliseCellText(decodeEntities(cell.replace(/<\/p>/g, "")));
        if (text) cells.push({ x0: column * COLUMN_WIDTH + 1, x1: (column + span) * COLUMN_WIDTH - 1, text });
        column += span;
      }
      if (cells.length) lines.push({ page: 1, y: ++y, cells });
    }
  }
  return { format: "docx", pages: 1, lines, charWidth: 1 };
}
