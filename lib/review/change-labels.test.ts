import { describe, expect, it } from "vitest";
import { guantao2024Budget, guantao2024CodeBook } from "@/lib/demo/guantao-2024";
import { changeLabeler } from "./change-labels";
import { parseExplanations } from "./queries";
import { collapseChanges } from "./submission-changes";

const labeler = changeLabeler(guantao2024Budget, guantao2024CodeBook);

describe("changeLabeler", () => {
  it.each([
    ["expenditure[2013701/BASIC/GENERAL_BUDGET].amount", "2013701 行政运行 · 基本支出 · 一般公共预算拨款"],
    ["expenditure.0.amount", "2013701 行政运行 · 基本支出 · 一般公共预算拨款"],
    ["basicEconomic[30101/PERSONNEL/GENERAL_BUDGET].amount", "30101 基本工资 · 人员经费 · 一般公共预算拨款"],
    ["income[GENERAL_BUDGET].amount", "收入 · 一般公共预算拨款"],
    ["threePublic[GENERAL_BUDGET].reception", "三公经费 · 一般公共预算 · 公务接待费"],
    ["narrative.basicChangeReason", "情况说明 · 基本支出增减原因"],
    ["assets.holdings[VEHICLES].value", "国有资产 · 车辆 · 价值"],
    ["priorYear.total", "上年预算数 · 合计"],
    ["yearEndCarryover", "年终结转结余"],
  ])("names %s as %s", (path, label) => {
    expect(labeler.label(path)).toBe(label);
  });

  it("prints amounts in 万元 and missing values plainly", () => {
    expect(labeler.value("expenditure.0.amount", 57_990_000)).toBe("57.99万元");
    expect(labeler.value("expenditure.0.amount", 12_345)).toBe("0.012345万元");
    expect(labeler.value("expenditure.9.amount", undefined)).toBe("（无）");
    expect(labeler.value("expenditure.0.source", "GENERAL_BUDGET")).toBe("一般公共预算拨款");
    expect(labeler.value("narrative.otherNotes", "")).toBe("（空）");
  });
});

describe("collapseChanges", () => {
  it("keeps the first old and the last new value per path and drops fields changed back", () => {
    expect(
      collapseChanges([
        { path: "a", oldValue: 1, newValue: 2 },
        { path: "b", oldValue: "x", newValue: "y" },
        { path: "a", oldValue: 2, newValue: 3 },
        { path: "b", oldValue: "y", newValue: "x" },
        { path: "c", oldValue: null, newValue: 5 },
      ]),
    ).toEqual([
      { path: "a", oldValue: 1, newValue: 3 },
      { path: "c", oldValue: null, newValue: 5 },
    ]);
  });
});

describe("parseExplanations", () => {
  it("reads one explanation per finding key, continuing lines without a key", () => {
    const parsed = parseExplanations("C9|table=T6|rowKey=30110：社保基数调整\n另见附件\nC10|table=T9：接待减少");
    expect([...parsed]).toEqual([
      ["C9|table=T6|rowKey=30110", "社保基数调整\n另见附件"],
      ["C10|table=T9", "接待减少"],
    ]);
    expect(parseExplanations(null).size).toBe(0);
  });
});
