import type { TableId } from "@/lib/disclosure/table-model";
import type { SheetKind } from "./import-types";

/** What each recognised sheet is, in the accountant's words. */
export const SHEET_KIND_LABELS: Record<SheetKind, string> = {
  T1: "表1 收支总表",
  T2: "表2 收入总表",
  T3: "表3 支出总表",
  T4: "表4 财政拨款收支总表",
  T5: "表5 一般公共预算财政拨款支出表",
  T6: "表6 一般公共预算财政拨款基本支出表",
  T7: "表7 政府性基金预算财政拨款支出表",
  T8: "表8 国有资本经营预算财政拨款支出表",
  T9: "表9 “三公”经费支出表",
  LINES: "预算明细（每行一条）",
  PROJECTS: "项目及绩效目标",
  INDICATORS: "绩效指标",
  ASSETS: "固定资产",
  PROCUREMENT: "政府采购",
};

export function isTableKind(kind: SheetKind): kind is TableId {
  return /^T\d$/.test(kind);
}
