import type { Prisma } from "@/lib/generated/prisma/client";
import type { BudgetStatus } from "@/lib/generated/prisma/enums";
import {
  COMPARATORS,
  type Budget,
  type ClassificationCode,
  type Comparator,
  type Fen,
  type Project,
} from "@/lib/disclosure/types";
import { BudgetStoreError } from "./budget-store-error";

/**
 * Pure conversions between the stored shape of a budget (Prisma rows, BigInt 分, Decimal
 * quantities) and the core's `Budget`. Amounts cross as exact integers: BigInt ⇄ number only
 * within Number.MAX_SAFE_INTEGER, anything else is refused rather than rounded.
 */

// ---------------------------------------------------------------------------
// Money and numbers
// ---------------------------------------------------------------------------

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/** 分 as stored: refuses fractions, unsafe integers and negative amounts. */
export function fenToDb(value: Fen, what: string): bigint {
  if (!Number.isSafeInteger(value)) {
    throw new BudgetStoreError("INVALID_BUDGET", `${what} must be a safe integer number of 分, got ${value}`);
  }
  if (value < 0) {
    throw new BudgetStoreError("INVALID_BUDGET", `${what} must not be negative, got ${value} 分`);
  }
  return BigInt(value);
}

/** 分 as read: a JavaScript number, exact, or an error when the stored value is not a safe integer. */
export function fenFromDb(value: bigint, what: string): Fen {
  if (value > MAX_SAFE || value < -MAX_SAFE) {
    throw new BudgetStoreError("UNSAFE_AMOUNT", `${what} is ${value} 分, beyond the exact range of a number`);
  }
  return Number(value);
}

function optionalFenToDb(value: Fen | null, what: string): bigint | null {
  return value === null ? null : fenToDb(value, what);
}

function optionalFenFromDb(value: bigint | null, what: string): Fen | null {
  return value === null ? null : fenFromDb(value, what);
}

/** A decimal column's value as an exact decimal string, refusing digits the column would round away. */
function decimalToDb(value: number, what: string, options: { decimals: number; max: number }): string {
  const text = Number.isFinite(value) ? value.toFixed(options.decimals) : "";
  if (!Number.isFinite(value) || value < 0 || value > options.max || Number(text) !== value) {
    throw new BudgetStoreError(
      "INVALID_BUDGET",
      `${what} must be between 0 and ${options.max} with at most ${options.decimals} decimals, got ${value}`,
    );
  }
  return text;
}

const percent = (value: number, what: string) => decimalToDb(value, what, { decimals: 2, max: 100 });
const quantity = (value: number, what: string) => decimalToDb(value, what, { decimals: 4, max: 1e14 - 1 });

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function dateToDb(value: string, what: string): Date {
  const date = ISO_DATE.test(value) ? new Date(`${value}T00:00:00.000Z`) : new Date(Number.NaN);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) {
    throw new BudgetStoreError("INVALID_BUDGET", `${what} must be an ISO date (YYYY-MM-DD), got "${value}"`);
  }
  return date;
}

function dateFromDb(value: Date): string {
  return value.toISOString().slice(0, 10);
}

function parseComparator(value: string): Comparator {
  const found = COMPARATORS.find((comparator) => comparator === value);
  if (found === undefined) throw new BudgetStoreError("INVALID_BUDGET", `unknown comparator "${value}"`);
  return found;
}

function assertUniqueKeys<T>(items: readonly T[], key: (item: T) => string, what: string): void {
  const seen = new Set<string>();
  for (const item of items) {
    const k = key(item);
    if (seen.has(k)) throw new BudgetStoreError("INVALID_BUDGET", `${what} ${k} appears more than once`);
    seen.add(k);
  }
}

// ---------------------------------------------------------------------------
// Reading: the one select that loads a whole budget, and its conversion
// ---------------------------------------------------------------------------

const bySortOrder = { sortOrder: "asc" } as const;

