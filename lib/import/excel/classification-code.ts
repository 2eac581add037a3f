import type { CellValue } from "@/lib/spreadsheet/read-spreadsheet";
import type { ColumnSpec } from "./sheet-table";
import { textAt } from "./sheet-table";

/** The columns that carry a classification code: one code column, 类|款|项 apart, or code and name in one cell. */
export type CodeField = "code" | "name" | "codeAndName" | "class" | "section" | "item";

export const FUNCTIONAL_CODE_SPECS: readonly ColumnSpec<CodeField>[] = [
  { field: "class", group: "code", label: "类", aliases: ["类"] },
  { field: "section", group: "code", label: "款", aliases: ["款"] },
  { field: "item", group: "code", label: "项", aliases: ["项"] },
  { field: "code", group: "code", label: "科目编码", aliases: ["科目编码", "功能分类科目编码", "功能科目编码", "编码", "科目代码", "功能分类科目/编码"] },
  { field: "name", label: "科目名称", aliases: ["科目名称", "功能分类科目名称", "功能科目名称", "名称"] },
  { field: "codeAndName", group: "code", label: "科目（编码和名称）", aliases: ["功能分类科目", "支出功能分类科目", "功能科目", "科目", "功能分类"] },
];

export const ECONOMIC_CODE_SPECS: readonly ColumnSpec<CodeField>[] = [
  { field: "class", group: "code", label: "类", aliases: ["类"] },
  { field: "section", group: "code", label: "款", aliases: ["款"] },
  { field: "code", group: "code", label: "科目编码", aliases: ["科目编码", "经济分类科目编码", "部门经济分类科目编码", "编码", "科目代码"] },
  { field: "name", label: "科目名称", aliases: ["科目名称", "经济分类科目名称", "名称"] },
  { field: "codeAndName", group: "code", label: "科目（编码和名称）", aliases: ["部门预算支出经济分类科目", "支出部门经济分类科目", "部门经济分类科目", "经济分类科目", "科目"] },
];

const CODE_AND_NAME = /^[[【(]?(\d{3}(?:\d{2}){0,2})[\]】)]?\s*(.*)$/;

/** Splits "2013701 行政运行" (or "[2013701]行政运行", or a bare code) into code and name. */
export function splitCodeAndName(text: string): { code: string; name: string } | null {
  const match = CODE_AND_NAME.exec(text.trim());
  if (!match) return null;
  return { code: match[1] ?? "", name: (match[2] ?? "").trim() };
}

/**
 * The classification code of a row, whichever way the sheet writes it: 类|款|项 apart (款 and
 * 项 as 2-digit parts or as full codes), one code column, or code and name in one cell. Returns
 * the code ("" when the row has none, e.g. 合计) and the name as written.
 */
export function rowCode(cells: readonly CellValue[], columns: Partial<Record<CodeField, number>>): { code: string; name: string } {
  const name = textAt(cells, columns, "name");
  const parts = (["class", "section", "item"] as const).map((f) => textAt(cells, columns, f).replace(/\s/g, ""));
  if (parts.some((p) => p !== "")) {
    let code = "";
    for (const part of parts) {
      if (part === "") break;
      code = part.length > 2 && part.startsWith(code) ? part : code + part;
    }
    return { code, name };
  }
  const single = textAt(cells, columns, "code").replace(/\s/g, "");
  if (single !== "") {
    const split = splitCodeAndName(single);
    return split ? { code: split.code, name: name || split.name } : { code: single, name };
  }
  const combined = textAt(cells, columns, "codeAndName");
  const split = splitCodeAndName(combined);
  if (split) return { code: split.code, name: split.name || name };
  return { code: "", name: name || combined };
}
