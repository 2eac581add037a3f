import type { AppropriationType } from "@/lib/disclosure/types";
import type { CodedTableSpec } from "./read-functional-table";

/** Column aliases of the disclosure workbook's coded tables, as the provinces' exports word them. */

export type IncomeColumn =
  | "total"
  | "subtotal"
  | "fiscal"
  | "specialAccount"
  | "business"
  | "operating"
  | "superiorSubsidy"
  | "subordinateRemittance"
  | "other"
  | "carryover";

export const INCOME_TABLE: CodedTableSpec<IncomeColumn> = {
  kind: "T2",
  title: "表2“收入总表”",
  scheme: "functional",
  amounts: [
    { field: "total", label: "合计", aliases: ["合计", "总计", "收入合计"] },
    { field: "subtotal", label: "本年收入小计", aliases: ["本年收入/小计", "小计", "本年收入合计", "本年收入"] },
    { field: "fiscal", label: "财政拨款收入", aliases: ["财政拨款收入", "财政拨款", "财政拨款(补助)", "一般公共预算拨款收入"] },
    { field: "specialAccount", label: "财政专户收入", aliases: ["财政专户收入", "财政专户管理资金收入", "财政专户管理资金", "财政专户核拨"] },
    { field: "business", label: "事业收入", aliases: ["事业收入"] },
    { field: "operating", label: "经营收入", aliases: ["经营收入", "事业单位经营收入"] },
    { field: "superiorSubsidy", label: "上级补助收入", aliases: ["上级补助收入"] },
    { field: "subordinateRemittance", label: "附属单位上缴收入", aliases: ["附属单位上缴收入"] },
    { field: "other", label: "其他收入", aliases: ["其他收入"] },
    { field: "carryover", label: "上年结转", aliases: ["上年结转", "上年结转结余", "上年结转收入"] },
  ],
  sums: [
    { total: "total", parts: ["subtotal", "carryover"] },
    { total: "subtotal", parts: ["fiscal", "specialAccount", "business", "operating", "superiorSubsidy", "subordinateRemittance", "other"] },
  ],
};

export type KindColumn = "total" | "basic" | "project" | "operating" | "remitToSuperior" | "subsidyToSubordinate";

export const EXPENDITURE_TABLE: CodedTableSpec<KindColumn> = {
  kind: "T3",
  title: "表3“支出总表”",
  scheme: "functional",
  amounts: [
    { field: "total", label: "合计", aliases: ["合计", "总计", "支出合计"] },
    { field: "basic", label: "基本支出", aliases: ["基本支出"] },
    { field: "project", label: "项目支出", aliases: ["项目支出"] },
    { field: "operating", label: "经营支出", aliases: ["经营支出", "事业单位经营支出"] },
    { field: "remitToSuperior", label: "上解上级支出", aliases: ["上解上级支出"] },
    { field: "subsidyToSubordinate", label: "对附属单位补助支出", aliases: ["对附属单位补助支出"] },
  ],
  sums: [{ total: "total", parts: ["basic", "project", "operating", "remitToSuperior", "subsidyToSubordinate"] }],
};

export type AppropriationColumn = "total" | "basic" | "project";

const APPROPRIATION_TITLES: Record<AppropriationType, { kind: "T5" | "T7" | "T8"; title: string }> = {
  GENERAL_BUDGET: { kind: "T5", title: "表5“一般公共预算财政拨款支出表”" },
  GOVERNMENT_FUND: { kind: "T7", title: "表7“政府性基金预算财政拨款支出表”" },
  STATE_CAPITAL: { kind: "T8", title: "表8“国有资本经营预算财政拨款支出表”" },
};

export function appropriationTable(type: AppropriationType): CodedTableSpec<AppropriationColumn> {
  const meta = APPROPRIATION_TITLES[type];
  return {
    kind: meta.kind,
    title: meta.title,
    scheme: "functional",
    amounts: [
      { field: "total", label: "合计", aliases: ["合计", "总计", "小计"] },
      { field: "basic", label: "基本支出", aliases: ["基本支出"] },
      { field: "project", label: "项目支出", aliases: ["项目支出"] },
    ],
    sums: [{ total: "total", parts: ["basic", "project"] }],
  };
}

export type BasicColumn = "total" | "personnel" | "public";

export const BASIC_TABLE: CodedTableSpec<BasicColumn> = {
  kind: "T6",
  title: "表6“一般公共预算财政拨款基本支出表”",
  scheme: "economic",
  amounts: [
    { field: "total", label: "合计", aliases: ["合计", "总计", "一般公共预算基本支出/合计", "小计"] },
    { field: "personnel", label: "人员经费", aliases: ["人员经费", "人员支出"] },
    { field: "public", label: "公用经费", aliases: ["公用经费", "日常公用经费", "公用支出"] },
  ],
  sums: [{ total: "total", parts: ["personnel", "public"] }],
};