/** Everything `budgetFromRecord` reads, in one nested select (a fixed number of queries). */
export const budgetSelect = {
  id: true,
  unitId: true,
  codeBookRevisionId: true,
  year: true,
  version: true,
  status: true,
  lockVersion: true,
  amountUnit: true,
  yearEndCarryoverFen: true,
  assetsAsOf: true,
  assetsStatedTotalFen: true,
  plannedPurchasesFen: true,
  createdAt: true,
  updatedAt: true,
  submittedAt: true,
  approvedAt: true,
  secrecyReviewedAt: true,
  headSignedAt: true,
  publishedAt: true,
  correctionNote: true,
  previousVersionId: true,
  unit: {
    select: {
      code: true,
      name: true,
      nature: true,
      grade: true,
      fundingForm: true,
      duties: true,
      organisation: true,
      department: { select: { code: true, name: true } },
      region: { select: { code: true, name: true } },
    },
  },
  narrative: {
    select: {
      unitName: true,
      unitNature: true,
      unitGrade: true,
      unitFundingForm: true,
      unitDuties: true,
      unitOrganisation: true,
      basicChangeReason: true,
      projectChangeReason: true,
      totalChangeReason: true,
      threePublicChangeReason: true,
      operatingFundsUse: true,
      otherNotes: true,
    },
  },
  priorYear: { select: { year: true, totalFen: true, basicFen: true, projectFen: true, threePublicFen: true } },
  incomeLines: { select: { source: true, amountFen: true }, orderBy: bySortOrder },
  expenditureLines: {
    select: { functionalCode: true, kind: true, source: true, amountFen: true },
    orderBy: bySortOrder,
  },
  basicEconomicLines: {
    select: { economicCode: true, category: true, source: true, amountFen: true },
    orderBy: bySortOrder,
  },
  projects: {
    select: {
      code: true,
      name: true,
      functionalCode: true,
      fiscalAmountFen: true,
      otherAmountFen: true,
      amountFen: true,
      purpose: true,
      spendMarchPct: true,
      spendJunePct: true,
      spendOctoberPct: true,
      spendDecemberPct: true,
      performanceGoal: true,
      priorYearAmountFen: true,
      changeReason: true,
      indicators: {
        select: {
          level1: true,
          level2: true,
          name: true,
          description: true,
          comparator: true,
          value: true,
          valueUnit: true,
          basis: true,
        },
        orderBy: bySortOrder,
      },
    },
    orderBy: bySortOrder,
  },
  threePublicLines: {
    select: {
      appropriation: true,
      abroadFen: true,
      vehiclePurchaseFen: true,
      vehicleOperationFen: true,
      receptionFen: true,
    },
    orderBy: bySortOrder,
  },
  procurementRows: {
    select: {
      projectName: true,
      itemName: true,
      catalogueCode: true,
      unitOfMeasure: true,
      quantity: true,
      unitPriceFen: true,
      generalBudgetFen: true,
      governmentFundFen: true,
      stateCapitalFen: true,
      specialAccountFen: true,
      unitFundsFen: true,
      carryoverFen: true,
      totalFen: true,
      smeReservedFen: true,
    },
    orderBy: bySortOrder,
  },
  assetHoldings: { select: { category: true, quantity: true, valueFen: true }, orderBy: bySortOrder },
  glossaryEntries: { select: { term: true, definition: true }, orderBy: bySortOrder },
} satisfies Prisma.BudgetSelect;

export type BudgetRecord = Prisma.BudgetGetPayload<{ select: typeof budgetSelect }>;

/** What the store knows about a budget version beyond its content. */
export interface BudgetMeta {
  id: number;
  unitId: number;
  status: BudgetStatus;
  version: number;
  lockVersion: number;
  createdAt: Date;
  updatedAt: Date;
  submittedAt: Date | null;
  approvedAt: Date | null;
  secrecyReviewedAt: Date | null;
  headSignedAt: Date | null;
  publishedAt: Date | null;
  correctionNote: string | null;
  previousVersionId: number | null;
  /** the code book revision it is entered under (null only when its year had no book) */
  codeBookRevisionId: number | null;
}

