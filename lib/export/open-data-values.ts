import { amountUnitLabel, formatAmount } from "@/lib/disclosure/money";
import type { AmountUnit, AssetCategory, Fen, PerformanceIndicator } from "@/lib/disclosure/types";
import type { SnapshotContent } from "@/lib/publication/snapshot-content";

/**
 * Values every open-data format prints the same way, so the XLSX, the CSV and the JSON of one
 * snapshot can never disagree with each other or with the published page.
 */

/**
 * An amount in the document's unit as a spreadsheet number. It is parsed from the exact printed
 * decimal (integer arithmetic in money.ts), so it is the double nearest to what the document
 * prints, never the result of float division or float sums.
 */
export function amountNumber(fen: Fen, unit: AmountUnit): number {
  return Number(formatAmount(fen, unit));
}

/** The line under every table title: unit code and name, fiscal year, amount unit. */
export function documentLine(content: SnapshotContent): string {
  const { unit, year, amountUnit } = content.budget;
  return `${unit.code}${unit.name}　预算年度：${year}　单位：${amountUnitLabel(amountUnit)}`;
}

/** The table's heading as the document numbers it, e.g. 表3 单位预算支出总表. */
export function tableHeading(table: { number: number; title: string }): string {
  return `表${table.number} ${table.title}`;
}

/** 指标值 as published, e.g. ≥95%, 365天. */
export function indicatorValueText(indicator: Pick<PerformanceIndicator, "comparator" | "value" | "valueUnit">): string {
  return `${indicator.comparator}${indicator.value}${indicator.valueUnit}`;
}

/** Row labels of the 固定资产占用情况表. */
export const ASSET_CATEGORY_LABEL: Record<AssetCategory, string> = {
  BUILDINGS: "房屋（平方米）",
  OFFICE_BUILDINGS: "其中：办公用房（平方米）",
  VEHICLES: "车辆（台、辆）",
  EQUIPMENT_OVER_200K: "单价在20万元以上的设备",
  OTHER_FIXED_ASSETS: "其他固定资产",
};


/**
 * An instant as Beijing time, e.g. 2024-02-01 16:00（北京时间）. China has no daylight saving, so a
 * fixed UTC+8 offset is exact and the file does not depend on the server's time zone.
 */
export function chinaDateTimeText(iso: string): string {
  const date = new Date(Date.parse(iso) + 8 * 60 * 60 * 1000);
  if (Number.isNaN(date.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}（北京时间）`;
}
