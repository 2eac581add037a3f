import { formatAmount, formatAmountPrecise, amountUnitLabel } from "./money";
import { amountAt, findRow, type DerivedTables, type TableId } from "./table-model";
import type { NarrativeSection } from "./findings";
import type { Budget, Fen } from "./types";

/**
 * One paragraph of an imported narrative (情况说明), as printed: the checker reads the statements
 * that restate or compare figures ("比上年增加x万元，增长y%", "主要原因是…") from it. Generated
 * narratives need none: their sentences are built from the data.
 */
export interface NarrativeParagraph {
  text: string;
  /** the part of the narrative it belongs to, when the importer knows it */
  section?: NarrativeSection;
  /** 1-based page of the source document, for the finding to point at */
  page?: number;
}

/**
 * A list of items the narrative states under one total, e.g. the 财政拨款支出 by functional 项
 * ("1. …738.66万元 … 6. …33.58万元") or the projects of 支出说明. The checker requires each item
 * once and the items to add up to the total.
 */
export interface StatedList {
  section: NarrativeSection;
  /** how the narrative names the total, e.g. "财政拨款支出预算" */
  label: string;
  /** the stated total the items belong to; null when the narrative states none */
  total: Fen | null;
  /** `code`: the functional code (项, 款 or 类) an item names, when the narrative gives or implies one */
  items: { name: string; amount: Fen; code?: string }[];
  /**
   * the table column the coded items restate, e.g. `{ table: "T5", column: "total" }` for 一般公共预算
   * 财政拨款支出 by 项: each coded item must equal its row, and a list whose items all carry 项 codes
   * must name every 项 row of that column with money
   */
  restates?: { table: TableId; column: string };
}

/**
 * The figures the narrative (情况说明) states. Generated narratives take them from the derived
 * tables, so text and tables cannot disagree; an imported narrative states its own, and the
 * checker (C12, C13) compares them with the tables.
 */
export interface NarrativeFigures {
  income: {
    total: Fen;
    generalBudget: Fen;
    governmentFund: Fen;
    stateCapital: Fen;
    specialAccount: Fen;
    unitFunds: Fen;
    carryover: Fen;
  };
  expenditureTotal: Fen;
  basic: Fen;
  personnel: Fen;
  public: Fen;
  project: Fen;
  projects: { code: string; name: string; amount: Fen }[];
  /** 机关运行经费 = the unit's 公用经费 */
  operatingFunds: Fen;
  threePublic: { total: Fen; abroad: Fen; vehicle: Fen; vehiclePurchase: Fen; vehicleOperation: Fen; reception: Fen };
  /** further item lists an imported narrative states (none in a generated narrative) */
  lists?: StatedList[];
}

function t1Income(tables: DerivedTables, rowKey: string): Fen {
  const row = findRow(tables.T1, rowKey);
  return row ? amountAt(tables.T1, row, "income") : 0;
}

function totalRowAmount(table: DerivedTables[keyof DerivedTables], column: string): Fen {
  const row = findRow(table, "total");
  return row ? amountAt(table, row, column) : 0;
}

export function narrativeFigures(budget: Budget, tables: DerivedTables): NarrativeFigures {
  const t9 = (key: string): Fen => {
    const row = findRow(tables.T9, key);
    return row ? amountAt(tables.T9, row, "total") : 0;
  };
  const incomeThisYear = t1Income(tables, "income-this-year");
  const grand = t1Income(tables, "grand-total");
  return {
    income: {
      total: grand,
      generalBudget: t1Income(tables, "row1"),
      governmentFund: t1Income(tables, "row2"),
      stateCapital: t1Income(tables, "row3"),
      specialAccount: t1Income(tables, "row4"),
      unitFunds: t1Income(tables, "row5"),
      carryover: grand - incomeThisYear,
    },
    expenditureTotal: totalRowAmount(tables.T3, "total"),
    basic: totalRowAmount(tables.T3, "basic"),
    personnel: totalRowAmount(tables.T6, "personnel"),
    public: totalRowAmount(tables.T6, "public"),
    project: totalRowAmount(tables.T3, "project"),
    projects: budget.projects.map((p) => ({ code: p.code, name: p.name, amount: p.amount })),
    operatingFunds: totalRowAmount(tables.T6, "public"),
    threePublic: {
      total: t9("total"),
      abroad: t9("abroad"),
      vehicle: t9("vehicle"),
      vehiclePurchase: t9("vehiclePurchase"),
      vehicleOperation: t9("vehicleOperation"),
      reception: t9("reception"),
    },
  };
}