export function metaFromRecord(record: BudgetRecord): BudgetMeta {
  return {
    id: record.id,
    unitId: record.unitId,
    status: record.status,
    version: record.version,
    lockVersion: record.lockVersion,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    submittedAt: record.submittedAt,
    approvedAt: record.approvedAt,
    secrecyReviewedAt: record.secrecyReviewedAt,
    headSignedAt: record.headSignedAt,
    publishedAt: record.publishedAt,
    correctionNote: record.correctionNote,
    previousVersionId: record.previousVersionId,
    codeBookRevisionId: record.codeBookRevisionId,
  };
}

type ProjectRecord = BudgetRecord["projects"][number];

function projectFromRecord(p: ProjectRecord, index: number): Project {
  const what = `projects[${index}]`;
  return {
    code: p.code,
    name: p.name,
    functionalCode: p.functionalCode,
    fiscalAmount: fenFromDb(p.fiscalAmountFen, `${what}.fiscalAmount`),
    otherAmount: fenFromDb(p.otherAmountFen, `${what}.otherAmount`),
    amount: fenFromDb(p.amountFen, `${what}.amount`),
    purpose: p.purpose,
    spendingPlan: {
      march: p.spendMarchPct.toNumber(),
      june: p.spendJunePct.toNumber(),
      october: p.spendOctoberPct.toNumber(),
      december: p.spendDecemberPct.toNumber(),
    },
    performanceGoal: p.performanceGoal,
    indicators: p.indicators.map((i) => ({
      level1: i.level1,
      level2: i.level2,
      name: i.name,
      description: i.description,
      comparator: parseComparator(i.comparator),
      value: i.value,
      valueUnit: i.valueUnit,
      basis: i.basis,
    })),
    priorYearAmount: optionalFenFromDb(p.priorYearAmountFen, `${what}.priorYearAmount`),
    changeReason: p.changeReason,
  };
}

/**
 * The core's Budget from a stored version. The unit profile is the one the budget states
 * (its narrative); a budget stored without one falls back to the unit's master data.
 */
