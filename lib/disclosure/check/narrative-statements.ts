import type { Finding, FindingLocation } from "../findings";
import type { NarrativeParagraph } from "../narrative";
import { FEN_PER_WAN_YUAN, FEN_PER_YUAN } from "../money";
import type { CheckContext } from "./context";
import { isEmptyReason } from "./reasons";

/**
 * N1, N2, N4 and N5: what the paragraphs of an imported narrative state in words. Generated narratives
 * have none (their sentences are built from the data), so these rules cost nothing while typing.
 */

/** A stated number with its printed precision: "2,214.39" has two decimals, "10.06" too. */
interface Stated {
  value: number;
  /** half a unit of the last printed digit: the rounding the figure may carry */
  half: number;
  text: string;
}

function stated(text: string): Stated {
  const clean = text.replace(/[,，]/g, "");
  const decimals = clean.includes(".") ? (clean.split(".")[1]?.length ?? 0) : 0;
  return { value: Number(clean), half: 0.5 / 10 ** decimals, text: clean };
}

/** A stated rate may be cut off rather than rounded (10.158% printed 10.15%): one whole last digit either way. */
function statedRate(text: string): Stated {
  const rate = stated(text);
  return { ...rate, half: rate.half * 2 };
}

const NUMBER = String.raw`(\d[\d,，]*(?:\.\d+)?)`;
const UNIT = "(万元|元)";
const UP = "增加|增长|上升|增幅";
const DOWN = "减少|下降|降低|降幅";

/**
 * Between a figure and what the sentence says of it: no other figure (years aside), so the figure
 * is the nearest one; it may end one sentence ("…为4335.3万元。与上年相比减少了…").
 */
const GAP = String.raw`(?:[^。%％\d]|\d{4}年)`;
/** "…A万元…比上年增加D万元，增长P%": the current figure, the change, and the rate. */
const AMOUNT_CHANGE = new RegExp(
  `${NUMBER}${UNIT}${GAP}{0,40}?(?:。${GAP}{0,30}?)?(${UP}|${DOWN})了?${NUMBER}${UNIT}[，,、]?(?:${UP}|${DOWN})了?${NUMBER}[%％]`,
  "gu",
);
/** "…A万元，比上年增加D万元" without a rate: an increase cannot be larger than what it arrived at. */
const AMOUNT_INCREASE = new RegExp(`${NUMBER}${UNIT}${GAP}{0,40}?(?:${UP})了?${NUMBER}${UNIT}`, "gu");
/** "…执行数为A万元，2024年预算安排B万元，比…增加P%": last year's figure, this year's, and the rate. */
const TWO_FIGURES_CHANGE = new RegExp(`为${NUMBER}${UNIT}[，,][^。%]{0,30}?${NUMBER}${UNIT}[，,]比[^。%，]{0,20}?(${UP}|${DOWN})了?${NUMBER}[%％]`, "gu");
/** "主要原因是……" up to the end of its clause; a bare "原因" (a heading's "增减变化原因") announces nothing. */
const REASON = /(?:主要原因|原因)(?:是|为|[:：])[:：]?([^。；;]*)/gu;

/** An amount in 分, possibly fractional: it only feeds rate arithmetic, never a stored figure. */
function fen(value: number, unit: string): number {
  return value * (unit === "万元" ? FEN_PER_WAN_YUAN : FEN_PER_YUAN);
}

function isUp(word: string): boolean {
  return UP.split("|").includes(word);
}

function percentText(value: number, decimals: number): string {
  return `${value.toFixed(decimals)}%`;
}

function decimalsOf(s: Stated): number {
  return s.text.includes(".") ? (s.text.split(".")[1]?.length ?? 0) : 0;
}

/** The range of the rate (in %) the printed figures allow: the change and last year's figure each within their rounding. */
function rateRange(change: number, changeHalf: number, prior: number, priorHalf: number): [number, number] {
  const low = Math.max(0, change - changeHalf) / (prior + priorHalf);
  const high = (change + changeHalf) / Math.max(1, prior - priorHalf);
  return [low * 100, high * 100];
}

function outside(rate: Stated, [low, high]: [number, number]): boolean {
  return rate.value + rate.half < low || rate.value - rate.half > high;
}

function excerpt(text: string, index: number, length: number): string {
  const start = Math.max(0, index);
  const body = text.slice(start, start + length);
  return `${start > 0 ? "…" : ""}${body}`;
}

function where(paragraph: NarrativeParagraph): string {
  return paragraph.page === undefined ? "情况说明" : `情况说明（第${paragraph.page}页）`;
}

function location(paragraph: NarrativeParagraph, index: number): FindingLocation {
  return { section: paragraph.section ?? "change", paragraph: index, ...(paragraph.page === undefined ? {} : { page: paragraph.page }) };
}

