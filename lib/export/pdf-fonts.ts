import { readFileSync } from "node:fs";
import path from "node:path";
import * as fontkit from "fontkit";

/**
 * Noto Sans SC (SIL Open Font License 1.1) from the npm package @expo-google-fonts/noto-sans-sc:
 * TrueType outlines, which pdfkit subsets to the glyphs a document uses (a few hundred KB per
 * PDF instead of 10 MB per weight). Parsing one weight takes about 60 ms, so each process loads
 * the fonts once and every PDF it renders shares them.
 */

const FONT_PACKAGE = "node_modules/@expo-google-fonts/noto-sans-sc";
const FILES = {
  regular: "400Regular/NotoSansSC_400Regular.ttf",
  bold: "700Bold/NotoSansSC_700Bold.ttf",
} as const;

export type FontWeight = keyof typeof FILES;

/** The parsed fonts; pdfkit accepts a fontkit font wherever it takes a font file. */
export type DocumentFonts = Record<FontWeight, fontkit.Font>;

/** The font files could not be read (a broken installation). */
export class FontUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "FontUnavailableError";
  }
}

let loaded: DocumentFonts | undefined;

function load(root: string, weight: FontWeight): fontkit.Font {
  const file = path.join(root, FONT_PACKAGE, FILES[weight]);
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw new FontUnavailableError(`无法生成 PDF：找不到中文字体文件（${file}），请重新运行 npm ci。`, { cause: error });
  }
  const font = fontkit.create(bytes);
  if (!("layout" in font)) throw new FontUnavailableError(`无法生成 PDF：字体文件 ${file} 是字体集合，不是单个字体。`);
  return font;
}

/** Parses the fonts installed under a project root (FontUnavailableError when they are missing). */
export function loadDocumentFonts(root: string): DocumentFonts {
  return { regular: load(root, "regular"), bold: load(root, "bold") };
}

/**
 * The document fonts, parsed on first use and kept for the life of the process. Read from the
 * project root like the page's stylesheet (components/disclosure/document-css.ts): every entry
 * point runs there, and bundlers would move a path relative to this module.
 */
export function documentFonts(): DocumentFonts {
  loaded ??= loadDocumentFonts(process.cwd());
  return loaded;
}

/** pdfkit's shaped runs (glyphs and positions of a word) by text, per font. */
type LayoutCache = Record<string, unknown>;
const layoutCaches = new WeakMap<fontkit.Font, { cache: LayoutCache; documents: number }>();
/** A font's cache starts again after this many documents: a batch's words repeat, but a process runs for months. */
const DOCUMENTS_PER_CACHE = 1_000;

/**
 * Lets a document share the shaped words of the earlier documents drawn with the same font.
 * pdfkit shapes each word with fontkit (OpenType substitution and positioning, the larger part of
 * drawing a document) and keeps the result in a cache per font *per document*; budgets share most
 * of their words (labels, codes, headings, amounts), so the cache is kept per parsed font instead.
 * A cached run is only read (pdfkit copies glyphs and positions out of it), so sharing it changes
 * no byte of the output (tested: lib/export/pdf.test.ts).
 */
export function shareLayoutCache(embedded: { font?: unknown; layoutCache?: unknown }): void {
  const font = embedded.font as fontkit.Font | undefined;
  if (font === undefined || embedded.layoutCache === undefined) return;
  let entry = layoutCaches.get(font);
  if (entry === undefined || entry.documents >= DOCUMENTS_PER_CACHE) {
    entry = { cache: Object.create(null) as LayoutCache, documents: 0 };
    layoutCaches.set(font, entry);
  }
  entry.documents += 1;
  embedded.layoutCache = entry.cache;
}
