/**
 * Just enough HTML reading for tests of our own static markup (React's output: double-quoted
 * attributes, escaped text, no nested sections inside a table section). A cell is located the
 * way a reader finds it: table section, then row key, then column key.
 */

const ENTITIES: Record<string, string> = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#x27;": "'", "&#39;": "'", "&nbsp;": "\u00a0" };

export function decodeText(html: string): string {
  return html
    .replace(/<[^>]*>/g, "")
    .replace(/&(?:amp|lt|gt|quot|nbsp|#x27|#39);/g, (e) => ENTITIES[e] ?? e)
    .trim();
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** The inner HTML of the (non-nested) element `<tag … id="id" …>`. */
export function elementById(html: string, tag: string, id: string): string {
  const match = new RegExp(`<${tag}\\b[^>]*\\bid="${escapeRegExp(id)}"[^>]*>([\\s\\S]*?)</${tag}>`).exec(html);
  if (!match?.[1]) throw new Error(`no <${tag} id="${id}">`);
  return match[1];
}

/** Every element `<tag …>…</tag>` (non-nested) whose opening tag matches `attributes`. */
export function elements(html: string, tag: string, attributes = ""): string[] {
  const pattern = new RegExp(`<${tag}\\b[^>]*${attributes}[^>]*>([\\s\\S]*?)</${tag}>`, "g");
  return [...html.matchAll(pattern)].map((m) => m[1] ?? "");
}

/** The text of each cell of the row `data-row-key="rowKey"`, keyed by its `data-column`. */
export function rowCells(sectionHtml: string, rowKey: string): Record<string, string> {
  const row = new RegExp(`<tr\\b[^>]*\\bdata-row-key="${escapeRegExp(rowKey)}"[^>]*>([\\s\\S]*?)</tr>`).exec(sectionHtml);
  if (!row?.[1]) throw new Error(`no row ${rowKey}`);
  const cells: Record<string, string> = {};
  for (const cell of row[1].matchAll(/<(td|th)\b[^>]*\bdata-column="([^"]*)"[^>]*>([\s\S]*?)<\/\1>|<(td|th)\b[^>]*\bdata-column="([^"]*)"[^>]*\/>/g)) {
    const column = cell[2] ?? cell[5] ?? "";
    cells[column] = decodeText(cell[3] ?? "");
  }
  return cells;
}

/** The text of every cell of a row, in order. */
export function cellTexts(rowHtml: string): string[] {
  return [...rowHtml.matchAll(/<(td|th)\b[^>]*>([\s\S]*?)<\/\1>/g)].map((m) => decodeText(m[2] ?? ""));
}
