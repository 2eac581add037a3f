import type { ClassificationCode, ClassificationScheme } from "@/lib/disclosure/types";

/**
 * The shape of 政府收支分类科目 codes: 支出功能分类 类 (3 digits) › 款 (5) › 项 (7), starting with 2;
 * 部门预算支出经济分类 类 (3) › 款 (5), starting with 3 (政府预算支出经济分类, 5xx, has the same shape).
 */
export const SCHEME_LABELS: Record<ClassificationScheme, string> = {
  FUNCTIONAL: "支出功能分类科目",
  ECONOMIC: "支出经济分类科目",
};

export const LEVEL_LABELS: Record<1 | 2 | 3, string> = { 1: "类", 2: "款", 3: "项" };

const LEVEL_BY_LENGTH: Record<number, 1 | 2 | 3> = { 3: 1, 5: 2, 7: 3 };

/** The scheme a code's first digit says: 2xx functional, 3xx and 5xx economic; null for anything else (e.g. 1xx 收入分类). */
export function schemeOfCode(code: string): ClassificationScheme | null {
  if (code.startsWith("2")) return "FUNCTIONAL";
  if (code.startsWith("3") || code.startsWith("5")) return "ECONOMIC";
  return null;
}

export type CodeShape = { ok: true; level: 1 | 2 | 3; parentCode: string | null } | { ok: false; message: string };

/** Level and parent from the digits alone, or why the code cannot be one of the scheme's. */
export function codeShape(code: string, scheme: ClassificationScheme): CodeShape {
  if (!/^\d+$/.test(code)) return { ok: false, message: `科目编码“${code}”应只含数字` };
  const level = LEVEL_BY_LENGTH[code.length];
  const lengths = scheme === "FUNCTIONAL" ? "3 位（类）、5 位（款）或 7 位（项）" : "3 位（类）或 5 位（款）";
  if (level === undefined || (scheme === "ECONOMIC" && level === 3)) {
    return { ok: false, message: `${SCHEME_LABELS[scheme]}的编码应为${lengths}数字，“${code}”是 ${code.length} 位` };
  }
  const expected = schemeOfCode(code);
  if (expected !== scheme) {
    const should = scheme === "FUNCTIONAL" ? "以 2 开头" : "以 3 或 5 开头";
    return { ok: false, message: `${SCHEME_LABELS[scheme]}的编码应${should}，“${code}”不是` };
  }
  return { ok: true, level, parentCode: level === 1 ? null : code.slice(0, level === 2 ? 3 : 5) };
}

/** A code with its level and parent derived; the caller has checked its shape. */
export function classificationCode(scheme: ClassificationScheme, code: string, name: string): ClassificationCode | null {
  const shape = codeShape(code, scheme);
  return shape.ok ? { scheme, code, name, level: shape.level, parentCode: shape.parentCode } : null;
}

/**
 * Code and name written in one cell, as many bureaus' files do: "2013701 行政运行",
 * "2013701　行政运行", "[2013701]行政运行", "2013701-行政运行". Null when the text does not start with a code.
 */
export function splitCodeAndName(text: string): { code: string; name: string } | null {
  const match = /^[[【(（]?(\d{3,7})[\]】)）]?[\s\u3000\-－—:：、.．]*(.*)$/u.exec(text.trim());
  if (match === null) return null;
  return { code: match[1] ?? "", name: cleanName(match[2] ?? "") };
}

/** Names as printed, without the indentation bureaus use to show the hierarchy. */
export function cleanName(text: string): string {
  return text.replace(/^[\s\u3000]+|[\s\u3000]+$/g, "");
}
