import { deriveTables, fiscalYearEndCarryover } from "./derive-tables";
import { generateNarrative, type GeneratedNarrative } from "./narrative";
import { TABLE_IDS, type DerivedTables } from "./table-model";
import type {
  AmountUnit,
  AppropriationType,
  AssetHolding,
  Assets,
  BasicEconomicLine,
  Budget,
  CodeBook,
  ExpenditureLine,
  Fen,
  GlossaryEntry,
  IncomeLine,
  Narrative,
  PriorYear,
  Project,
  ThreePublicLine,
} from "./types";
import { APPROPRIATION_TYPES, ASSET_CATEGORIES } from "./types";

/**
 * 部门预算: a department's (主管部门) budget is the sum of its units' budgets. This turns the units'
 * approved budgets into one `Budget` whose identity is the department, so that the nine tables
 * (deriveTables), the narrative and the checker work on it unchanged.
 *
 * Lines are summed by their natural key (income by source; expenditure by functional code × kind
 * × source; basic expenditure by economic code × category × source; 三公 by appropriation; assets
 * by category); projects and procurement rows are listed, each with its unit. Integer 分 stay
 * exact: nothing is rounded here.
 */

export interface DepartmentIdentity {
  code: string;
  name: string;
}

/** Refusal of an aggregation that would not be a department budget; the message is Chinese. */
export class DepartmentAggregationError extends Error {
  override name = "DepartmentAggregationError";
}

/** The glossary a department document prints when none of its units has one. */
export const STANDARD_GLOSSARY: readonly GlossaryEntry[] = [
  { term: "财政拨款收入", definition: "指本级财政当年拨付的资金。" },
  { term: "基本支出", definition: "指为保障机构正常运转、完成日常工作任务而发生的人员经费和公用经费。" },
  { term: "项目支出", definition: "指在基本支出之外为完成特定行政任务和事业发展目标所发生的支出。" },
  {
    term: "“三公”经费",
    definition: "指用财政拨款安排的因公出国（境）费、公务用车购置及运行维护费和公务接待费。",
  },
  {
    term: "机关运行经费",
    definition: "指为保障行政单位（包括参照公务员法管理的事业单位）运行用于购买货物和服务的各项资金。",
  },
];

function sumBy<T, K extends string>(rows: readonly T[], keyOf: (row: T) => K, amountOf: (row: T) => Fen): Map<K, { first: T; amount: Fen }> {
  const out = new Map<K, { first: T; amount: Fen }>();
  for (const row of rows) {
    const key = keyOf(row);
    const acc = out.get(key);
    if (acc === undefined) out.set(key, { first: row, amount: amountOf(row) });
    else acc.amount += amountOf(row);
  }
  return out;
}

/** Orders units by code, so the same units always give the same document (and content hash). */
function byUnitCode(units: readonly Budget[]): Budget[] {
  return [...units].sort((a, b) => (a.unit.code < b.unit.code ? -1 : a.unit.code > b.unit.code ? 1 : 0));
}

/** Each unit's fiscal year-end carry-over (table 4), summed: a department carries what its units carry. */
function sumFiscalYearEndCarryover(units: readonly Budget[]): Record<AppropriationType, Fen> {
  const total = { GENERAL_BUDGET: 0, GOVERNMENT_FUND: 0, STATE_CAPITAL: 0 };
  for (const unit of units) {
    const carried = fiscalYearEndCarryover(unit);
    for (const type of APPROPRIATION_TYPES) total[type] += carried[type];
  }
  return total;
}

function sumIncome(units: readonly Budget[]): IncomeLine[] {
  const lines = units.flatMap((u) => u.income);
  return [...sumBy(lines, (l) => l.source, (l) => l.amount).values()].map(({ first, amount }) => ({ source: first.source, amount }));
}

function sumExpenditure(units: readonly Budget[]): ExpenditureLine[] {
  const lines = units.flatMap((u) => u.expenditure);
  return [...sumBy(lines, (l) => `${l.functionalCode}|${l.kind}|${l.source}`, (l) => l.amount).values()].map(({ first, amount }) => ({
    functionalCode: first.functionalCode,
    kind: first.kind,
    source: first.source,
    amount,
  }));
}

