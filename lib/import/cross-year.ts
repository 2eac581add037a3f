import { formatAmount } from "@/lib/disclosure/money";
import type { Fen } from "@/lib/disclosure/types";
import { printedFen } from "./amounts";
import type { ImportFinding } from "./check-printed-sums";
import type { ImportedDocument } from "./import-document";
import type { DocumentFigures } from "./read-figures";

/** One “比上年增加/减少” sentence of a document, set against the previous year's published figure. */
export interface YearChange {
  /** 收支总计, 基本支出, 项目支出, 单位预留机动经费 */
  subject: string;
  /** the change the narrative states (negative for 减少) */
  stated: Fen;
  /** this year's figure minus last year's, from the two documents' tables */
  derived: Fen;
  current: Fen;
  previous: Fen;
}

const CHANGE = String.raw`[，,。]?(?:与上年相比(?:收、支预算总计各)?|比上年|比\d{4}年预算)(增加|减少)了?([\d,]+(?:\.\d+)?)万元`;

const SUBJECTS: { subject: string; figure: keyof DocumentFigures; pattern: RegExp }[] = [
  { subject: "收支总计", figure: "expenditureTotal", pattern: new RegExp(String.raw`(?:收入、支出预算总计|收、支预算总计|收支预算总计|支出预算)[\d,.]+万元` + CHANGE) },
  { subject: "基本支出", figure: "basic", pattern: new RegExp(String.raw`基本支出(?:预算数为|预算数|预算)?[\d,.]+万元` + CHANGE) },
  { subject: "项目支出", figure: "project", pattern: new RegExp(String.raw`项目支出(?:预算数为|预算数|预算)?[\d,.]+万元` + CHANGE) },
  { subject: "单位预留机动经费", figure: "reserve", pattern: new RegExp(String.raw`单位预留机动经费(?:预算数为|预算数|预算)?[\d,.]+万元` + CHANGE) },
];

const wan = (fen: Fen) => `${formatAmount(fen, "WAN_YUAN")}万元`;

/**
 * Checks the “比上年” sentences of a document against the previous year's document of the same
 * department: each stated change must equal the difference of the two printed figures, within
 * one printed digit (0.01 万元) of rounding; otherwise a finding says which sentence and by how much.
 */
export function compareWithPreviousYear(current: ImportedDocument, previous: ImportedDocument): { changes: YearChange[]; findings: ImportFinding[] } {
  const text = current.narrative.replace(/\n/g, "");
  const changes: YearChange[] = [];
  const findings: ImportFinding[] = [];
  for (const { subject, figure, pattern } of SUBJECTS) {
    const m = pattern.exec(text);
    const now = current.figures[figure];
    const before = previous.figures[figure];
    if (!m || !now || !before || typeof now !== "object" || typeof before !== "object" || !("fen" in now) || !("fen" in before)) continue;
    const stated = printedFen(m[2] ?? "0", "WAN_YUAN") * (m[1] === "减少" ? -1 : 1);
    const derived = (now.fen as Fen) - (before.fen as Fen);
    changes.push({ subject, stated, derived, current: now.fen as Fen, previous: before.fen as Fen });
    const difference = Math.abs(stated - derived);
    if (difference === 0) continue;
    const rounding = difference <= 10_000;
    findings.push({
      rule: "C14",
      severity: rounding ? "warning" : "error",
      message: `${current.year}年说明称${subject}比上年${m[1]}${wan(Math.abs(stated))}，但${previous.year}年公开文件为${wan(before.fen as Fen)}、本年为${wan(now.fen as Fen)}，实际${derived < 0 ? "减少" : "增加"}${wan(Math.abs(derived))}${rounding ? "（尾差）" : ""}。`,
      source: null,
      expected: derived,
      actual: stated,
    });
  }
  return { changes, findings };
}
