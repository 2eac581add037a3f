import { describe, expect, expectTypeOf, it } from "vitest";
import {
  APPROPRIATION_TYPES,
  ASSET_CATEGORIES,
  BASIC_CATEGORIES,
  EXPENDITURE_KINDS,
  FUND_SOURCES,
  type AmountUnit,
  type AppropriationType,
  type AssetCategory,
  type BasicCategory,
  type Budget,
  type ClassificationScheme,
  type ExpenditureKind,
  type FundSource,
} from "@/lib/disclosure/types";
import { buildBudget } from "@/lib/demo/factories";
import * as db from "@/lib/generated/prisma/enums";
import { budgetToRows, classificationCodeFromRecord, fenFromDb, fenToDb } from "./budget-mapper";

describe("the database enums", () => {
  it("mirror the core's unions value for value, in the same order", () => {
    expect(Object.values(db.FundSource)).toEqual([...FUND_SOURCES]);
    expect(Object.values(db.AppropriationType)).toEqual([...APPROPRIATION_TYPES]);
    expect(Object.values(db.ExpenditureKind)).toEqual([...EXPENDITURE_KINDS]);
    expect(Object.values(db.BasicCategory)).toEqual([...BASIC_CATEGORIES]);
    expect(Object.values(db.AssetCategory)).toEqual([...ASSET_CATEGORIES]);
    expect(Object.values(db.AmountUnit)).toEqual(["WAN_YUAN", "YUAN"]);
    expect(Object.values(db.ClassificationScheme)).toEqual(["FUNCTIONAL", "ECONOMIC"]);
  });

  it("have the same types, so a mapping is an assignment", () => {
    expectTypeOf<db.FundSource>().toEqualTypeOf<FundSource>();
    expectTypeOf<db.AppropriationType>().toEqualTypeOf<AppropriationType>();
    expectTypeOf<db.ExpenditureKind>().toEqualTypeOf<ExpenditureKind>();
    expectTypeOf<db.BasicCategory>().toEqualTypeOf<BasicCategory>();
    expectTypeOf<db.AssetCategory>().toEqualTypeOf<AssetCategory>();
    expectTypeOf<db.AmountUnit>().toEqualTypeOf<AmountUnit>();
    expectTypeOf<db.ClassificationScheme>().toEqualTypeOf<ClassificationScheme>();
  });
});

describe("fenToDb and fenFromDb", () => {
  it("convert exactly up to Number.MAX_SAFE_INTEGER 分", () => {
    expect(fenToDb(1, "a")).toBe(1n);
    expect(fenToDb(9_007_199_254_740_991, "a")).toBe(9_007_199_254_740_991n);
    expect(fenFromDb(9_007_199_254_740_991n, "a")).toBe(9_007_199_254_740_991);
    expect(fenFromDb(0n, "a")).toBe(0);
  });

  it("refuse what is not an exact, non-negative number of 分", () => {
    for (const bad of [9_007_199_254_740_992, 0.5, Number.NaN, Number.POSITIVE_INFINITY, -1]) {
      expect(() => fenToDb(bad, "income[0].amount")).toThrow(expect.objectContaining({ code: "INVALID_BUDGET" }));
    }
    expect(() => fenFromDb(9_007_199_254_740_992n, "x")).toThrow(expect.objectContaining({ code: "UNSAFE_AMOUNT" }));
  });
});

describe("budgetToRows", () => {
  const withProject = (budget: Budget, change: Partial<Budget["projects"][number]>): Budget => ({
    ...budget,
    projects: budget.projects.map((p, i) => (i === 0 ? { ...p, ...change } : p)),
  });

  it("numbers every row in its published order and keeps the unit profile with the budget", () => {
    const budget = buildBudget();
    const rows = budgetToRows(budget);

    expect(rows.expenditureLines.map((l) => l.sortOrder)).toEqual(budget.expenditure.map((_, i) => i));
    expect(rows.projects[1]?.indicators.map((i) => i.sortOrder)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(rows.narrative).toMatchObject({ unitName: budget.unit.name, unitDuties: budget.unit.duties });
    expect(rows.budget.assetsAsOf.toISOString()).toBe("2023-12-31T00:00:00.000Z");
    expect(rows.projects[0]?.project).toMatchObject({ amountFen: 8_000_000n, spendDecemberPct: "100.00" });
  });

  it("refuses values the columns would round or reject", () => {
    const demo = buildBudget();
    const noThreePublic = { appropriation: "GENERAL_BUDGET", abroad: 0, vehiclePurchase: 0, vehicleOperation: 0, reception: 0 } as const;
    const invalid: Budget[] = [
      withProject(demo, { spendingPlan: { march: 33.333, june: 50, october: 75, december: 100 } }),
      withProject(demo, { spendingPlan: { march: 25, june: 50, october: 75, december: 100.5 } }),
      { ...demo, assets: { ...demo.assets, asOf: "2023-02-30" } },
      { ...demo, assets: { ...demo.assets, holdings: [{ category: "VEHICLES", quantity: 1.00001, value: 0 }] } },
      { ...demo, income: [...demo.income, { source: "GENERAL_BUDGET", amount: 1 }] },
      { ...demo, threePublic: [noThreePublic, noThreePublic] },
    ];
    for (const budget of invalid) {
      expect(() => budgetToRows(budget)).toThrow(expect.objectContaining({ code: "INVALID_BUDGET" }));
    }
  });
});

describe("classificationCodeFromRecord", () => {
  it("accepts levels 1 to 3 only", () => {
    const code = { scheme: "FUNCTIONAL" as const, code: "201", name: "一般公共服务支出", parentCode: null };
    expect(classificationCodeFromRecord({ ...code, level: 1 })).toEqual({ ...code, level: 1 });
    expect(() => classificationCodeFromRecord({ ...code, level: 4 })).toThrow(/level 4/);
  });
});
