import { describe, expect, it } from "vitest";
import { buildBudget } from "@/lib/demo/factories";
import { guantao2024CodeBook } from "@/lib/demo/guantao-2024";
import { budgetChanges } from "./budget-changes";
import { draftInputFromBudget } from "./budget-draft-input";
import { parseBudgetInput } from "./budget-input-schema";
import { findingKey } from "./finding-key";

describe("parseBudgetInput", () => {
  it("parses the demo budget as the form shows it back into the same content", () => {
    const budget = buildBudget();
    const result = parseBudgetInput(draftInputFromBudget(budget), guantao2024CodeBook);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { unit, department: _department, region: _region, year: _year, ...content } = budget;
    const { code: _code, name: _name, ...profile } = unit;
    expect(result.draft).toEqual({ ...content, unit: profile });
  });

  it("keeps asset values exact to the 元 in 万元 (1.385 万元)", () => {
    const input = draftInputFromBudget(buildBudget());
    expect(input.assets.holdings[0]?.value).toBe("1.385");
    expect(parseBudgetInput(input, guantao2024CodeBook).ok).toBe(true);
  });

  it("reports a bad unit and still checks every amount", () => {
    const input = { ...draftInputFromBudget(buildBudget()), amountUnit: "亿元" };
    input.income = [{ source: "GENERAL_BUDGET", amount: "x" }];
    const result = parseBudgetInput(input, guantao2024CodeBook);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.fieldErrors).toEqual({
      amountUnit: ["请从列表中选择"],
      "income.0.amount": ["“x”不是有效的金额，请输入数字（单位：万元）"],
    });
  });

  it("checks each draft against its own code book and unit when parsed one after another (cached schemas)", () => {
    const demo = draftInputFromBudget(buildBudget());
    const withoutFirstCode = {
      ...guantao2024CodeBook,
      functional: guantao2024CodeBook.functional.filter((c) => c.code !== demo.expenditure[0]?.functionalCode),
    };
    const missing = `功能分类科目${demo.expenditure[0]?.functionalCode}不在2024年科目表中`;
    for (let round = 0; round < 2; round++) {
      expect(parseBudgetInput(demo, guantao2024CodeBook).ok).toBe(true);
      expect(parseBudgetInput(demo, withoutFirstCode)).toMatchObject({ ok: false, fieldErrors: { "expenditure.0.functionalCode": [missing] } });
      // "1.385" is exact in 万元 but has three decimals in 元
      expect(parseBudgetInput({ ...demo, amountUnit: "YUAN" }, guantao2024CodeBook)).toMatchObject({
        ok: false,
        fieldErrors: { "assets.holdings.0.value": [expect.stringContaining("元")] },
      });
    }
  });

  it("refuses something that is not a draft at all in Chinese", () => {
    expect(parseBudgetInput(null, guantao2024CodeBook)).toEqual({ ok: false, fieldErrors: { "": ["格式不正确"] } });
  });
});

describe("budgetChanges", () => {
  it("lists changed, added and removed leaves by path", () => {
    const before = buildBudget();
    const after = buildBudget();
    after.income[0]!.amount += 1;
    after.threePublic.push({ appropriation: "GENERAL_BUDGET", abroad: 0, vehiclePurchase: 0, vehicleOperation: 5, reception: 0 });
    after.glossary.pop();
    const changes = budgetChanges(before, after);
    expect(changes.map((c) => c.path)).toEqual([
      "income.0.amount",
      "threePublic.0.appropriation",
      "threePublic.0.abroad",
      "threePublic.0.vehiclePurchase",
      "threePublic.0.vehicleOperation",
      "threePublic.0.reception",
      `glossary.${before.glossary.length - 1}.term`,
      `glossary.${before.glossary.length - 1}.definition`,
    ]);
    expect(changes[0]).toEqual({ path: "income.0.amount", oldValue: before.income[0]!.amount, newValue: before.income[0]!.amount + 1 });
    expect(changes.at(-1)?.newValue).toBeUndefined();
  });
});

describe("findingKey", () => {
  it("depends on the rule and location only", () => {
    const location = { table: "T6" as const, rowKey: "30110", column: "total" };
    const key = findingKey({ rule: "C9", location });
    expect(key).toBe("C9|table=T6|rowKey=30110|column=total");
    expect(findingKey({ rule: "C9", location: { ...location } })).toBe(key);
    expect(findingKey({ rule: "C9", location: { ...location, rowKey: "30113" } })).not.toBe(key);
    expect(findingKey({ rule: "D1", location: { section: "projects", projectCode: "P1", lineIndex: 0 } })).toBe(
      "D1|section=projects|projectCode=P1|lineIndex=0",
    );
  });
});
