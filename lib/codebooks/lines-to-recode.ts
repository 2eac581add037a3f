import { BASIC_CATEGORY_LABELS, EXPENDITURE_KIND_LABELS, FUND_SOURCE_LABELS } from "@/lib/disclosure/labels";
import type { Budget, ClassificationScheme, CodeBook } from "@/lib/disclosure/types";

/** A line carried into next year whose code the new book removed or renamed: the accountant re-codes it. */
export interface LineToRecode {
  /** where the line is, e.g. "支出 · 基本支出 · 一般公共预算财政拨款" or "项目 · 网络安全项目" */
  where: string;
  scheme: ClassificationScheme;
  code: string;
  oldName: string;
  /** the new name, or null when the code is gone */
  newName: string | null;
  /** the whole sentence, in Chinese */
  message: string;
}

/**
 * The lines of a budget carried from last year (entered under `before`) whose code `after` has
 * removed or renamed, in the editor's order: expenditure, basic economic, projects.
 */
export function linesToRecode(budget: Budget, before: CodeBook, after: CodeBook): LineToRecode[] {
  const names = (book: CodeBook) => new Map([...book.functional, ...book.economic].map((c) => [`${c.scheme}:${c.code}`, c.name]));
  const old = names(before);
  const next = names(after);
  const result: LineToRecode[] = [];
  const check = (where: string, scheme: ClassificationScheme, code: string) => {
    const key = `${scheme}:${code}`;
    const newName = next.get(key) ?? null;
    const oldName = old.get(key) ?? "";
    if (newName !== null && newName === oldName) return;
    if (newName !== null && oldName === "") return;
    const label = `${code}${oldName === "" ? "" : ` ${oldName}`}`;
    const message =
      newName === null
        ? `${where}：科目 ${label} 在${after.year}年科目表中已取消，请改选新的科目。`
        : `${where}：科目 ${code} 在${after.year}年已更名为“${newName}”（原为“${oldName}”），请确认是否仍然适用。`;
    result.push({ where, scheme, code, oldName, newName, message });
  };
  for (const line of budget.expenditure) {
    check(`支出 · ${EXPENDITURE_KIND_LABELS[line.kind]} · ${FUND_SOURCE_LABELS[line.source]}`, "FUNCTIONAL", line.functionalCode);
  }
  for (const line of budget.basicEconomic) {
    check(`基本支出经济分类 · ${BASIC_CATEGORY_LABELS[line.category]} · ${FUND_SOURCE_LABELS[line.source]}`, "ECONOMIC", line.economicCode);
  }
  for (const project of budget.projects) {
    check(`项目 · ${project.name}`, "FUNCTIONAL", project.functionalCode);
  }
  return result;
}
