import { z } from "zod";
import {
  APPROPRIATION_LABELS,
  ASSET_CATEGORY_LABELS,
  BASIC_CATEGORY_LABELS,
  EXPENDITURE_KIND_LABELS,
  FUND_SOURCE_LABELS,
  labelOf,
} from "@/lib/disclosure/labels";
import { parseAmount } from "@/lib/disclosure/money";
import {
  APPROPRIATION_TYPES,
  ASSET_CATEGORIES,
  BASIC_CATEGORIES,
  COMPARATORS,
  EXPENDITURE_KINDS,
  FUND_SOURCES,
  type AmountUnit,
  type Budget,
  type CodeBook,
  type Fen,
  type UnitInfo,
} from "@/lib/disclosure/types";

/**
 * The budget draft as the entry forms send it: the whole Budget except what identifies it (unit
 * code and name, department, region, year), which the server takes from the stored budget so a
 * tampered form cannot move a draft to another unit. Amounts are typed text in `amountUnit`.
 */

/** What a draft replaces: everything of a Budget but its identity. */
export type BudgetDraft = Omit<Budget, "unit" | "department" | "region" | "year"> & {
  unit: Omit<UnitInfo, "code" | "name">;
};

export const TEXT_LIMITS = {
  /** codes, names, units of measure, short labels */
  short: 200,
  /** reasons, purposes, goals, explanations */
  reason: 2_000,
  /** the duties, all paragraphs together, and long notes */
  long: 20_000,
} as const;

/** Rows per list: far above any real unit, low enough to keep one request small. */
const MAX_ROWS = 2_000;
/** Amounts in 万元 are entered to 0.01 万元, as the documents print them. */
const WAN_YUAN_DECIMALS = 2;

const AMOUNT_UNITS = ["WAN_YUAN", "YUAN"] as const satisfies readonly AmountUnit[];

function text(max: number) {
  return z
    .string({ error: "请填写文字" })
    .max(max, { error: (issue) => `内容过长：最多${max}个字，现有${String(issue.input).length}个字` });
}

function choice<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, { error: "请从列表中选择" });
}

function list<T extends z.ZodType>(item: T) {
  return z.array(item, { error: "格式不正确" }).max(MAX_ROWS, { error: `最多${MAX_ROWS}行` });
}

/** `exact`: asset values, which the documents print to the 元 (e.g. 1.385 万元), not to 0.01 万元. */
function amount(unit: AmountUnit, precision: "budget" | "exact" = "budget") {
  const maxDecimals = unit === "WAN_YUAN" && precision === "budget" ? WAN_YUAN_DECIMALS : undefined;
  return z
    .string({ error: "请输入金额" })
    .max(40, { error: "金额过长" })
    .transform((typed, ctx): Fen => {
      const parsed = parseAmount(typed, unit, maxDecimals === undefined ? {} : { maxDecimals });
      if (parsed.ok) return parsed.fen;
      ctx.addIssue({ code: "custom", message: parsed.message, input: typed });
      return z.NEVER;
    });
}

/** An amount that may be left blank (null), e.g. a new project's prior-year amount. */
function optionalAmount(unit: AmountUnit, precision: "budget" | "exact" = "budget") {
  return z.union([z.literal(""), amount(unit, precision)], { error: "请输入金额" }).transform((value) => (value === "" ? null : value));
}

/** A non-negative decimal number typed as text (quantities, areas). */
const quantity = z
  .string({ error: "请输入数量" })
  .trim()
  .regex(/^\d{1,12}(\.\d{1,4})?$/, { error: (issue) => `“${String(issue.input)}”不是有效的数量，请输入不小于0的数字` })
  .transform(Number);

/** A cumulative spending share in percent, 0–100. */
const percent = z
  .string({ error: "请输入百分比" })
  .trim()
  .regex(/^\d{1,3}(\.\d{1,2})?$/, { error: (issue) => `“${String(issue.input)}”不是有效的百分比` })
  .transform(Number)
  .refine((value) => value <= 100, { error: "百分比不能超过100" });

const isoDate = z
  .string({ error: "请填写日期" })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "日期格式应为YYYY-MM-DD" })
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)), { error: "日期无效" });

