import type { AppropriationType, AssetCategory, BasicCategory, ExpenditureKind, FundSource } from "./types";

/**
 * The Chinese names of the budget's enumerations, as the entry form, the consistency checks and
 * the reviewer's change list show them.
 */
export const FUND_SOURCE_LABELS: Record<FundSource, string> = {
  GENERAL_BUDGET: "一般公共预算拨款",
  GOVERNMENT_FUND: "政府性基金预算拨款",
  STATE_CAPITAL: "国有资本经营预算拨款",
  SPECIAL_ACCOUNT: "财政专户管理资金",
  BUSINESS: "事业收入",
  OPERATING: "事业单位经营收入",
  SUPERIOR_SUBSIDY: "上级补助收入",
  SUBORDINATE_REMITTANCE: "附属单位上缴收入",
  OTHER: "其他收入",
  CARRYOVER_GENERAL_BUDGET: "上年结转结余（一般公共预算拨款）",
  CARRYOVER_GOVERNMENT_FUND: "上年结转结余（政府性基金预算拨款）",
  CARRYOVER_STATE_CAPITAL: "上年结转结余（国有资本经营预算拨款）",
  CARRYOVER_OTHER: "上年结转结余（其他资金）",
};

export const EXPENDITURE_KIND_LABELS: Record<ExpenditureKind, string> = {
  BASIC: "基本支出",
  PROJECT: "项目支出",
  OPERATING: "经营支出",
  REMIT_TO_SUPERIOR: "上解上级支出",
  SUBSIDY_TO_SUBORDINATE: "对附属单位补助支出",
};

export const BASIC_CATEGORY_LABELS: Record<BasicCategory, string> = { PERSONNEL: "人员经费", PUBLIC: "公用经费" };

export const APPROPRIATION_LABELS: Record<AppropriationType, string> = {
  GENERAL_BUDGET: "一般公共预算",
  GOVERNMENT_FUND: "政府性基金预算",
  STATE_CAPITAL: "国有资本经营预算",
};

export const ASSET_CATEGORY_LABELS: Record<AssetCategory, string> = {
  BUILDINGS: "房屋（平方米）",
  OFFICE_BUILDINGS: "其中：办公用房（平方米）",
  VEHICLES: "车辆（台、辆）",
  EQUIPMENT_OVER_200K: "单价在20万元以上的设备",
  OTHER_FIXED_ASSETS: "其他固定资产",
};

/** The label of a value read as a plain string (a change-log path, a pasted cell), or undefined when it is not one. */
export function labelOf<T extends string>(labels: Record<T, string>, value: string): string | undefined {
  return Object.hasOwn(labels, value) ? labels[value as T] : undefined;
}