export function budgetFromRecord(record: BudgetRecord): Budget {
  const { unit, narrative } = record;
  return {
    unit: {
      code: unit.code,
      name: narrative?.unitName ?? unit.name,
      nature: narrative?.unitNature ?? unit.nature,
      grade: narrative?.unitGrade ?? unit.grade,
      fundingForm: narrative?.unitFundingForm ?? unit.fundingForm,
      duties: narrative?.unitDuties ?? unit.duties,
      organisation: narrative?.unitOrganisation ?? unit.organisation,
    },
    department: { code: unit.department.code, name: unit.department.name },
    region: { code: unit.region.code, name: unit.region.name },
    year: record.year,
    amountUnit: record.amountUnit,
    income: record.incomeLines.map((l, i) => ({
      source: l.source,
      amount: fenFromDb(l.amountFen, `income[${i}].amount`),
    })),
    expenditure: record.expenditureLines.map((l, i) => ({
      functionalCode: l.functionalCode,
      kind: l.kind,
      source: l.source,
      amount: fenFromDb(l.amountFen, `expenditure[${i}].amount`),
    })),
    basicEconomic: record.basicEconomicLines.map((l, i) => ({
      economicCode: l.economicCode,
      category: l.category,
      source: l.source,
      amount: fenFromDb(l.amountFen, `basicEconomic[${i}].amount`),
    })),
    yearEndCarryover: fenFromDb(record.yearEndCarryoverFen, "yearEndCarryover"),
    projects: record.projects.map(projectFromRecord),
    threePublic: record.threePublicLines.map((l, i) => ({
      appropriation: l.appropriation,
      abroad: fenFromDb(l.abroadFen, `threePublic[${i}].abroad`),
      vehiclePurchase: fenFromDb(l.vehiclePurchaseFen, `threePublic[${i}].vehiclePurchase`),
      vehicleOperation: fenFromDb(l.vehicleOperationFen, `threePublic[${i}].vehicleOperation`),
      reception: fenFromDb(l.receptionFen, `threePublic[${i}].reception`),
    })),
    procurement: record.procurementRows.map((r, i) => {
      const what = `procurement[${i}]`;
      return {
        projectName: r.projectName,
        itemName: r.itemName,
        catalogueCode: r.catalogueCode,
        unitOfMeasure: r.unitOfMeasure,
        quantity: r.quantity.toNumber(),
        unitPrice: fenFromDb(r.unitPriceFen, `${what}.unitPrice`),
        generalBudget: fenFromDb(r.generalBudgetFen, `${what}.generalBudget`),
        governmentFund: fenFromDb(r.governmentFundFen, `${what}.governmentFund`),
        stateCapital: fenFromDb(r.stateCapitalFen, `${what}.stateCapital`),
        specialAccount: fenFromDb(r.specialAccountFen, `${what}.specialAccount`),
        unitFunds: fenFromDb(r.unitFundsFen, `${what}.unitFunds`),
        carryover: fenFromDb(r.carryoverFen, `${what}.carryover`),
        total: fenFromDb(r.totalFen, `${what}.total`),
        smeReserved: fenFromDb(r.smeReservedFen, `${what}.smeReserved`),
      };
    }),
    assets: {
      asOf: dateFromDb(record.assetsAsOf),
      holdings: record.assetHoldings.map((h, i) => ({
        category: h.category,
        quantity: h.quantity.toNumber(),
        value: fenFromDb(h.valueFen, `assets.holdings[${i}].value`),
      })),
      statedTotalValue: optionalFenFromDb(record.assetsStatedTotalFen, "assets.statedTotalValue"),
      plannedPurchases: fenFromDb(record.plannedPurchasesFen, "assets.plannedPurchases"),
    },
    priorYear: record.priorYear && {
      year: record.priorYear.year,
      total: fenFromDb(record.priorYear.totalFen, "priorYear.total"),
      basic: fenFromDb(record.priorYear.basicFen, "priorYear.basic"),
      project: fenFromDb(record.priorYear.projectFen, "priorYear.project"),
      threePublic: fenFromDb(record.priorYear.threePublicFen, "priorYear.threePublic"),
    },
    narrative: {
      basicChangeReason: narrative?.basicChangeReason ?? "",
      projectChangeReason: narrative?.projectChangeReason ?? "",
      totalChangeReason: narrative?.totalChangeReason ?? "",
      threePublicChangeReason: narrative?.threePublicChangeReason ?? "",
      operatingFundsUse: narrative?.operatingFundsUse ?? "",
      otherNotes: narrative?.otherNotes ?? "",
    },
    glossary: record.glossaryEntries.map((g) => ({ term: g.term, definition: g.definition })),
  };
}

/** One code-book entry as stored. */
export interface ClassificationCodeRecord {
  scheme: ClassificationCode["scheme"];
  code: string;
  name: string;
  level: number;
  parentCode: string | null;
}

export function classificationCodeFromRecord(record: ClassificationCodeRecord): ClassificationCode {
  const { level } = record;
  if (level !== 1 && level !== 2 && level !== 3) {
    throw new BudgetStoreError("INVALID_BUDGET", `code ${record.code} has level ${level}, expected 1–3`);
  }
  return { scheme: record.scheme, code: record.code, name: record.name, level, parentCode: record.parentCode };
}

// ---------------------------------------------------------------------------
// Writing: a Budget as the rows that store it
// ---------------------------------------------------------------------------

