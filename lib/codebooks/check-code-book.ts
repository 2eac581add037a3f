import type { ClassificationCode, CodeBook } from "@/lib/disclosure/types";
import { codeShape, LEVEL_LABELS, SCHEME_LABELS } from "./code-structure";

/**
 * Why a book cannot be stored, in Chinese (empty when it can): each code of its scheme's shape with
 * the level and parent its digits give, a name, at most once, under a parent of the book; both
 * schemes present. The file reader reports the same with sheet and row; this guards every other way in.
 */
export function codeBookProblems(book: Pick<CodeBook, "functional" | "economic">): string[] {
  const problems: string[] = [];
  const all: ClassificationCode[] = [...book.functional, ...book.economic];
  if (book.functional.length === 0) problems.push("科目表中没有支出功能分类科目。");
  if (book.economic.length === 0) problems.push("科目表中没有支出经济分类科目。");
  const seen = new Set<string>();
  for (const [list, scheme] of [[book.functional, "FUNCTIONAL"], [book.economic, "ECONOMIC"]] as const) {
    for (const code of list) {
      if (code.scheme !== scheme) problems.push(`科目 ${code.code} 放错了科目表。`);
    }
  }
  for (const code of all) {
    const shape = codeShape(code.code, code.scheme);
    if (!shape.ok) {
      problems.push(`${shape.message}。`);
      continue;
    }
    if (shape.level !== code.level || shape.parentCode !== code.parentCode) problems.push(`科目 ${code.code} 的级次或上级科目与编码不符。`);
    if (code.name.trim() === "") problems.push(`科目 ${code.code} 的名称为空。`);
    const key = `${code.scheme}:${code.code}`;
    if (seen.has(key)) problems.push(`科目编码 ${code.code} 重复。`);
    seen.add(key);
  }
  for (const code of all) {
    if (code.parentCode !== null && !seen.has(`${code.scheme}:${code.parentCode}`)) {
      problems.push(`${LEVEL_LABELS[code.level]} ${code.code} 的上级 ${code.parentCode} 不在${SCHEME_LABELS[code.scheme]}中。`);
    }
  }
  return problems;
}
