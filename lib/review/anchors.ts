import { TABLE_IDS, type DerivedTables } from "@/lib/disclosure/table-model";
import type { AnchorRow } from "./queries";

/** Sections a comment can point to besides the tables: the whole budget, or a part of the 情况说明. */
export const COMMENT_SECTIONS: Readonly<Record<string, string>> = {
  general: "总体意见",
  "narrative-duties": "情况说明 一、单位职责及机构设置",
  "narrative-overview": "情况说明 二、总体情况",
  "narrative-operating-funds": "情况说明 三、机关运行经费",
  "narrative-three-public": "情况说明 四、“三公”经费",
  "narrative-performance": "情况说明 五、项目及绩效目标",
  "narrative-procurement": "情况说明 六、政府采购",
  "narrative-assets": "情况说明 七、国有资产",
  "narrative-glossary": "情况说明 八、名词解释",
  "narrative-other": "情况说明 九、其他事项",
};

export interface CommentAnchor {
  anchorTable: number | null;
  anchorRow: string | null;
  anchorSection: string | null;
}

export interface AnchorContext {
  tables: DerivedTables;
  rows: Readonly<Record<string, readonly AnchorRow[]>>;
}

/** "表3 单位预算支出总表 · 2013701 行政运行", "情况说明 四、“三公”经费", "总体意见". */
export function anchorLabel(anchor: CommentAnchor, context: AnchorContext): string {
  if (anchor.anchorTable !== null) {
    const id = TABLE_IDS[anchor.anchorTable - 1];
    const table = id === undefined ? undefined : context.tables[id];
    const tableLabel = table === undefined ? `表${anchor.anchorTable}` : `表${table.number} ${table.title}`;
    if (anchor.anchorRow === null || id === undefined) return tableLabel;
    const row = context.rows[id]?.find((r) => r.key === anchor.anchorRow);
    return `${tableLabel} · ${row?.label ?? anchor.anchorRow}`;
  }
  if (anchor.anchorSection !== null) return COMMENT_SECTIONS[anchor.anchorSection] ?? anchor.anchorSection;
  return "总体意见";
}