export interface GeneratedNarrative {
  figures: NarrativeFigures;
  /** 按照《预算法》…现将…公开如下： */
  intro: string;
  /** 二、1 收入说明 */
  income: string;
  /** 二、2 支出说明 */
  expenditure: string;
  /** 二、3 比上年增减情况 */
  change: string;
  /** 三、机关运行经费安排情况 */
  operatingFunds: string;
  /** 四、“三公”经费预算情况及增减变化原因 */
  threePublic: string;
  /** 七、国有资产信息 (the sentence before the asset table) */
  assets: string;
  /** 七: 资产总额 printed in the asset table (derived when the unit left it blank) */
  assetTotal: Fen;
}

function changeWord(delta: Fen): string {
  return delta >= 0 ? "增加" : "减少";
}

function withPeriod(text: string): string {
  const trimmed = text.trim();
  return trimmed === "" || /[。！？]$/.test(trimmed) ? trimmed : `${trimmed}。`;
}

/**
 * Whose budget the narrative speaks of: a unit's (单位预算, "本单位") or a department's (部门预算,
 * the sum of its units, "本部门"; lib/disclosure/aggregate-department.ts).
 */
export type NarrativeScope = "unit" | "department";

const WORDS: Record<NarrativeScope, { self: string; we: string; kind: string }> = {
  unit: { self: "本单位", we: "我单位", kind: "单位预算" },
  department: { self: "本部门", we: "本部门", kind: "部门预算" },
};