/** The stored form of a Budget, row by row, without the ids the database assigns. */
export interface BudgetRows {
  budget: {
    amountUnit: Budget["amountUnit"];
    yearEndCarryoverFen: bigint;
    assetsAsOf: Date;
    assetsStatedTotalFen: bigint | null;
    plannedPurchasesFen: bigint;
  };
  /** the unit's master data, as this budget states it */
  unit: {
    code: string;
    name: string;
    nature: string;
    grade: string;
    fundingForm: string;
    duties: string[];
    organisation: string;
  };
  narrative: Prisma.BudgetNarrativeUncheckedCreateWithoutBudgetInput;
  priorYear: Prisma.BudgetPriorYearUncheckedCreateWithoutBudgetInput | null;
  incomeLines: Prisma.IncomeLineCreateManyBudgetInput[];
  expenditureLines: Prisma.ExpenditureLineCreateManyBudgetInput[];
  basicEconomicLines: Prisma.BasicEconomicLineCreateManyBudgetInput[];
  projects: { project: Prisma.ProjectCreateManyBudgetInput; indicators: Prisma.PerformanceIndicatorCreateManyProjectInput[] }[];
  threePublicLines: Prisma.ThreePublicLineCreateManyBudgetInput[];
  procurementRows: Prisma.ProcurementRowCreateManyBudgetInput[];
  assetHoldings: Prisma.AssetHoldingCreateManyBudgetInput[];
  glossaryEntries: Prisma.GlossaryEntryCreateManyBudgetInput[];
}

function projectToRows(p: Project, sortOrder: number): BudgetRows["projects"][number] {
  const what = `projects[${sortOrder}]`;
  return {
    project: {
      sortOrder,
      code: p.code,
      name: p.name,
      functionalCode: p.functionalCode,
      fiscalAmountFen: fenToDb(p.fiscalAmount, `${what}.fiscalAmount`),
      otherAmountFen: fenToDb(p.otherAmount, `${what}.otherAmount`),
      amountFen: fenToDb(p.amount, `${what}.amount`),
      purpose: p.purpose,
      spendMarchPct: percent(p.spendingPlan.march, `${what}.spendingPlan.march`),
      spendJunePct: percent(p.spendingPlan.june, `${what}.spendingPlan.june`),
      spendOctoberPct: percent(p.spendingPlan.october, `${what}.spendingPlan.october`),
      spendDecemberPct: percent(p.spendingPlan.december, `${what}.spendingPlan.december`),
      performanceGoal: p.performanceGoal,
      priorYearAmountFen: optionalFenToDb(p.priorYearAmount, `${what}.priorYearAmount`),
      changeReason: p.changeReason,
    },
    indicators: p.indicators.map((i, index) => ({
      sortOrder: index,
      level1: i.level1,
      level2: i.level2,
      name: i.name,
      description: i.description,
      comparator: parseComparator(i.comparator),
      value: i.value,
      valueUnit: i.valueUnit,
      basis: i.basis,
    })),
  };
}

/**
 * Validates a Budget for storage and converts it to rows. Refuses (INVALID_BUDGET) what the
 * database would refuse less legibly: unsafe or negative amounts, two rows for one table cell,
 * percentages or quantities with more decimals than stored, an impossible date.
 */