function code(codeBook: CodeBook, scheme: "functional" | "economic") {
  const length = scheme === "functional" ? 7 : 5;
  const levelName = scheme === "functional" ? "项" : "款";
  const schemeName = scheme === "functional" ? "功能分类" : "经济分类";
  const known = new Set(codeBook[scheme].filter((c) => c.code.length === length).map((c) => c.code));
  return z
    .string({ error: "请填写科目编码" })
    .trim()
    .superRefine((value, ctx) => {
      if (!new RegExp(`^\\d{${length}}$`).test(value)) {
        ctx.addIssue({
          code: "custom",
          message: value === "" ? `请填写${schemeName}科目（${length}位${levelName}级编码）` : `${schemeName}科目“${value}”不是${length}位${levelName}级编码`,
        });
      } else if (!known.has(value)) {
        ctx.addIssue({ code: "custom", message: `${schemeName}科目${value}不在${codeBook.year}年科目表中` });
      }
    });
}

/** Refuses a second row with the same key, on the later row, naming the row in the accountant's words. */
function uniqueBy<T>(key: (row: T) => string, what: string, describe: (row: T) => string) {
  return (rows: T[], ctx: z.core.$RefinementCtx<T[]>) => {
    const seen = new Set<string>();
    rows.forEach((row, index) => {
      const k = key(row);
      if (seen.has(k)) ctx.addIssue({ code: "custom", path: [index], message: `${what}重复：${describe(row)}` });
      seen.add(k);
    });
  };
}

/** An enum value as the accountant reads it, never the internal name (a value that is none gets the choice's own error). */
const named = <K extends string>(labels: Record<K, string>, value: string): string => labelOf(labels, value) ?? "（未选择）";

/**
 * The draft schema for one amount unit and one year's code book. The unit is a sibling of the
 * amounts, so it is read first (`parseBudgetInput`) rather than in a whole-object refinement,
 * which zod skips when any field fails and would hide amount errors behind other errors.
 */
export function budgetInputSchema(codeBook: CodeBook, unit: AmountUnit) {
  const money = amount(unit);
  const functionalCode = code(codeBook, "functional");
  const economicCode = code(codeBook, "economic");
  return z.object(
    {
      amountUnit: choice(AMOUNT_UNITS),
      unit: z.object({
        nature: text(TEXT_LIMITS.short),
        grade: text(TEXT_LIMITS.short),
        fundingForm: text(TEXT_LIMITS.short),
        duties: list(text(TEXT_LIMITS.long)).superRefine((duties, ctx) => {
          const total = duties.reduce((sum, duty) => sum + duty.length, 0);
          if (total > TEXT_LIMITS.long) {
            ctx.addIssue({ code: "custom", message: `单位职责过长：最多${TEXT_LIMITS.long}个字，现有${total}个字` });
          }
        }),
        organisation: text(TEXT_LIMITS.long),
      }),
      income: list(z.object({ source: choice(FUND_SOURCES), amount: money })).superRefine(
        uniqueBy((l) => l.source, "收入来源", (l) => named(FUND_SOURCE_LABELS, l.source)),
      ),
      expenditure: list(
        z.object({ functionalCode, kind: choice(EXPENDITURE_KINDS), source: choice(FUND_SOURCES), amount: money }),
      ).superRefine(uniqueBy(
          (l) => `${l.functionalCode}/${l.kind}/${l.source}`,
          "支出行",
          (l) => `${l.functionalCode}、${named(EXPENDITURE_KIND_LABELS, l.kind)}、${named(FUND_SOURCE_LABELS, l.source)}`,
        )),
      basicEconomic: list(
        z.object({ economicCode, category: choice(BASIC_CATEGORIES), source: choice(FUND_SOURCES), amount: money }),
      ).superRefine(uniqueBy(
          (l) => `${l.economicCode}/${l.category}/${l.source}`,
          "基本支出经济分类行",
          (l) => `${l.economicCode}、${named(BASIC_CATEGORY_LABELS, l.category)}、${named(FUND_SOURCE_LABELS, l.source)}`,
        )),
      yearEndCarryover: money,
      projects: list(
        z.object({
          code: text(TEXT_LIMITS.short).min(1, { error: "请填写项目编码" }),
          name: text(TEXT_LIMITS.short).min(1, { error: "请填写项目名称" }),
          functionalCode,
          fiscalAmount: money,
          otherAmount: money,
          amount: money,
          purpose: text(TEXT_LIMITS.reason),
          spendingPlan: z.object({ march: percent, june: percent, october: percent, december: percent }),
          performanceGoal: text(TEXT_LIMITS.reason),
          indicators: list(
            z.object({
              level1: text(TEXT_LIMITS.short),
              level2: text(TEXT_LIMITS.short),
              name: text(TEXT_LIMITS.short),
              description: text(TEXT_LIMITS.reason),
              comparator: choice(COMPARATORS),
              value: text(TEXT_LIMITS.short),
              valueUnit: text(TEXT_LIMITS.short),
              basis: text(TEXT_LIMITS.reason),
            }),
          ),
          priorYearAmount: optionalAmount(unit),
          changeReason: text(TEXT_LIMITS.reason),
        }),
      ),
      threePublic: list(
        z.object({
          appropriation: choice(APPROPRIATION_TYPES),
          abroad: money,
          vehiclePurchase: money,
          vehicleOperation: money,
          reception: money,
        }),
      ).superRefine(uniqueBy((l) => l.appropriation, "三公经费拨款类型", (l) => named(APPROPRIATION_LABELS, l.appropriation))),
      procurement: list(
        z.object({
          projectName: text(TEXT_LIMITS.short),
          itemName: text(TEXT_LIMITS.short),
          catalogueCode: text(TEXT_LIMITS.short),
          unitOfMeasure: text(TEXT_LIMITS.short),
          quantity,
          unitPrice: money,
          generalBudget: money,
          governmentFund: money,
          stateCapital: money,
          specialAccount: money,
          unitFunds: money,
          carryover: money,
          total: money,
          smeReserved: money,
        }),
      ),
      assets: z.object({
        asOf: isoDate,
        holdings: list(z.object({ category: choice(ASSET_CATEGORIES), quantity, value: amount(unit, "exact") })).superRefine(
          uniqueBy((h) => h.category, "资产类别", (h) => named(ASSET_CATEGORY_LABELS, h.category)),
        ),
        statedTotalValue: optionalAmount(unit, "exact"),
        plannedPurchases: money,
      }),
      priorYear: z
        .object({
          year: z.number({ error: "请填写年度" }).int({ error: "年度应为整数" }),
          total: money,
          basic: money,
          project: money,
          threePublic: money,
        })
        .nullable(),
      narrative: z.object({
        basicChangeReason: text(TEXT_LIMITS.reason),
        projectChangeReason: text(TEXT_LIMITS.reason),
        totalChangeReason: text(TEXT_LIMITS.reason),
        threePublicChangeReason: text(TEXT_LIMITS.reason),
        operatingFundsUse: text(TEXT_LIMITS.reason),
        otherNotes: text(TEXT_LIMITS.long),
      }),
      glossary: list(z.object({ term: text(TEXT_LIMITS.short), definition: text(TEXT_LIMITS.reason) })),
    },
    { error: "格式不正确" },
  );
}

