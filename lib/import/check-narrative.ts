import { checkDisclosure } from "@/lib/disclosure/check";
import type { NarrativeParagraph } from "@/lib/disclosure/narrative";
import type { AmountUnit } from "@/lib/disclosure/types";
import type { ImportFinding } from "./check-printed-sums";
import { compact, lineText, type LayoutLine } from "./layout";
import type { ImportedDocument } from "./import-document";
import { toBudget } from "./to-budget";

const PARAGRAPH_START = /^[（(]?[一二三四五六七八九十\d]+[)）、.．]/;

/** The narrative's paragraphs as printed: lines joined until a sentence ends; table rows left out. */
export function narrativeParagraphs(lines: readonly LayoutLine[]): NarrativeParagraph[] {
  const paragraphs: NarrativeParagraph[] = [];
  let current: NarrativeParagraph | null = null;
  for (const line of lines) {
    if (line.cells.length >= 3) {
      current = null;
      continue;
    }
    const text = compact(lineText(line));
    if (!text) continue;
    if (!current || PARAGRAPH_START.test(text) || /。$/.test(current.text)) {
      current = { text, page: line.page };
      paragraphs.push(current);
    } else {
      current.text += text;
    }
  }
  return paragraphs.filter((p) => p.text.length >= 8);
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
