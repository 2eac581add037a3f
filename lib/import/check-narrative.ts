import { checkDisclosure } from "@/lib/disclosure/check";
import type { NarrativeParagraph } from "@/lib/disclosure/narrative";
import type { AmountUnit } from "@/lib/disclosure/types";
import type { ImportFinding } from "./check-printed-sums";
import { compact, lineText, type LayoutLine } from "./layout";
import type { ImportedDocument } from "./import-document";
import { toBudget } from "./to-budget";

const PARAGRAPH_START = /^[（(]?[一二三四五六七八九十\d]+[)）、.．]/;

/**
 * The narrative's paragraphs as printed: a paragraph starts on an indented or centred line (a
 * heading), after a line that stops short of the right margin, or after a sentence's end; table
 * rows are left out.
 */
export function narrativeParagraphs(lines: readonly LayoutLine[], charWidth = 1): NarrativeParagraph[] {
  const margins = new Map<number, { left: number; right: number }>();
  for (const line of lines) {
    const first = line.cells[0];
    const last = line.cells[line.cells.length - 1];
    if (!first || !last) continue;
    const m = margins.get(line.page) ?? { left: Infinity, right: -Infinity };
    margins.set(line.page, { left: Math.min(m.left, first.x0), right: Math.max(m.right, last.x1) });
  }
  const paragraphs: NarrativeParagraph[] = [];
  let current: NarrativeParagraph | null = null;
  let endedShort = true;
  for (const line of lines) {
    if (line.cells.length >= 3) {
      current = null;
      continue;
    }
    const text = compact(lineText(line));
    const first = line.cells[0];
    const last = line.cells[line.cells.length - 1];
    const margin = margins.get(line.page);
    if (!text || !first || !last || !margin) continue;
    const indented = first.x0 > margin.left + charWidth * 1.5;
    if (!current || endedShort || indented || PARAGRAPH_START.test(text) || /。$/.test(current.text)) {
      current = { text, page: line.page };
      paragraphs.push(current);
    } else {
      current.text += text;
    }
    endedShort = last.x1 < margin.right - charWidth * 3;
  }
  return paragraphs.filter((p) => p.text.length >= 2);
}

/**
 * The checker's rules on what a published narrative says (N1 reasons that say nothing, N2 items
 * named twice, N4 rates that contradict their own figures), run on the imported paragraphs with
 * printed precision. The other rules need data no published document carries (projects, assets),
 * so the importer's own table checks stand for them.
 */
export function checkNarrative(doc: ImportedDocument, paragraphs: readonly NarrativeParagraph[], tableUnit: AmountUnit): ImportFinding[] {
  const budget = toBudget(doc);
  const findings = checkDisclosure({
    budget,
    codeBook: { year: doc.year, functional: [], economic: [] },
    precision: { kind: "printed", unit: tableUnit, decimals: tableUnit === "YUAN" ? 0 : 2, narrative: { unit: "WAN_YUAN" } },
    narrativeText: paragraphs,
  });
  return findings
    .filter((f) => /^N\d/.test(f.rule))
    .map((f) => ({
      rule: f.rule,
      severity: f.severity,
      message: f.message,
      source: f.location.page ? { page: f.location.page, table: "", row: 0, column: "" } : null,
    }));
}
