import { formatAmountPrecise } from "@/lib/disclosure/money";
import {
  APPROPRIATION_LABELS,
  BASIC_CATEGORY_LABELS,
  EXPENDITURE_KIND_LABELS,
  FUND_SOURCE_LABELS,
  labelOf,
} from "@/lib/disclosure/labels";
import type { AssetCategory, Budget, CodeBook } from "@/lib/disclosure/types";

/**
 * Readable names for the change log's paths and values, for the reviewer's "what changed since
 * the previous submission". Paths name rows by their natural key, e.g.
 * `expenditure[2013701/BASIC/GENERAL_BUDGET].amount`; older rows may use an array index
 * (`expenditure.3.amount`), which is resolved against the budget as it stands now.
 */

/** Asset rows by name alone: the change's field (数量, 价值) follows, so the form's units would mislead. */
const ASSET_LABELS: Record<AssetCategory, string> = {
  BUILDINGS: "房屋",
  OFFICE_BUILDINGS: "其中：办公用房",
  VEHICLES: "车辆",
  EQUIPMENT_OVER_200K: "单价20万元以上设备",
  OTHER_FIXED_ASSETS: "其他固定资产",
};

const FIELD_LABELS: Record<string, string> = {
  amount: "金额",
  functionalCode: "功能分类科目",
  economicCode: "经济分类科目",
  kind: "支出类型",
  source: "资金来源",
  category: "类别",
  code: "项目编码",
  name: "名称",
  fiscalAmount: "财政资金",
  otherAmount: "其他资金",
  purpose: "资金用途",
  performanceGoal: "绩效目标",
  priorYearAmount: "上年预算数",
  changeReason: "增减原因",
  abroad: "因公出国（境）费",
  vehiclePurchase: "公务用车购置费",
  vehicleOperation: "公务用车运行维护费",
  reception: "公务接待费",
  projectName: "项目名称",
  itemName: "采购物品",
  catalogueCode: "采购目录序号",
  unitOfMeasure: "计量单位",
  quantity: "数量",
  unitPrice: "单价",
  generalBudget: "一般公共预算拨款",
  governmentFund: "基金预算拨款",
  stateCapital: "国有资本经营预算拨款",
  specialAccount: "财政专户核拨",
  unitFunds: "单位资金",
  carryover: "上年结转结余",
  total: "合计",
  smeReserved: "预留中小微企业份额",
  value: "价值",
  asOf: "截止时间",
  statedTotalValue: "资产总额",
  plannedPurchases: "拟购置固定资产总额",
  basic: "基本支出",
  project: "项目支出",
  threePublic: "三公经费",
  year: "年度",
  basicChangeReason: "基本支出增减原因",
  projectChangeReason: "项目支出增减原因",
  totalChangeReason: "总额增减原因",
  threePublicChangeReason: "三公经费增减原因",
  operatingFundsUse: "机关运行经费用途",
  otherNotes: "其他需要说明的事项",
  term: "名词",
  definition: "解释",
  march: "3月底支出进度",
  june: "6月底支出进度",
  october: "10月底支出进度",
  december: "12月底支出进度",
  level1: "一级指标",
  level2: "二级指标",
  description: "指标描述",
  comparator: "比较符",
  valueUnit: "计量单位",
  basis: "确定依据",
  nature: "单位性质",
  grade: "单位规格",
  fundingForm: "经费保障形式",
  duties: "单位职责",
  organisation: "机构设置",
  amountUnit: "金额单位",
  yearEndCarryover: "年终结转结余",
};

/** Leaf names whose value is an amount in 分. */
const MONEY_FIELDS = new Set([
  "amount",
  "fiscalAmount",
  "otherAmount",
  "priorYearAmount",
  "abroad",
  "vehiclePurchase",
  "vehicleOperation",
  "reception",
  "unitPrice",
  "generalBudget",
  "governmentFund",
  "stateCapital",
  "specialAccount",
  "unitFunds",
  "carryover",
  "total",
  "smeReserved",
  "value",
  "statedTotalValue",
  "plannedPurchases",
  "basic",
  "project",
  "threePublic",
  "yearEndCarryover",
]);

/** A path cut into segments: `expenditure[2013701/BASIC/GENERAL_BUDGET].amount` → expenditure, [key], amount. */
interface Segment {
  name: string;
  /** the bracketed natural key or the array index that follows the name */
  key?: string;
  index?: number;
}

export function parseChangePath(path: string): Segment[] {
  const segments: Segment[] = [];
  for (const part of path.match(/[^.[\]]+(?:\[[^\]]*\])?/g) ?? []) {
    const bracket = /^([^[]+)\[([^\]]*)\]$/.exec(part);
    if (bracket !== null) {
      segments.push({ name: bracket[1] ?? "", key: bracket[2] ?? "" });
    } else if (/^\d+$/.test(part) && segments.length > 0) {
      const last = segments[segments.length - 1];
      if (last !== undefined && last.key === undefined && last.index === undefined) last.index = Number(part);
      else segments.push({ name: part });
    } else {
      segments.push({ name: part });
    }
  }
  return segments;
}

export interface ChangeLabeler {
  /** e.g. "2013701 行政运行 · 基本支出 · 一般公共预算拨款 · 金额" */
  label(path: string): string;
  /** the value as the reviewer reads it: amounts in 万元, text as is, a missing row as "（无）" */
  value(path: string, value: unknown): string;
  /** the leaf is an amount (so old → new can be shown with its difference) */
  isMoney(path: string): boolean;
}

