/**
 * The tables a budget disclosure prints, recognised by the words of their titles (the number,
 * order and page differ between templates). The comment names the table of the Hebei reference
 * template a kind corresponds to.
 */
export type TableKind =
  | "SUMMARY" // 收支总表 (T1)
  | "INCOME" // 收入总表 (T2)
  | "EXPENDITURE" // 支出总表 (T3)
  | "FISCAL_SUMMARY" // 财政拨款收支总表 (T4)
  | "GENERAL_FUNCTIONAL" // 一般公共预算(财政拨款)支出表 (T5)
  | "FISCAL_FUNCTIONAL" // Jiangsu 财政拨款支出预算表（功能科目）
  | "GENERAL_BASIC" // 一般公共预算基本支出表, economic (T6)
  | "FISCAL_BASIC" // Jiangsu 财政拨款基本支出预算表（经济科目）
  | "GOVERNMENT_FUND" // 政府性基金 (T7)
  | "STATE_CAPITAL" // 国有资本经营 (T8)
  | "THREE_PUBLIC" // 三公 (T9), possibly merged with 机关运行经费 or with 会议费/培训费
  | "OPERATING_FUNDS" // 机关运行经费 table (Jiangsu 11)
  | "PROCUREMENT" // 政府采购
  | "PERFORMANCE" // 绩效目标表
  | "ASSETS"; // 固定资产占用情况

/** The kind of table a (space-free) title names, or null when it names none. */
export function tableKindOf(title: string): TableKind | null {
  if (!/表/.test(title)) return null;
  if (/三公/.test(title)) return "THREE_PUBLIC";
  if (/政府采购/.test(title)) return "PROCUREMENT";
  if (/绩效目标/.test(title)) return "PERFORMANCE";
  if (/固定资产|资产占用/.test(title)) return "ASSETS";
  if (/机关运行经费/.test(title)) return "OPERATING_FUNDS";
  if (/政府性基金/.test(title) && !/收支/.test(title)) return "GOVERNMENT_FUND";
  if (/国有资本经营/.test(title) && !/收支/.test(title)) return "STATE_CAPITAL";
  if (/基本支出/.test(title)) return /一般公共预算/.test(title) ? "GENERAL_BASIC" : "FISCAL_BASIC";
  if (/财政拨款收入?支/.test(title)) return "FISCAL_SUMMARY";
  if (/收入?支出?/.test(title) && /总表/.test(title)) return "SUMMARY";
  if (/收入/.test(title) && /总表/.test(title)) return "INCOME";
  if (/一般公共预算.*支出/.test(title)) return "GENERAL_FUNCTIONAL";
  if (/财政拨款支出/.test(title)) return "FISCAL_FUNCTIONAL";
  if (/支出/.test(title) && /总表/.test(title)) return "EXPENDITURE";
  return null;
}

/** Semantic column keys, found from the header words above a column of figures. */
export type ColumnKey =
  | "threePublicTotal"
  | "vehicleTotal"
  | "vehiclePurchase"
  | "vehicleOperation"
  | "abroad"
  | "reception"
  | "meeting"
  | "training"
  | "operatingFunds"
  | "personnel"
  | "public"
  | "basic"
  | "project"
  | "reserve"
  | "carryover"
  | "fiscal"
  | "generalBudget"
  | "governmentFund"
  | "stateCapital"
  | "specialAccount"
  | "business"
  | "operating"
  | "superiorSubsidy"
  | "subordinateRemittance"
  | "remitToSuperior"
  | "subsidyToSubordinate"
  | "other"
  | "total"
  | "unknown";

const COLUMN_RULES: [ColumnKey, RegExp][] = [
  ["threePublicTotal", /三公.*(小计|合计)/],
  ["operatingFunds", /机关运行经费/],
  ["vehicleTotal", /购置及运/],
  ["vehiclePurchase", /购置/],
  ["vehicleOperation", /运行|运维/],
  ["abroad", /出国/],
  ["reception", /接待/],
  ["meeting", /会议费/],
  ["training", /培训费/],
  ["personnel", /人员经费|人员支出/],
  ["public", /公用经费|公用支出/],
  ["basic", /基本支出/],
  ["project", /项目支出/],
  ["reserve", /预留|机动经费/],
  ["carryover", /结转|结余/],
  ["remitToSuperior", /上解上级/],
  ["subsidyToSubordinate", /对附属单位补助/],
  ["superiorSubsidy", /上级补助/],
  ["subordinateRemittance", /附属单位上缴/],
  ["specialAccount", /财政专户/],
  ["generalBudget", /一般公共预算/],
  ["governmentFund", /政府性基金/],
  ["stateCapital", /国有资本/],
  ["fiscal", /财政拨款/],
  ["business", /事业收入/],
  ["operating", /经营收入|经营支出/],
  ["other", /其他收入|其他资金/],
  ["total", /合计|总计|金额|预算数|小计|决算数/],
];

const WEAK = /^(合计|总计|金额|预算数|小计|决算数|费?预算数|金额合计)$/;
const SPANNING: ColumnKey[] = ["threePublicTotal", "operatingFunds", "vehicleTotal"];

/**
 * The key of a column from its header words, top to bottom. The lowest words decide first
 * (“公务用车运 / 行维护费” under “公务用车购置及运行维护费”); a bare 合计/小计/预算数 takes its
 * meaning from the words above it only when they name the 三公 or 机关运行经费 block.
 */
export function columnKeyOf(stack: readonly string[]): ColumnKey {
  let weak = false;
  for (let from = stack.length - 1; from >= 0; from--) {
    const text = stack.slice(from).join("");
    if (from === stack.length - 1 && WEAK.test(text)) {
      weak = true;
      continue;
    }
    for (const [key, pattern] of COLUMN_RULES) {
      if (!pattern.test(text)) continue;
      if (weak && !SPANNING.includes(key)) break;
      return key;
    }
  }
  return weak || stack.length === 0 ? (stack.length ? "total" : "unknown") : "unknown";
}
