import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { deriveTables } from "@/lib/disclosure/derive-tables";
import type { Budget } from "@/lib/disclosure/types";
import { importDocument } from "./import-document";
import { toBudget } from "./to-budget";

const PDF = path.resolve(__dirname, "../../tests/fixtures/disclosures/pdf");
const load = (name: string) => importDocument([{ name, bytes: new Uint8Array(readFileSync(path.join(PDF, name))) }]);
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

describe("an imported Shanghai unit budget as the core budget model", () => {
  let budget: Budget;
  beforeAll(async () => {
    budget = toBudget(await load("sh-putuo-shehuifuliyuan-2024-unit-budget.pdf"));
  }, 60_000);

  it("keeps income by source as printed: 财政拨款 9,501,164 元 and 事业收入 2,620,000 元", () => {
    expect(budget.income).toEqual([
      { source: "GENERAL_BUDGET", amount: 950_116_400 },
      { source: "BUSINESS", amount: 262_000_000 },
    ]);
  });

  it("spreads spending over functional 项 × kind × source, the mis-printed 类 “7” read as 210", () => {
    expect(sum(budget.expenditure.map((l) => l.amount))).toBe(1_212_116_400);
    expect(sum(budget.expenditure.filter((l) => l.kind === "PROJECT").map((l) => l.amount))).toBe(262_000_000);
    expect(budget.expenditure.filter((l) => l.functionalCode === "2101102")).toEqual([{ functionalCode: "2101102", kind: "BASIC", source: "GENERAL_BUDGET", amount: 50_372_400 }]);
    expect(budget.expenditure.filter((l) => l.functionalCode === "2081005" && l.kind === "PROJECT")).toEqual([
      { functionalCode: "2081005", kind: "PROJECT", source: "OTHER", amount: 262_000_000 },
    ]);
  });

  it("keeps basic spending by economic 款 with 人员/公用 and the 三公, and the derived tables add up to the printed ones", () => {
    expect(sum(budget.basicEconomic.filter((l) => l.category === "PERSONNEL").map((l) => l.amount))).toBe(738_021_400);
    expect(sum(budget.basicEconomic.filter((l) => l.category === "PUBLIC").map((l) => l.amount))).toBe(212_095_000);
    expect(budget.threePublic).toEqual([{ appropriation: "GENERAL_BUDGET", abroad: 0, vehiclePurchase: 0, vehicleOperation: 6_400_000, reception: 0 }]);
    const tables = deriveTables(budget, { year: 2024, functional: [], economic: [] });
    expect(tables.T3.rows[0]?.cells.slice(3, 6)).toEqual([1_212_116_400, 950_116_400, 262_000_000]);
  });
});

describe("what the Hebei model lacks is kept in extras (江苏省人民检察院 2019)", () => {
  it("单位预留机动经费, 会议费, 培训费, 机关运行经费 and the itemised procurement rows", async () => {
    const budget = toBudget(await load("js-jiangsu-jianchayuan-2019-dept-budget.pdf"));
    expect(budget.extras).toMatchObject({ reserve: 3_990_400_000, meeting: 158_440_000, training: 700_000_000, operatingFunds: 2_391_920_000 });
    expect(budget.extras?.procurementItems.length).toBeGreaterThan(5);
    expect(budget.extras?.procurementItems.every((item) => item.amount > 0 && item.category !== "")).toBe(true);
    expect(sum(budget.basicEconomic.map((l) => l.amount))).toBe(15_844_040_000);
  }, 60_000);
});
