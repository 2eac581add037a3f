import type { ClassificationCode, CodeBook } from "@/lib/disclosure/types";

export type CodeScheme = "functional" | "economic";

/** Entries an expenditure or economic line may use: functional 项 (7 digits), economic 款 (5 digits). */
export function selectableCodes(codeBook: CodeBook, scheme: CodeScheme): ClassificationCode[] {
  const length = scheme === "functional" ? 7 : 5;
  return codeBook[scheme].filter((c) => c.code.length === length);
}

/**
 * Finds selectable codes by code or name: digits match a code's start (2210 → 2210201) or any
 * part of it, text matches the code's name or its parents' names (住房 → 2210201 住房公积金).
 * Exact code first, then code prefixes, then name matches; at most `limit`.
 */
export function searchCodes(codeBook: CodeBook, scheme: CodeScheme, query: string, limit = 20): ClassificationCode[] {
  const q = query.trim();
  const candidates = selectableCodes(codeBook, scheme);
  if (q === "") return candidates.slice(0, limit);
  const names = new Map(codeBook[scheme].map((c) => [c.code, c.name]));
  const words = q.split(/\s+/).filter(Boolean);
  const scored: { code: ClassificationCode; score: number }[] = [];
  for (const code of candidates) {
    let score = 0;
    for (const word of words) {
      let s = 0;
      if (/^\d+$/.test(word)) {
        if (code.code === word) s = 100;
        else if (code.code.startsWith(word)) s = 50;
        else if (code.code.includes(word)) s = 10;
      } else if (code.name.includes(word)) {
        s = code.name.startsWith(word) ? 40 : 30;
      } else {
        const parents = [code.code.slice(0, 3), code.code.slice(0, 5)].map((p) => names.get(p) ?? "");
        if (parents.some((name) => name.includes(word))) s = 5;
      }
      if (s === 0) {
        score = 0;
        break;
      }
      score += s;
    }
    if (score > 0) scored.push({ code, score });
  }
  scored.sort((a, b) => b.score - a.score || a.code.code.localeCompare(b.code.code));
  return scored.slice(0, limit).map((s) => s.code);
}

/** The code at the start of a pasted or typed cell such as "2210201 住房公积金" or "2210201". */
export function leadingCode(text: string): string {
  const match = /^\s*(\d+)/.exec(text);
  return match?.[1] ?? text.trim();
}