/** The paragraph as one line: PDF text wraps mid-number ("2214.39\n万元") and spaces digits out. */
export function joinedText(text: string): string {
  return text.replace(/\s+/gu, "");
}

function checkRates(paragraph: NarrativeParagraph, index: number, text: string, out: Finding[]): void {
  const report = (at: number, length: number, computed: string, statedRate: string, basis: string): void => {
    out.push({
      rule: "N4",
      severity: "error",
      message: `${where(paragraph)}“${excerpt(text, at, length)}”：${basis}，变化率应为${computed}，不是${statedRate}。`,
      location: location(paragraph, index),
      tolerance: 0,
    });
  };
  for (const m of text.matchAll(AMOUNT_CHANGE)) {
    const [, currentText = "", currentUnit = "", word = "", changeText = "", changeUnit = "", rateText = ""] = m;
    const current = stated(currentText);
    const change = stated(changeText);
    const rate = statedRate(rateText);
    checkReasonDirection(paragraph, index, text, m, word, out);
    const sign = isUp(word) ? 1 : -1;
    const changeFen = fen(change.value, changeUnit);
    const priorFen = fen(current.value, currentUnit) - sign * changeFen;
    if (priorFen <= 0) continue;
    const changeHalf = fen(change.half, changeUnit);
    const range = rateRange(changeFen, changeHalf, priorFen, fen(current.half, currentUnit) + changeHalf);
    if (!outside(rate, range)) continue;
    report(
      m.index ?? 0,
      m[0].length,
      percentText((changeFen / priorFen) * 100, decimalsOf(rate)),
      `${rate.text}%`,
      `按本年${current.text}${currentUnit}、${sign > 0 ? "增加" : "减少"}${change.text}${changeUnit}计算，上年为${(priorFen / fen(1, currentUnit)).toFixed(decimalsOf(current))}${currentUnit}`,
    );
  }
  for (const m of text.matchAll(AMOUNT_INCREASE)) {
    const [, currentText = "", currentUnit = "", changeText = "", changeUnit = ""] = m;
    const current = stated(currentText);
    const change = stated(changeText);
    if (fen(change.value - change.half, changeUnit) <= fen(current.value + current.half, currentUnit)) continue;
    out.push({
      rule: "N4",
      severity: "error",
      message: `${where(paragraph)}“${excerpt(text, m.index ?? 0, m[0].length)}”：本年只有${current.text}${currentUnit}，不可能比上年增加${change.text}${changeUnit}（上年将为负数）。`,
      location: location(paragraph, index),
      tolerance: 0,
    });
  }
  for (const m of text.matchAll(TWO_FIGURES_CHANGE)) {
    const [, priorText = "", priorUnit = "", currentText = "", currentUnit = "", word = "", rateText = ""] = m;
    const prior = stated(priorText);
    const current = stated(currentText);
    const rate = statedRate(rateText);
    const priorFen = fen(prior.value, priorUnit);
    if (priorFen <= 0) continue;
    checkReasonDirection(paragraph, index, text, m, word, out);
    const delta = fen(current.value, currentUnit) - priorFen;
    const sign = isUp(word) ? 1 : -1;
    const range = rateRange(Math.abs(delta), fen(prior.half, priorUnit) + fen(current.half, currentUnit), priorFen, fen(prior.half, priorUnit));
    const wrongDirection = delta !== 0 && Math.sign(delta) !== sign;
    if (!wrongDirection && !outside(rate, range)) continue;
    report(
      m.index ?? 0,
      m[0].length,
      percentText((delta / priorFen) * 100, decimalsOf(rate)),
      `${sign > 0 ? "增加" : "减少"}${rate.text}%`,
      `由${prior.text}${priorUnit}变为${current.text}${currentUnit}`,
    );
  }
}

/** The reason right after a stated change: "…减少2.98%。主要原因是：…经费增加。" */
const FOLLOWING_REASON = /^[。，,；]?(?:主要)?原因(?:是|为|[:：])[:：]?([^。；;]*)/u;
const REASON_UP = /增加|增长|上升|提高|增多|新增|扩大/u;
const REASON_DOWN = /减少|下降|降低|减小|压缩|缩减|节约|核减/u;

/** N5: the reason given for a change says the opposite direction (a decrease "because" something increased). */
function checkReasonDirection(paragraph: NarrativeParagraph, index: number, text: string, match: RegExpMatchArray, word: string, out: Finding[]): void {
  const end = (match.index ?? 0) + match[0].length;
  const reason = FOLLOWING_REASON.exec(text.slice(end))?.[1] ?? "";
  const up = REASON_UP.test(reason);
  const down = REASON_DOWN.test(reason);
  if (up === down) return; // no direction, or both: nothing to contradict
  const statedUp = isUp(word);
  if (up === statedUp) return;
  out.push({
    rule: "N5",
    severity: "warning",
    message: `${where(paragraph)}“${excerpt(text, match.index ?? 0, match[0].length)}”说的是${statedUp ? "增加" : "减少"}，但所述原因“${reason}”说的是${up ? "增加" : "减少"}。`,
    location: location(paragraph, index),
    tolerance: 0,
  });
}