/** The draft as typed: amounts and quantities as text, everything else as in BudgetDraft. */
export type BudgetDraftInput = z.input<ReturnType<typeof budgetInputSchema>>;

/** Field errors keyed by the full dotted path, e.g. `expenditure.3.amount`, so a form can mark the exact cell. */
export type BudgetFieldErrors = Record<string, string[]>;

export type BudgetInputResult = { ok: true; draft: BudgetDraft } | { ok: false; fieldErrors: BudgetFieldErrors };

type BudgetInputSchema = ReturnType<typeof budgetInputSchema>;
const schemas = new WeakMap<CodeBook, Map<AmountUnit, BudgetInputSchema>>();

/**
 * The schema of a code book and unit, built once: building it costs more than parsing a small
 * draft, and the entry editor parses on every keystroke with the same code book (see
 * docs/benchmarks.md). Keyed by the code book object, which nothing mutates.
 */
function cachedSchema(codeBook: CodeBook, unit: AmountUnit): BudgetInputSchema {
  let byUnit = schemas.get(codeBook);
  if (byUnit === undefined) schemas.set(codeBook, (byUnit = new Map()));
  let schema = byUnit.get(unit);
  if (schema === undefined) byUnit.set(unit, (schema = budgetInputSchema(codeBook, unit)));
  return schema;
}

/** Parses a draft, reporting every field's errors, not only the first. */
export function parseBudgetInput(raw: unknown, codeBook: CodeBook): BudgetInputResult {
  const unitField = z.object({ amountUnit: choice(AMOUNT_UNITS) }).safeParse(raw);
  // With an invalid unit the amounts are still checked (as 万元) so the form shows all its errors at once.
  const unit = unitField.success ? unitField.data.amountUnit : "WAN_YUAN";
  const parsed = cachedSchema(codeBook, unit).safeParse(raw);
  if (parsed.success) return { ok: true, draft: parsed.data };
  const fieldErrors: BudgetFieldErrors = {};
  for (const issue of parsed.error.issues) {
    (fieldErrors[issue.path.map(String).join(".")] ??= []).push(issue.message);
  }
  return { ok: false, fieldErrors };
}