/** Generates the numeric sentences of the narrative from the tables and the entered reasons. */
export function generateNarrative(budget: Budget, tables: DerivedTables, scope: NarrativeScope = "unit"): GeneratedNarrative {
  const words = WORDS[scope];
  const figures = narrativeFigures(budget, tables);
  const unit = budget.amountUnit;
  const m = (fen: Fen): string => `${formatAmount(fen, unit)}${amountUnitLabel(unit)}`;
  const year = budget.year;
  const name = budget.unit.name;
  const inc = figures.income;

  const income =
    `反映${words.self}当年全部收入。${year}年预算收入${m(inc.total)}，其中：一般公共预算收入${m(inc.generalBudget)}，` +
    `基金预算收入${m(inc.governmentFund)}，国有资本经营预算收入${m(inc.stateCapital)}，` +
    `财政专户核拨收入${m(inc.specialAccount)}，单位资金收入${m(inc.unitFunds)}，上年结转结余${m(inc.carryover)}。`;

  const projectList = figures.projects.map((p) => `${p.name}${m(p.amount)}`).join("、");
  const expenditure =
    `收支预算总表支出栏、基本支出表、项目支出表按经济分类和支出功能分类科目编制，反映${name}年度${words.kind}中支出预算的总体情况。` +
    `${year}年支出预算${m(figures.expenditureTotal)}，其中基本支出${m(figures.basic)}，` +
    `包括人员经费${m(figures.personnel)}和日常公用经费${m(figures.public)}；` +
    `项目支出${m(figures.project)}` +
    (projectList ? `，主要为${projectList}。` : "。");

  const change = changeSentence(budget, figures, m, words.self);

  const operatingFunds =
    `${year}年，${words.we}机关运行经费共计安排${m(figures.operatingFunds)}` +
    (budget.narrative.operatingFundsUse.trim() ? `，${withPeriod(budget.narrative.operatingFundsUse)}` : "。");

  const tp = figures.threePublic;
  let threePublic =
    `${year}年，${words.we}财政拨款“三公”经费预算安排${m(tp.total)}，其中因公出国（境）费${m(tp.abroad)}；` +
    `公务用车购置及运维费${m(tp.vehicle)}（其中：公务用车购置费为${m(tp.vehiclePurchase)}，公务用车运维费${m(tp.vehicleOperation)}）；` +
    `公务接待费${m(tp.reception)}。`;
  if (budget.priorYear) {
    const delta = tp.total - budget.priorYear.threePublic;
    threePublic +=
      delta === 0
        ? "与上年相比没有增减变化。"
        : `比上年${changeWord(delta)}${m(Math.abs(delta))}，主要原因是${withPeriod(budget.narrative.threePublicChangeReason) || "（未填写原因）。"}`;
  }

  const assetTotal =
    budget.assets.statedTotalValue ??
    budget.assets.holdings.filter((h) => h.category !== "OFFICE_BUILDINGS").reduce((a, h) => a + h.value, 0);
  const assets =
    `${name}上年末固定资产金额为${formatAmountPrecise(assetTotal, unit)}${amountUnitLabel(unit)}（详见下表）。` +
    `本年度拟购置固定资产总额为${m(budget.assets.plannedPurchases)}` +
    (budget.assets.plannedPurchases > 0 ? "，已按要求列入政府采购预算，详见政府采购预算表。" : "。");

  const intro =
    `按照《中华人民共和国预算法》、《地方预决算公开操作规程》和《关于进一步推进预算公开工作的实施意见》规定，` +
    `现将${name}${year}年${words.kind}公开如下：`;

  return { figures, intro, income, expenditure, change, operatingFunds, threePublic, assets, assetTotal };
}

function changeSentence(budget: Budget, figures: NarrativeFigures, m: (fen: Fen) => string, self: string): string {
  const prior = budget.priorYear;
  if (!prior) return `${self}无${budget.year - 1}年预算数据，不作比较。`;
  const total = figures.expenditureTotal - prior.total;
  const basic = figures.basic - prior.basic;
  const project = figures.project - prior.project;
  const head =
    total === 0
      ? `${budget.year}年预算收支安排${m(figures.expenditureTotal)}，与${prior.year}年预算持平`
      : `${budget.year}年预算收支安排${m(figures.expenditureTotal)}，较${prior.year}年预算${changeWord(total)}${m(Math.abs(total))}`;
  const totalReason = budget.narrative.totalChangeReason.trim() ? `，${budget.narrative.totalChangeReason.trim()}` : "";
  const basicPart =
    basic === 0
      ? "基本支出与上年持平。"
      : `基本支出${changeWord(basic)}${m(Math.abs(basic))}，主要为${withPeriod(budget.narrative.basicChangeReason) || "（未填写原因）。"}`;
  const itemised = budget.projects
    .map((p) => ({ p, delta: p.amount - (p.priorYearAmount ?? 0) }))
    .filter(({ delta }) => delta !== 0)
    .map(({ p, delta }) => {
      const what = p.priorYearAmount === null ? `新增${p.name}${m(p.amount)}` : `${p.name}${changeWord(delta)}${m(Math.abs(delta))}`;
      return p.changeReason.trim() ? `${what}（${p.changeReason.trim()}）` : what;
    });
  const projectReasons = [itemised.join("、"), budget.narrative.projectChangeReason.trim()].filter(Boolean).join("；");
  const projectPart =
    project === 0
      ? "项目支出与上年持平。"
      : `项目支出${changeWord(project)}${m(Math.abs(project))}，主要为${withPeriod(projectReasons) || "（未填写原因）。"}`;
  return `${head}${totalReason}，其中：${basicPart}${projectPart}`;
}
