import { normalizeText } from "./bigrams";

/** A piece of a result's text; `isMatch` pieces are shown marked (<mark>). Plain text: renderers escape it. */
export interface TextSegment {
  text: string;
  isMatch: boolean;
}

/**
 * Splits `text` into matched and unmatched segments for the query's terms (as returned by
 * parseQuery), comparing per character after the same normalization as the index (NFKC, lower
 * case), and cuts a long text to about `maxLength` characters around the first match.
 */
export function highlight(text: string, terms: readonly string[], maxLength = 120): TextSegment[] {
  const chars = [...text];
  const folded = chars.map((c) => {
    const n = normalizeText(c);
    return [...n].length === 1 ? n : c;
  });
  const marked = new Array<boolean>(chars.length).fill(false);
  for (const term of terms) {
    const termChars = [...term];
    if (termChars.length === 0) continue;
    for (let i = 0; i + termChars.length <= folded.length; i += 1) {
      let isHit = true;
      for (let j = 0; j < termChars.length; j += 1) {
        if (folded[i + j] !== termChars[j]) {
          isHit = false;
          break;
        }
      }
      if (isHit) for (let j = 0; j < termChars.length; j += 1) marked[i + j] = true;
    }
  }
  let start = 0;
  let end = chars.length;
  if (chars.length > maxLength) {
    const first = Math.max(0, marked.indexOf(true));
    start = Math.max(0, first - Math.floor(maxLength / 3));
    end = Math.min(chars.length, start + maxLength);
  }
  const segments: TextSegment[] = [];
  if (start > 0) segments.push({ text: "…", isMatch: false });
  for (let i = start; i < end; i += 1) {
    const last = segments[segments.length - 1];
    const char = chars[i] ?? "";
    const isMatch = marked[i] ?? false;
    if (last !== undefined && last.isMatch === isMatch && !(i === start && start > 0)) last.text += char;
    else segments.push({ text: char, isMatch });
  }
  if (end < chars.length) segments.push({ text: "…", isMatch: false });
  return segments;
}
