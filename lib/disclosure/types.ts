/**
 * The normalised budget of one unit for one fiscal year: what an accountant enters once.
 * Everything printed in the disclosure (nine tables, narrative numbers) is derived from it.
 *
 * Money is always an integer number of 分 (`Fen`). Amounts stay far below 2^53 分, so plain
 * integers are exact; `assertFen` guards every boundary where amounts enter the core.
 */

/** Integer amount in 分 (1 元 = 100 分, 1 万元 = 1,000,000 分). */
export type Fen = number;

/** Where money comes from (资金来源). The first three are 财政拨款 (fiscal appropriations). */
export const FUND_SOURCES = [
  "GENERAL_BUDGET", // 一般公共预算拨款
  "GOVERNMENT_FUND", // 政府性基金预算拨款
  "STATE_CAPITAL", // 国有资本经营预算拨款
  "SPECIAL_ACCOUNT", // 财政专户管理资金
  "BUSINESS", // 事业收入
  "OPERATING", // 事业单位经营收入
  "SUPERIOR_SUBSIDY", // 上级补助收入
  "SUBORDINATE_REMITTANCE", // 附属单位上缴收入
  "OTHER", // 其他收入
  "CARRYOVER_GENERAL_BUDGET", // 上年结转结余: 一般公共预算拨款
  "CARRYOVER_GOVERNMENT_FUND", // 上年结转结余: 政府性基金预算拨款
  "CARRYOVER_STATE_CAPITAL", // 上年结转结余: 国有资本经营预算拨款
  "CARRYOVER_OTHER", // 上年结转结余: 其他资金
] as const;
export type FundSource = (typeof FUND_SOURCES)[number];

/** The three kinds of fiscal appropriation (财政拨款) that tables 4–9 split by. */
export const APPROPRIATION_TYPES = ["GENERAL_BUDGET", "GOVERNMENT_FUND", "STATE_CAPITAL"] as const;
export type AppropriationType = (typeof APPROPRIATION_TYPES)[number];

/** Kinds of expenditure (支出类型), the columns of table 3. */
export const EXPENDITURE_KINDS = [
  "BASIC", // 基本支出
  "PROJECT", // 项目支出
  "OPERATING", // 经营支出
  "REMIT_TO_SUPERIOR", // 上解上级支出
  "SUBSIDY_TO_SUBORDINATE", // 对附属单位补助支出
] as const;
export type ExpenditureKind = (typeof EXPENDITURE_KINDS)[number];

/** 人员经费 (personnel) or 公用经费 (public/operating) within basic expenditure. */
export const BASIC_CATEGORIES = ["PERSONNEL", "PUBLIC"] as const;
export type BasicCategory = (typeof BASIC_CATEGORIES)[number];

export type ClassificationScheme = "FUNCTIONAL" | "ECONOMIC";

/** One entry of a year's code book (科目). Functional: 类 3 digits, 款 5, 项 7. Economic: 类 3, 款 5. */
export interface ClassificationCode {
  scheme: ClassificationScheme;
  code: string;
  name: string;
  /** 1 = 类, 2 = 款, 3 = 项 */
  level: 1 | 2 | 3;
  parentCode: string | null;
}

export interface CodeBook {
  year: number;
  functional: ClassificationCode[];
  economic: ClassificationCode[];
}

export interface UnitInfo {
  code: string;
  name: string;
  /** 单位性质, e.g. 行政, 事业, 参公 */
  nature: string;
  /** 单位规格, e.g. 正科级 */
  grade: string;
  /** 经费保障形式, e.g. 财政拨款 */
  fundingForm: string;
  /** 单位职责: one paragraph per duty, as published */
  duties: string[];
  /** 机构设置 text beyond the fixed table (internal departments), may be empty */
  organisation: string;
}

/** 本年收入 and 上年结转结余, by source (table 1 income side). */
export interface IncomeLine {
  source: FundSource;
  amount: Fen;
}

/** Expenditure at functional 项 level × kind × source of funds. */
export interface ExpenditureLine {
  functionalCode: string;
  kind: ExpenditureKind;
  source: FundSource;
  amount: Fen;
}

/** Basic expenditure by economic 款 (部门预算支出经济分类), personnel or public. */
export interface BasicEconomicLine {
  economicCode: string;
  category: BasicCategory;
  source: FundSource;
  amount: Fen;
}

export const INDICATOR_LEVEL1 = ["产出指标", "效益指标", "满意度指标"] as const;
export const COMPARATORS = ["≥", "≤", "=", ">", "<", ""] as const;
export type Comparator = (typeof COMPARATORS)[number];

/** A performance indicator of a project's 绩效目标表 (一级/二级/三级). */
export interface PerformanceIndicator {
  level1: string;
  level2: string;
  name: string;
  description: string;
  comparator: Comparator;
  /** the number as written, e.g. "95", "0.84", "1000" */
  value: string;
  /** e.g. %, 件, 天, 万元 */
  valueUnit: string;
  /** 指标值确定依据 */
  basis: string;
}

/** Cumulative share spent by end of March, June, October and December, in percent (0–100). */
export interface SpendingPlan {
  march: number;
  june: number;
  october: number;
  december: number;
}

