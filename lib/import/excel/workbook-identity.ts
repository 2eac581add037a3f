import { cellText } from "@/lib/spreadsheet/header-map";
import type { SheetData } from "@/lib/spreadsheet/read-spreadsheet";

/** The unit and year a workbook's title rows name: `224001中共…本级`, `单位名称：…`, `预算年度：2024`, `2024年…`. */
export interface WorkbookIdentity {
  unitCode: string | null;
  unitName: string | null;
  year: number | null;
}

const UNIT_CELL = /^(?:(?:预算)?单位(?:名称|编码)?[:：])?\s*(\d{3,12})(?!\d|\s*年)\s*([\u4e00-\u9fa5（）()][^:：]*)$/;
const UNIT_NAME_CELL = /^(?:预算)?单位名称[:：]\s*(.+)$/;
const YEAR_CELL = /(?:预算年度|年度)[:：]\s*(\d{4})/;
const YEAR_IN_TITLE = /(20\d{2})年/;

export function workbookIdentity(sheets: readonly SheetData[]): WorkbookIdentity {
  const identity: WorkbookIdentity = { unitCode: null, unitName: null, year: null };
  for (const sheet of sheets) {
    for (const row of sheet.rows.slice(0, 5)) {
      for (const value of row) {
        const text = cellText(value).trim();
        if (text === "" || text.length > 80) continue;
        const unit = UNIT_CELL.exec(text);
        if (unit && identity.unitCode === null) {
          identity.unitCode = unit[1] ?? null;
          identity.unitName = (unit[2] ?? "").trim() || null;
        }
        const name = UNIT_NAME_CELL.exec(text);
        if (name && identity.unitName === null) identity.unitName = (name[1] ?? "").trim();
        const year = YEAR_CELL.exec(text) ?? YEAR_IN_TITLE.exec(text);
        if (year && identity.year === null) identity.year = Number(year[1]);
      }
    }
  }
  return identity;
}
