import { describe, expect, it } from "vitest";
import { byRule, check, demoBudget, findingWith, wan } from "./test-helpers";

describe("C14 比上年增减: Δtotal = Δ基本 + Δ项目, and every change has a stated reason", () => {
  it("is quiet on the demo: 基本 has a reason, 项目 is itemised by the projects' prior-year amounts", () => {
    expect(byRule(check(demoBudget()), "C14")).toEqual([]);
  });

  it("is quiet without a prior year", () => {
    const budget = demoBudget();
    budget.priorYear = null;
    budget.narrative.basicChangeReason = "";
    expect(check(budget)).toEqual([]);
  });

  it("fires when 基本支出 changed without a reason", () => {
    const budget = demoBudget();
    budget.narrative.basicChangeReason = "";
    const finding = findingWith(check(budget), "C14", "基本支出");
    expect(finding.severity).toBe("error");
    expect(finding.message).toBe("基本支出比2023年减少240.33万元（上年313.65万元，本年73.32万元），但未填写基本支出变化的原因。");
    expect(finding.location).toEqual({ section: "change", table: "T3", rowKey: "total", column: "basic" });
  });

  it("treats a reason of punctuation only as missing (the real “主要原因是。”)", () => {
    const budget = demoBudget();
    budget.narrative.basicChangeReason = " 。";
    expect(findingWith(check(budget), "C14", "基本支出").message).toContain("未填写基本支出变化的原因");
  });

  it.each([
    ["主要原因是。", "a lead-in with nothing after it (the real one)"],
    ["原因：", "a label with nothing after it"],
    ["无", "a placeholder"],
    ["比上年减少240.33万元。", "the change restated"],
  ])("treats “%s” as no reason (%s)", (reason) => {
    const budget = demoBudget();
    budget.narrative.basicChangeReason = reason;
    const finding = findingWith(check(budget), "C14", "基本支出");
    expect(finding.severity).toBe("error");
    expect(finding.message).toBe(`基本支出比2023年减少240.33万元（上年313.65万元，本年73.32万元），所填原因“${reason}”没有说明基本支出变化的原因。`);
  });

  it("accepts a short reason that says why (“人员减少”, “根据实际支出”)", () => {
    for (const reason of ["人员减少", "根据实际支出"]) {
      const budget = demoBudget();
      budget.narrative.basicChangeReason = reason;
      expect(byRule(check(budget), "C14")).toEqual([]);
    }
  });

  it("fires on an empty 三公 reason the same way", () => {
    const budget = demoBudget();
    budget.threePublic = [{ appropriation: "GENERAL_BUDGET", abroad: 0, vehiclePurchase: 0, vehicleOperation: wan("2.00"), reception: 0 }];
    budget.narrative.threePublicChangeReason = "主要原因是。";
    const finding = findingWith(check(budget), "C14", "“三公”经费");
    expect(finding.message).toBe("“三公”经费比2023年增加2.00万元（上年0.00万元，本年2.00万元），所填原因“主要原因是。”没有说明“三公”经费增减变化的原因。");
  });

  it("checks the itemised comparison even when a general reason is given: the projects' last-year amounts cannot exceed last year's 项目支出", () => {
    const budget = demoBudget();
    budget.narrative.projectChangeReason = "部分项目完成后不再安排";
    expect(byRule(check(budget), "C14")).toEqual([]);
    budget.projects[1]!.priorYearAmount = wan("35.00"); // was 25.00: the projects now claim 62.84 of last year's 52.84
    const finding = findingWith(check(budget), "C14", "各项目的上年金额合计");
    expect(finding.severity).toBe("error");
    expect(finding.message).toBe("各项目的上年金额合计为62.84万元，超过了上年（2023年）项目支出52.84万元，多出10.00万元；请核对各项目的上年金额。");
    expect(finding).toMatchObject({ expected: wan("52.84"), actual: wan("62.84"), tolerance: 0 });
  });

  it("fires when the projects' own changes do not explain 项目支出 and no general reason is given", () => {
    const budget = demoBudget();
    budget.projects[0]!.priorYearAmount = null; // now reads as a new project: +8.00 instead of −2.00
    const finding = findingWith(check(budget), "C14", "项目支出");
    expect(finding.message).toBe(
      "项目支出比2023年减少9.40万元（上年52.84万元，本年43.44万元），但各项目与上年相比的变化合计为0.60万元，不能说明全部变化，且未填写项目支出变化的原因。",
    );
    expect(finding).toMatchObject({ expected: wan("-9.40"), actual: wan("0.60") });
  });

  it("accepts a general project reason instead of itemised changes", () => {
    const budget = demoBudget();
    for (const project of budget.projects) project.priorYearAmount = null;
    budget.narrative.projectChangeReason = "压减一般性支出";
    expect(byRule(check(budget), "C14")).toEqual([]);
  });

  it("fires when 三公 changed without a reason", () => {
    const budget = demoBudget();
    budget.threePublic = [{ appropriation: "GENERAL_BUDGET", abroad: 0, vehiclePurchase: 0, vehicleOperation: wan("2.00"), reception: wan("0.50") }];
    const finding = findingWith(check(budget), "C14", "三公");
    expect(finding.message).toBe("“三公”经费比2023年增加2.50万元（上年0.00万元，本年2.50万元），但未填写“三公”经费增减变化的原因。");
    expect(finding.location).toEqual({ section: "threePublic", table: "T9", rowKey: "total", column: "total" });
  });

  it("fires when last year's total is not last year's 基本 + 项目", () => {
    const budget = demoBudget();
    budget.priorYear!.total = wan("366.59");
    const finding = findingWith(check(budget), "C14", "上年（2023年）");
    expect(finding.message).toBe("上年（2023年）预算总额为366.59万元，但上年基本支出与项目支出之和为366.49万元，相差0.10万元。");
  });

  it("asks for a total reason when other spending kinds make Δtotal ≠ Δ基本 + Δ项目", () => {
    const budget = demoBudget();
    budget.income.push({ source: "OPERATING", amount: wan("5.00") });
    budget.expenditure.push({ functionalCode: "2013701", kind: "OPERATING", source: "OPERATING", amount: wan("5.00") });
    expect(findingWith(check(budget), "C14", "其他支出").message).toBe(
      "本年除基本支出和项目支出外还有其他支出5.00万元，支出总额比2023年减少244.73万元，不能全部由基本支出和项目支出的变化说明，但未填写总额变化的原因。",
    );
    budget.narrative.totalChangeReason = "新增经营支出5.00万元";
    expect(check(budget)).toEqual([]);
  });
});