export interface Project {
  code: string;
  name: string;
  functionalCode: string;
  /** 财政资金 part of 预算数 */
  fiscalAmount: Fen;
  /** 其他资金 part of 预算数 */
  otherAmount: Fen;
  /** 预算数 as stated on the performance form (= fiscal + other when consistent) */
  amount: Fen;
  purpose: string;
  spendingPlan: SpendingPlan;
  performanceGoal: string;
  indicators: PerformanceIndicator[];
  /** last year's amount of the same project, null when the project is new */
  priorYearAmount: Fen | null;
  /** why the amount changed from last year */
  changeReason: string;
}

/** 三公经费 by appropriation type (table 9). */
export interface ThreePublicLine {
  appropriation: AppropriationType;
  abroad: Fen; // 因公出国(境)费
  vehiclePurchase: Fen; // 公务用车购置费
  vehicleOperation: Fen; // 公务用车运行维护费
  reception: Fen; // 公务接待费
}

export interface ProcurementRow {
  projectName: string;
  itemName: string;
  catalogueCode: string;
  unitOfMeasure: string;
  quantity: number;
  unitPrice: Fen;
  generalBudget: Fen;
  governmentFund: Fen;
  stateCapital: Fen;
  specialAccount: Fen;
  unitFunds: Fen;
  carryover: Fen;
  /** stated 合计, checked against the sum of the funding columns (C15) */
  total: Fen;
  /** 预留中小微企业份额 */
  smeReserved: Fen;
}

export const ASSET_CATEGORIES = [
  "BUILDINGS", // 房屋（平方米）
  "OFFICE_BUILDINGS", // 其中：办公用房（平方米）
  "VEHICLES", // 车辆（台、辆）
  "EQUIPMENT_OVER_200K", // 单价在20万元以上的设备
  "OTHER_FIXED_ASSETS", // 其他固定资产
] as const;
export type AssetCategory = (typeof ASSET_CATEGORIES)[number];

export interface AssetHolding {
  category: AssetCategory;
  /** count, or square metres for buildings; may have decimals */
  quantity: number;
  value: Fen;
}

export interface Assets {
  /** 截止时间, ISO date (31 Dec of the previous year) */
  asOf: string;
  holdings: AssetHolding[];
  /** 资产总额 as stated by the unit; null when left blank (then derived) */
  statedTotalValue: Fen | null;
  /** 本年度拟购置固定资产总额 */
  plannedPurchases: Fen;
}

/** Last year's figures the narrative's 比上年增减 compares against. */
export interface PriorYear {
  year: number;
  total: Fen;
  basic: Fen;
  project: Fen;
  threePublic: Fen;
}

export interface Narrative {
  /** why basic expenditure changed (e.g. 减少人员经费支出) */
  basicChangeReason: string;
  /** why project expenditure changed, beyond the per-project reasons */
  projectChangeReason: string;
  /** why the total changed, when not explained by basic and project */
  totalChangeReason: string;
  /** why 三公 changed */
  threePublicChangeReason: string;
  /** what 机关运行经费 pays for */
  operatingFundsUse: string;
  /** 九、其他需要说明的事项 */
  otherNotes: string;
}

export interface GlossaryEntry {
  term: string;
  definition: string;
}

export type AmountUnit = "WAN_YUAN" | "YUAN";

/** An itemised 政府采购 row as a template prints it (Jiangsu: category, project, item, procurement method). */
export interface PrintedProcurementItem {
  category: string;
  project: string;
  item: string;
  method: string;
  amount: Fen;
}

/**
 * What some templates publish that the Hebei model has no field for, kept as printed rather than
 * dropped (docs/decisions/0015-importing-published-documents.md). Absent on budgets entered here.
 */
export interface TemplateExtras {
  /** Jiangsu's third spending kind 单位预留机动经费 (total; the template prints no breakdown) */
  reserve: Fen | null;
  /** 会议费 and 培训费, printed beside the 三公 in the Jiangsu table */
  meeting: Fen | null;
  training: Fen | null;
  /** 机关运行经费 as printed (Shanghai: merged into the 三公 table; Jiangsu: its own table) */
  operatingFunds: Fen | null;
  procurementItems: PrintedProcurementItem[];
}

export interface Budget {
  unit: UnitInfo;
  /** code and name of the department (主管部门) */
  department: { code: string; name: string };
  region: { code: string; name: string };
  year: number;
  /** the unit the document prints amounts in */
  amountUnit: AmountUnit;
  income: IncomeLine[];
  expenditure: ExpenditureLine[];
  basicEconomic: BasicEconomicLine[];
  /** 年终结转结余 (table 1 expenditure side) */
  yearEndCarryover: Fen;
  /**
   * 年末财政拨款结转和结余 by appropriation type (table 4), when it is not the unit's own fiscal
   * money left unspent (derived from the lines): a department budget sums its units' figures here.
   */
  yearEndFiscalCarryover?: Record<AppropriationType, Fen>;
  projects: Project[];
  threePublic: ThreePublicLine[];
  procurement: ProcurementRow[];
  assets: Assets;
  priorYear: PriorYear | null;
  narrative: Narrative;
  glossary: GlossaryEntry[];
  /** parts of an imported document's template the model above has no place for */
  extras?: TemplateExtras;
}
