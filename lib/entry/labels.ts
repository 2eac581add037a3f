import type { AppropriationType, AssetCategory, BasicCategory, ExpenditureKind, FundSource } from "@/lib/disclosure/types";

/** The Chinese names the entry form shows for the budget's enumerations (and accepts when pasted). */
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

/** Reads a pasted choice: the value itself (GENERAL_BUDGET) or its label, ignoring spaces and bracket width. */
export function choiceFromText<T extends string>(labels: Record<T, string>, text: string): T | null {
  const norm = (s: string) => s.replace(/\s/g, "").replace(/\(/g, "（").replace(/\)/g, "）");
  const wanted = norm(text);
  if (wanted === "") return null;
  for (const [value, label] of Object.entries(labels) as [T, string][]) {
    if (value === wanted || norm(label) === wanted) return value;
  }
  return null;
}