function checkReasons(paragraph: NarrativeParagraph, index: number, text: string, out: Finding[]): void {
  for (const m of text.matchAll(REASON)) {
    const reason = m[1] ?? "";
    if (!isEmptyReason(reason)) continue;
    const start = Math.max(0, (m.index ?? 0) - 20);
    out.push({
      rule: "N1",
      severity: "error",
      message: `${where(paragraph)}“${excerpt(text, start, (m.index ?? 0) - start + m[0].length + 1)}”没有说明原因。`,
      location: location(paragraph, index),
      tolerance: 0,
    });
  }
}

/** Paragraphs this long that recur verbatim, this many in a row, are a block printed twice, not a phrase used twice. */
const REPEATED_PARAGRAPH_LENGTH = 30;
const REPEATED_RUN = 3;

/** N2: the narrative prints a passage twice (上海市普陀区财政局 2025 printed its whole 编制说明 twice). */
function checkRepeatedParagraphs(paragraphs: readonly NarrativeParagraph[], texts: readonly string[], out: Finding[]): void {
  const first = new Map<string, number>();
  const repeats: [number, number][] = [];
  texts.forEach((text, index) => {
    if (text.length < REPEATED_PARAGRAPH_LENGTH) return;
    const earlier = first.get(text);
    if (earlier === undefined) first.set(text, index);
    else repeats.push([earlier, index]);
  });
  // The longest run of paragraphs that repeat an equally long run before them (a sentence a document
  // legitimately repeats, e.g. 人员经费 in two sections, is no run).
  const repeatOf = new Map(repeats.map(([e, i]) => [i, e]));
  let best: [number, number, number] | null = null;
  for (const [e, i] of repeats) {
    if (repeatOf.get(i - 1) === e - 1) continue; // not the start of a run
    let length = 1;
    while (repeatOf.get(i + length) === e + length) length++;
    if (!best || length > best[2]) best = [e, i, length];
  }
  if (!best || best[2] < REPEATED_RUN) return;
  const [earlier, index, length] = best;
  const paragraph = paragraphs[index] as NarrativeParagraph;
  const at = (i: number): string => (paragraphs[i]?.page === undefined ? `第${i + 1}段` : `第${paragraphs[i]?.page}页第${i + 1}段`);
  out.push({
    rule: "N2",
    severity: "error",
    message: `情况说明自${at(index)}起连续${length}段与${at(earlier)}起的文字完全相同，像是重复印刷（“${excerpt(texts[index] ?? "", 0, 30)}…”）。`,
    location: location(paragraph, index),
    tolerance: 0,
  });
}

/** N1: reasons that say nothing; N2: passages printed twice; N4: stated changes that their own figures contradict. */
export function checkNarrativeStatements(ctx: CheckContext, out: Finding[]): void {
  if (ctx.narrativeText.length === 0) return;
  const texts = ctx.narrativeText.map((p) => joinedText(p.text));
  ctx.narrativeText.forEach((paragraph, index) => {
    const text = texts[index] ?? "";
    checkReasons(paragraph, index, text, out);
    checkRates(paragraph, index, text, out);
  });
  checkRepeatedParagraphs(ctx.narrativeText, texts, out);
}

/** The administrative level a region's name ends in, and the 级 words another level's finance would use. */
const OTHER_LEVELS: readonly [RegExp, RegExp][] = [
  [/[县区旗]$/u, /(?:省|市)级财政/u],
  [/市$/u, /(?:省|县|区)级财政/u],
  [/省$/u, /(?:市|县|区)级财政/u],
];

/**
 * N6: the text speaks of another level's finance (“市级财政” in a district's document, copied from a
 * municipal template: 万里街道 2024). Reads the glossary and an imported narrative's paragraphs.
 */
export function checkGovernmentLevel(ctx: CheckContext, out: Finding[]): void {
  const region = ctx.budget.region.name.trim();
  const other = OTHER_LEVELS.find(([level]) => level.test(region))?.[1];
  if (!other) return;
  const report = (text: string, where: string, location: FindingLocation): void => {
    const m = other.exec(joinedText(text));
    if (!m) return;
    out.push({
      rule: "N6",
      severity: "warning",
      message: `${where}说的是“${m[0]}”，但这是${region}的文件；请核对是否沿用了其他级次的文字。`,
      location,
      tolerance: 0,
    });
  };
  ctx.budget.glossary.forEach((entry) => report(entry.definition, `名词解释“${entry.term}”`, {}));
  ctx.narrativeText.forEach((paragraph, index) => report(paragraph.text, where(paragraph), location(paragraph, index)));
}
