import type { AssetCategory, PerformanceIndicator, ProcurementRow } from "./types";

/**
 * The fixed parts of the published document that every rendering shares (the page, the PDF and
 * the Word file): the numbered parts of the 情况说明, the procurement table's funding columns and
 * the asset table's rows, in the official template's order and wording.
 */

/** The numbered parts of the 情况说明, in the template's order; ids are the anchors of the page's table of contents. */
export const NARRATIVE_PARTS = [
  { id: "narrative-duties", title: "一、单位职责及机构设置情况" },
  { id: "narrative-overview", title: "二、单位预算安排的总体情况" },
  { id: "narrative-operating-funds", title: "三、机关运行经费安排情况" },
  { id: "narrative-three-public", title: "四、财政拨款“三公”经费预算情况及增减变化原因" },
  { id: "narrative-performance", title: "五、单位项目预算安排情况及绩效目标" },
  { id: "narrative-procurement", title: "六、政府采购预算情况" },
  { id: "narrative-assets", title: "七、国有资产信息" },
  { id: "narrative-glossary", title: "八、名词解释" },
  { id: "narrative-other", title: "九、其他需要说明的事项" },
] as const;

export type NarrativePartId = (typeof NARRATIVE_PARTS)[number]["id"];

/** A department's 部门预算 speaks of 部门 where a unit's speaks of 单位. */
export function narrativePartTitle(title: string, isDepartment: boolean): string {
  return isDepartment ? title.replace(/^([一二五])、单位/, "$1、部门") : title;
}

/** The printed 指标值, e.g. "≤5件", "365天", "≥95%". */
export function indicatorValueText(indicator: Pick<PerformanceIndicator, "comparator" | "value" | "valueUnit">): string {
  return `${indicator.comparator}${indicator.value}${indicator.valueUnit}`;
}

export const PROCUREMENT_TITLE = "单位政府采购预算";

/** The funding columns of the procurement table (政府采购金额（当年部门预算安排资金）). */
export type ProcurementFundingKey = "total" | "generalBudget" | "governmentFund" | "stateCapital" | "specialAccount" | "unitFunds" | "carryover";

export const PROCUREMENT_FUNDING_COLUMNS: readonly (readonly [ProcurementFundingKey & keyof ProcurementRow, string])[] = [
  ["total", "合计"],
  ["generalBudget", "一般公共预算拨款"],
  ["governmentFund", "基金预算拨款"],
  ["stateCapital", "国有资本经营预算拨款"],
  ["specialAccount", "财政专户核拨"],
  ["unitFunds", "单位资金"],
  ["carryover", "上年结转结余"],
];

export const PROCUREMENT_NOTE = "注：同一采购目录序号的物品，其单价会因配置规格不同而变动，均符合资产配置标准。涉密采购事项按照相关规定执行。";
export const PROCUREMENT_EMPTY_NOTE = "注：无政府采购预算，空表列示。";

export const ASSET_TITLE = "单位固定资产占用情况表";

export const ASSET_ROWS: readonly { category: AssetCategory; label: string; isSubItem: boolean }[] = [
  { category: "BUILDINGS", label: "1、房屋（平方米）", isSubItem: false },
  { category: "OFFICE_BUILDINGS", label: "其中：办公用房（平方米）", isSubItem: true },
  { category: "VEHICLES", label: "2、车辆（台、辆）", isSubItem: false },
  { category: "EQUIPMENT_OVER_200K", label: "3、单价在20万元以上的设备", isSubItem: false },
  { category: "OTHER_FIXED_ASSETS", label: "4、其他固定资产", isSubItem: false },
];

/** 资金支出计划 columns of a 绩效目标表. */
export const SPENDING_PLAN_COLUMNS = [
  ["march", "3月底"],
  ["june", "6月底"],
  ["october", "10月底"],
  ["december", "12月底"],
] as const;