export function budgetToRows(budget: Budget): BudgetRows {
  assertUniqueKeys(budget.income, (l) => l.source, "income source");
  assertUniqueKeys(budget.expenditure, (l) => `${l.functionalCode}/${l.kind}/${l.source}`, "expenditure line");
  assertUniqueKeys(budget.basicEconomic, (l) => `${l.economicCode}/${l.category}/${l.source}`, "basic economic line");
  assertUniqueKeys(budget.threePublic, (l) => l.appropriation, "three-public appropriation");
  assertUniqueKeys(budget.assets.holdings, (h) => h.category, "asset category");

  const { unit, narrative, priorYear, assets } = budget;
  return {
    budget: {
      amountUnit: budget.amountUnit,
      yearEndCarryoverFen: fenToDb(budget.yearEndCarryover, "yearEndCarryover"),
      assetsAsOf: dateToDb(assets.asOf, "assets.asOf"),
      assetsStatedTotalFen: optionalFenToDb(assets.statedTotalValue, "assets.statedTotalValue"),
      plannedPurchasesFen: fenToDb(assets.plannedPurchases, "assets.plannedPurchases"),
    },
    unit: {
      code: unit.code,
      name: unit.name,
      nature: unit.nature,
      grade: unit.grade,
      fundingForm: unit.fundingForm,
      duties: [...unit.duties],
      organisation: unit.organisation,
    },
    narrative: {
      unitName: unit.name,
      unitNature: unit.nature,
      unitGrade: unit.grade,
      unitFundingForm: unit.fundingForm,
      unitDuties: [...unit.duties],
      unitOrganisation: unit.organisation,
      basicChangeReason: narrative.basicChangeReason,
      projectChangeReason: narrative.projectChangeReason,
      totalChangeReason: narrative.totalChangeReason,
      threePublicChangeReason: narrative.threePublicChangeReason,
      operatingFundsUse: narrative.operatingFundsUse,
      otherNotes: narrative.otherNotes,
    },
    priorYear: priorYear && {
      year: priorYear.year,
      totalFen: fenToDb(priorYear.total, "priorYear.total"),
      basicFen: fenToDb(priorYear.basic, "priorYear.basic"),
      projectFen: fenToDb(priorYear.project, "priorYear.project"),
      threePublicFen: fenToDb(priorYear.threePublic, "priorYear.threePublic"),
    },
    incomeLines: budget.income.map((l, sortOrder) => ({
      sortOrder,
      source: l.source,
      amountFen: fenToDb(l.amount, `income[${sortOrder}].amount`),
    })),
    expenditureLines: budget.expenditure.map((l, sortOrder) => ({
      sortOrder,
      functionalCode: l.functionalCode,
      kind: l.kind,
      source: l.source,
      amountFen: fenToDb(l.amount, `expenditure[${sortOrder}].amount`),
    })),
    basicEconomicLines: budget.basicEconomic.map((l, sortOrder) => ({
      sortOrder,
      economicCode: l.economicCode,
      category: l.category,
      source: l.source,
      amountFen: fenToDb(l.amount, `basicEconomic[${sortOrder}].amount`),
    })),
    projects: budget.projects.map(projectToRows),
    threePublicLines: budget.threePublic.map((l, sortOrder) => ({
      sortOrder,
      appropriation: l.appropriation,
      abroadFen: fenToDb(l.abroad, `threePublic[${sortOrder}].abroad`),
      vehiclePurchaseFen: fenToDb(l.vehiclePurchase, `threePublic[${sortOrder}].vehiclePurchase`),
      vehicleOperationFen: fenToDb(l.vehicleOperation, `threePublic[${sortOrder}].vehicleOperation`),
      receptionFen: fenToDb(l.reception, `threePublic[${sortOrder}].reception`),
    })),
    procurementRows: budget.procurement.map((r, sortOrder) => {
      const what = `procurement[${sortOrder}]`;
      return {
        sortOrder,
        projectName: r.projectName,
        itemName: r.itemName,
        catalogueCode: r.catalogueCode,
        unitOfMeasure: r.unitOfMeasure,
        quantity: quantity(r.quantity, `${what}.quantity`),
        unitPriceFen: fenToDb(r.unitPrice, `${what}.unitPrice`),
        generalBudgetFen: fenToDb(r.generalBudget, `${what}.generalBudget`),
        governmentFundFen: fenToDb(r.governmentFund, `${what}.governmentFund`),
        stateCapitalFen: fenToDb(r.stateCapital, `${what}.stateCapital`),
        specialAccountFen: fenToDb(r.specialAccount, `${what}.specialAccount`),
        unitFundsFen: fenToDb(r.unitFunds, `${what}.unitFunds`),
        carryoverFen: fenToDb(r.carryover, `${what}.carryover`),
        totalFen: fenToDb(r.total, `${what}.total`),
        smeReservedFen: fenToDb(r.smeReserved, `${what}.smeReserved`),
      };
    }),
    assetHoldings: assets.holdings.map((h, sortOrder) => ({
      sortOrder,
      category: h.category,
      quantity: quantity(h.quantity, `assets.holdings[${sortOrder}].quantity`),
      valueFen: fenToDb(h.value, `assets.holdings[${sortOrder}].value`),
    })),
    glossaryEntries: budget.glossary.map((g, sortOrder) => ({ sortOrder, term: g.term, definition: g.definition })),
  };
}
