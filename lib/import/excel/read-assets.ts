import type { AmountUnit, AssetCategory, AssetHolding, Assets, Fen } from "@/lib/disclosure/types";
import { cellText } from "@/lib/spreadsheet/header-map";
import type { SheetData } from "@/lib/spreadsheet/read-spreadsheet";
import type { ImportLog } from "./import-log";
import type { HeaderMapping } from "./import-types";
import { readAmount } from "./read-amount";
import { dataRows, locateTable, textAt, type ColumnSpec } from "./sheet-table";

/** 固定资产占用情况表: rows by category label, 数量 and 价值; 资产总额 as stated; 截止时间 from the title rows. */

type AssetField = "item" | "quantity" | "value";

export const ASSET_SPECS: readonly ColumnSpec<AssetField>[] = [
  { field: "item", label: "项目", aliases: ["项目", "资产类别", "类别"] },
  { field: "quantity", label: "数量", aliases: ["数量", "数量(面积)"] },
  { field: "value", label: "价值", aliases: ["价值", "金额", "账面价值", "价值(金额单位:万元)", "价值(金额单位：万元)", "价值(金额单位：元)"] },
];

function categoryOf(label: string): AssetCategory | "TOTAL" | null {
  const text = label.replace(/\s/g, "");
  if (/资产总额/.test(text)) return "TOTAL";
  if (/办公用房/.test(text)) return "OFFICE_BUILDINGS";
  if (/房屋/.test(text)) return "BUILDINGS";
  if (/车辆/.test(text)) return "VEHICLES";
  if (/20万元以上/.test(text)) return "EQUIPMENT_OVER_200K";
  if (/其他固定资产/.test(text)) return "OTHER_FIXED_ASSETS";
  return null;
}

const AS_OF = /截止(?:时间|日期)?[:：]\s*(\d{4})[-年./](\d{1,2})[-月./](\d{1,2})/;

export function readAssetSheet(
  sheet: SheetData,
  context: { mappings: readonly HeaderMapping[]; fallbackUnit: AmountUnit },
  log: ImportLog,
): Omit<Assets, "plannedPurchases"> | null {
  const layout = locateTable(sheet, "ASSETS", ASSET_SPECS, context.mappings, log);
  if (layout === null || layout.columns.item === undefined || layout.columns.value === undefined) {
    log.error({ sheet: sheet.name }, "固定资产表中找不到“项目”和“价值”列，该表未导入");
    return null;
  }
  const valueHeader = cellText(sheet.rows[layout.headerTop]?.[layout.columns.value] ?? null);
  const unit: AmountUnit = /万元/.test(valueHeader) ? "WAN_YUAN" : /元/.test(valueHeader) ? "YUAN" : (layout.statedUnit ?? context.fallbackUnit);
  let asOf = "";
  for (const row of sheet.rows.slice(0, layout.headerTop)) {
    for (const value of row) {
      const match = AS_OF.exec(cellText(value ?? null));
      if (match) asOf = `${match[1]}-${(match[2] ?? "").padStart(2, "0")}-${(match[3] ?? "").padStart(2, "0")}`;
    }
  }
  const holdings: AssetHolding[] = [];
  let statedTotalValue: Fen | null = null;
  const columns = layout.columns;
  for (const { index, cells } of dataRows(sheet, layout)) {
    const label = textAt(cells, columns, "item");
    const category = categoryOf(label);
    if (category === null) {
      if (label !== "") log.warning({ sheet: sheet.name, row: index, column: columns.item ?? 0 }, `固定资产项目“${label}”未能识别，未导入`);
      continue;
    }
    const valueCell = { sheet: sheet.name, row: index, column: columns.value ?? 0 };
    const raw = cells[columns.value ?? 0] ?? null;
    const value = readAmount(raw, unit, valueCell, log, `固定资产“${label}”的价值`);
    if (value === null) continue;
    if (category === "TOTAL") {
      statedTotalValue = cellText(raw) === "" ? null : value;
      if (statedTotalValue !== null) log.figure("国有资产 · 资产总额", value, [valueCell]);
      continue;
    }
    const quantityText = textAt(cells, columns, "quantity");
    const quantity = quantityText === "" ? 0 : Number(quantityText.replace(/,/g, ""));
    if (!Number.isFinite(quantity) || quantity < 0) {
      log.error({ sheet: sheet.name, row: index, column: columns.quantity ?? 0 }, `固定资产“${label}”的数量“${quantityText}”不是不小于0的数字`);
      continue;
    }
    if (quantity === 0 && value === 0) continue;
    holdings.push({ category, quantity, value });
    log.figure(`国有资产 · ${label.replace(/\s/g, "")}`, value, [valueCell]);
  }
  return { asOf, holdings, statedTotalValue };
}