function sumBasicEconomic(units: readonly Budget[]): BasicEconomicLine[] {
  const lines = units.flatMap((u) => u.basicEconomic);
  return [...sumBy(lines, (l) => `${l.economicCode}|${l.category}|${l.source}`, (l) => l.amount).values()].map(({ first, amount }) => ({
    economicCode: first.economicCode,
    category: first.category,
    source: first.source,
    amount,
  }));
}

function sumThreePublic(units: readonly Budget[]): ThreePublicLine[] {
  const lines = units.flatMap((u) => u.threePublic);
  return APPROPRIATION_TYPES.flatMap((appropriation): ThreePublicLine[] => {
    const mine = lines.filter((l) => l.appropriation === appropriation);
    if (mine.length === 0) return [];
    const total = (pick: (l: ThreePublicLine) => Fen) => mine.reduce((a, l) => a + pick(l), 0);
    return [
      {
        appropriation,
        abroad: total((l) => l.abroad),
        vehiclePurchase: total((l) => l.vehiclePurchase),
        vehicleOperation: total((l) => l.vehicleOperation),
        reception: total((l) => l.reception),
      },
    ];
  });
}

/** With several units, a project or procurement row names its unit: "项目名称（单位名称）". */
function withUnit(name: string, unit: Budget, isSeveral: boolean): string {
  return isSeveral ? `${name}（${unit.unit.name}）` : name;
}

function listProjects(units: readonly Budget[]): Project[] {
  const isSeveral = units.length > 1;
  return units.flatMap((u) => u.projects.map((p) => ({ ...structuredClone(p), name: withUnit(p.name, u, isSeveral) })));
}

function sumAssets(units: readonly Budget[]): Assets {
  const holdings = units.flatMap((u) => u.assets.holdings);
  const summed: AssetHolding[] = ASSET_CATEGORIES.flatMap((category) => {
    const mine = holdings.filter((h) => h.category === category);
    if (mine.length === 0) return [];
    // Quantities may have decimals (m²): sum in ten-thousandths, as stored, so 0.1 + 0.2 stays 0.3.
    const quantity = mine.reduce((a, h) => a + Math.round(h.quantity * 10_000), 0) / 10_000;
    return [{ category, quantity, value: mine.reduce((a, h) => a + h.value, 0) }];
  });
  const stated = units.map((u) => u.assets.statedTotalValue);
  const asOf = units.map((u) => u.assets.asOf).sort().at(-1) ?? "";
  return {
    asOf,
    holdings: summed,
    // A stated total is the department's only when every unit stated one; otherwise it is derived.
    statedTotalValue: stated.every((v): v is Fen => v !== null) ? stated.reduce((a, v) => a + v, 0) : null,
    plannedPurchases: units.reduce((a, u) => a + u.assets.plannedPurchases, 0),
  };
}

/** Last year's department figures exist only when every unit had a budget last year. */
function sumPriorYear(units: readonly Budget[]): PriorYear | null {
  const priors = units.map((u) => u.priorYear);
  if (!priors.every((p): p is PriorYear => p !== null)) return null;
  const [first] = priors;
  if (first === undefined || priors.some((p) => p.year !== first.year)) return null;
  const total = (pick: (p: PriorYear) => Fen) => priors.reduce((a, p) => a + pick(p), 0);
  return {
    year: first.year,
    total: total((p) => p.total),
    basic: total((p) => p.basic),
    project: total((p) => p.project),
    threePublic: total((p) => p.threePublic),
  };
}

/** A reason per unit that gave one; with several units each is prefixed with the unit's name. */
function combineText(units: readonly Budget[], pick: (n: Narrative) => string, separator = "；"): string {
  const given = units.map((u) => ({ u, text: pick(u.narrative).trim().replace(/[。；;]$/, "") })).filter(({ text }) => text !== "");
  if (units.length === 1) return pick(units[0]!.narrative);
  return given.map(({ u, text }) => `${u.unit.name}：${text}`).join(separator);
}