export function changeLabeler(budget: Budget, codeBook: CodeBook): ChangeLabeler {
  const functionalName = new Map(codeBook.functional.map((c) => [c.code, c.name]));
  const economicName = new Map(codeBook.economic.map((c) => [c.code, c.name]));
  const codeLabel = (names: Map<string, string>, code: string) => {
    const name = names.get(code);
    return name === undefined ? code : `${code} ${name}`;
  };
  const source = (value: string) => labelOf(FUND_SOURCE_LABELS, value) ?? value;

  /** The row's name from its natural key, or from the row at that index now. */
  function rowLabel(collection: string, segment: Segment): string | null {
    const parts = segment.key?.split("/");
    switch (collection) {
      case "income": {
        const src = parts?.[0] ?? (segment.index !== undefined ? budget.income[segment.index]?.source : undefined);
        return `收入 · ${src === undefined ? `第${(segment.index ?? 0) + 1}行` : source(src)}`;
      }
      case "expenditure": {
        const line = segment.index !== undefined ? budget.expenditure[segment.index] : undefined;
        const [code, kind, src] = parts ?? (line ? [line.functionalCode, line.kind, line.source] : []);
        if (code === undefined) return `支出 · 第${(segment.index ?? 0) + 1}行`;
        return [codeLabel(functionalName, code), kind ? (labelOf(EXPENDITURE_KIND_LABELS, kind) ?? kind) : null, src ? source(src) : null]
          .filter((p) => p !== null)
          .join(" · ");
      }
      case "basicEconomic": {
        const line = segment.index !== undefined ? budget.basicEconomic[segment.index] : undefined;
        const [code, category, src] = parts ?? (line ? [line.economicCode, line.category, line.source] : []);
        if (code === undefined) return `基本支出经济分类 · 第${(segment.index ?? 0) + 1}行`;
        return [codeLabel(economicName, code), category ? (labelOf(BASIC_CATEGORY_LABELS, category) ?? category) : null, src ? source(src) : null]
          .filter((p) => p !== null)
          .join(" · ");
      }
      case "projects": {
        const project =
          segment.key !== undefined
            ? budget.projects.find((p) => p.code === segment.key)
            : segment.index !== undefined
              ? budget.projects[segment.index]
              : undefined;
        const code = segment.key ?? project?.code;
        return `项目 ${[code, project?.name].filter((p) => p !== undefined && p !== "").join(" ") || `第${(segment.index ?? 0) + 1}个`}`;
      }
      case "threePublic": {
        const type = parts?.[0] ?? (segment.index !== undefined ? budget.threePublic[segment.index]?.appropriation : undefined);
        return `三公经费 · ${type === undefined ? `第${(segment.index ?? 0) + 1}行` : (labelOf(APPROPRIATION_LABELS, type) ?? type)}`;
      }
      case "procurement": {
        const row = segment.index !== undefined ? budget.procurement[segment.index] : undefined;
        const name = segment.key ?? (row ? `${row.projectName} ${row.itemName}` : `第${(segment.index ?? 0) + 1}行`);
        return `政府采购 · ${name}`;
      }
      case "holdings": {
        const category = parts?.[0] ?? (segment.index !== undefined ? budget.assets.holdings[segment.index]?.category : undefined);
        return `${category === undefined ? `第${(segment.index ?? 0) + 1}行` : (labelOf(ASSET_LABELS, category) ?? category)}`;
      }
      case "glossary":
        return `名词解释 · ${segment.key ?? budget.glossary[segment.index ?? -1]?.term ?? `第${(segment.index ?? 0) + 1}条`}`;
      case "indicators":
        return `绩效指标 · ${segment.key ?? `第${(segment.index ?? 0) + 1}条`}`;
      case "duties":
        return `单位职责 · 第${(segment.index ?? 0) + 1}条`;
      default:
        return null;
    }
  }

  const SECTION_LABELS: Record<string, string> = {
    unit: "单位信息",
    narrative: "情况说明",
    assets: "国有资产",
    priorYear: "上年预算数",
    spendingPlan: "支出计划",
    department: "主管部门",
    region: "地区",
  };

  function label(path: string): string {
    const segments = parseChangePath(path);
    const parts: string[] = [];
    segments.forEach((segment, i) => {
      const isLeaf = i === segments.length - 1;
      const row = segment.key !== undefined || segment.index !== undefined ? rowLabel(segment.name, segment) : null;
      if (row !== null) {
        parts.push(row);
        return;
      }
      if (isLeaf) {
        // The one amount of a line needs no name of its own: the row already says what it is.
        const previous = segments[i - 1];
        const single = segment.name === "amount" && previous !== undefined && ["income", "expenditure", "basicEconomic"].includes(previous.name);
        if (!single) parts.push(FIELD_LABELS[segment.name] ?? segment.name);
        return;
      }
      const section = SECTION_LABELS[segment.name] ?? FIELD_LABELS[segment.name];
      if (section !== undefined) parts.push(section);
    });
    return parts.join(" · ");
  }

  function isMoney(path: string): boolean {
    const leaf = parseChangePath(path).at(-1);
    return leaf !== undefined && leaf.key === undefined && leaf.index === undefined && MONEY_FIELDS.has(leaf.name);
  }

  function value(path: string, raw: unknown): string {
    if (raw === undefined || raw === null) return "（无）";
    if (isMoney(path) && typeof raw === "number") return `${formatAmountPrecise(raw, "WAN_YUAN")}万元`;
    if (typeof raw === "string") {
      if (raw === "") return "（空）";
      return labelOf(FUND_SOURCE_LABELS, raw) ?? labelOf(EXPENDITURE_KIND_LABELS, raw) ?? labelOf(BASIC_CATEGORY_LABELS, raw) ?? raw;
    }
    return String(raw);
  }

  return { label, value, isMoney };
}