function departmentNarrative(units: readonly Budget[]): Narrative {
  const isSeveral = units.length > 1;
  return {
    basicChangeReason: combineText(units, (n) => n.basicChangeReason),
    projectChangeReason: combineText(units, (n) => n.projectChangeReason),
    totalChangeReason: combineText(units, (n) => n.totalChangeReason),
    threePublicChangeReason: combineText(units, (n) => n.threePublicChangeReason),
    operatingFundsUse: combineText(units, (n) => n.operatingFundsUse),
    otherNotes: isSeveral ? combineText(units, (n) => n.otherNotes, "\n") : (units[0]?.narrative.otherNotes ?? ""),
  };
}

/**
 * The department's budget from its units' budgets (every unit at most once, all of the same
 * year, region and department). Throws DepartmentAggregationError for an empty department or
 * units that do not belong together.
 */
export function aggregateDepartment(department: DepartmentIdentity, unitBudgets: readonly Budget[]): Budget {
  if (unitBudgets.length === 0) {
    throw new DepartmentAggregationError(`部门 ${department.code} 没有可汇总的单位预算，不能生成部门预算。`);
  }
  const units = byUnitCode(unitBudgets);
  const [first] = units as [Budget, ...Budget[]];
  const codes = new Set(units.map((u) => u.unit.code));
  if (codes.size !== units.length) throw new DepartmentAggregationError("同一单位的预算不能重复汇总。");
  if (units.some((u) => u.year !== first.year)) throw new DepartmentAggregationError("只能汇总同一年度的单位预算。");
  if (units.some((u) => u.region.code !== first.region.code)) throw new DepartmentAggregationError("只能汇总同一地区的单位预算。");
  const foreign = units.filter((u) => u.department.code !== department.code);
  if (foreign.length > 0) {
    throw new DepartmentAggregationError(`单位 ${foreign.map((u) => u.unit.code).join("、")} 不属于部门 ${department.code}。`);
  }
  const amountUnits = new Set<AmountUnit>(units.map((u) => u.amountUnit));
  // Main unit (本级, code ending in 001, else the first): its duties describe the department.
  const main = units.find((u) => u.unit.code === `${department.code}001`) ?? first;
  const glossary = units.find((u) => u.glossary.length > 0)?.glossary ?? STANDARD_GLOSSARY;
  const isSeveral = units.length > 1;
  return {
    unit: {
      code: department.code,
      name: department.name,
      nature: "",
      grade: "",
      fundingForm: "",
      duties: [...main.unit.duties],
      organisation: `${department.name}${first.year}年部门预算由${units.length}个预算单位的单位预算汇总编制：${units.map((u) => u.unit.name).join("、")}。`,
    },
    department: { code: department.code, name: department.name },
    region: { ...first.region },
    year: first.year,
    amountUnit: amountUnits.size === 1 ? first.amountUnit : "WAN_YUAN",
    income: sumIncome(units),
    expenditure: sumExpenditure(units),
    basicEconomic: sumBasicEconomic(units),
    yearEndCarryover: units.reduce((a, u) => a + u.yearEndCarryover, 0),
    yearEndFiscalCarryover: sumFiscalYearEndCarryover(units),
    projects: listProjects(units),
    threePublic: sumThreePublic(units),
    procurement: units.flatMap((u) =>
      u.procurement.map((row) => ({ ...row, projectName: withUnit(row.projectName, u, isSeveral) })),
    ),
    assets: sumAssets(units),
    priorYear: sumPriorYear(units),
    narrative: departmentNarrative(units),
    glossary: glossary.map((entry) => ({ ...entry })),
  };
}

/** The tables of a department: derived as for a unit, titled 部门预算… instead of 单位预算…. */
export function deriveDepartmentTables(budget: Budget, codeBook: CodeBook): DerivedTables {
  const tables = deriveTables(budget, codeBook);
  for (const id of TABLE_IDS) tables[id].title = tables[id].title.replace(/^单位预算/, "部门预算");
  return tables;
}

/** The department's 情况说明 figures and sentences (本部门, 部门预算). */
export function generateDepartmentNarrative(budget: Budget, tables: DerivedTables): GeneratedNarrative {
  return generateNarrative(budget, tables, "department");
}
