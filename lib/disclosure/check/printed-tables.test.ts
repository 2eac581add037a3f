import { describe, expect, it } from "vitest";
import type { Budget } from "../types";
import { byRule, check, demoBudget, findingWith, setCell, tablesOf, wan } from "./test-helpers";

/** Defects that only printed (imported) tables can have, each one seen in a real disclosure. */
describe("checks on printed tables", () => {
  it("find nothing in the demo's own tables", () => {
    expect(check(demoBudget(), { tables: tablesOf(demoBudget()) })).toEqual([]);
  });

  it("are not run on derived tables, where a bad code is reported once on the entered line (D1)", () => {
    const budget = demoBudget();
    budget.expenditure[2]!.functionalCode = "2089999";
    const rules = check(budget).map((f) => f.rule);
    expect(rules).toContain("D1");
    expect(rules).not.toContain("D7");
  });

  describe("D7 a printed row code that is not a code of the year's book", () => {
    it("fires for a 项 printed with the class code “7” (社会福利院 2024)", () => {
      const tables = tablesOf(demoBudget());
      setCell(tables.T3, "2101101", "code", "7");
      const finding = findingWith(check(demoBudget(), { tables }), "D7", "“7”");
      expect(finding.severity).toBe("error");
      expect(finding.message).toBe("表3 单位预算支出总表 “7 行政单位医疗”行的科目编码“7”不是2024年科目表中的功能分类科目（应为3、5、7位编码）。");
      expect(finding.location).toEqual({ table: "T3", rowKey: "2101101", column: "code" });
    });

    it("fires for an economic 款 printed as “3012” (万里街道 2024 printed “301 2”)", () => {
      const tables = tablesOf(demoBudget());
      setCell(tables.T6, "30102", "code", "3012");
      expect(findingWith(check(demoBudget(), { tables }), "D7", "3012").message).toContain("不是2024年科目表中的经济分类科目（应为3、5位编码）");
    });
  });

  describe("D8 (warning) a printed name that differs from the code book", () => {
    it("fires for an old class name printed in every table (医疗卫生与计划生育支出 for 卫生健康支出)", () => {
      const tables = tablesOf(demoBudget());
      for (const t of [tables.T1, tables.T4]) setCell(t, "row10", "expenditureItem", "十、医疗卫生与计划生育支出");
      for (const t of [tables.T2, tables.T3, tables.T5]) setCell(t, "210", "name", "医疗卫生与计划生育支出");
      const findings = check(demoBudget(), { tables });
      expect(byRule(findings, "D10")).toEqual([]);
      const d8 = byRule(findings, "D8");
      expect(d8.every((f) => f.severity === "warning")).toBe(true);
      expect(d8.map((f) => f.location.table)).toEqual(["T2", "T3", "T5", "T1", "T4"]);
      expect(d8[1]?.message).toBe("表3 单位预算支出总表 “210 医疗卫生与计划生育支出”行的科目名称与2024年科目表不一致，应为“卫生健康支出”。");
      expect(d8[3]?.message).toBe("表1 单位预算收支总表 “十、医疗卫生与计划生育支出”的类名称与2024年科目表不一致，应为“十、卫生健康支出”。");
    });
  });

  describe("D10 (warning) the same code named differently in two tables", () => {
    it("fires once for an old class name kept in some tables only (上海市普陀区社会福利院 2024), instead of a D8 per table", () => {
      const budget = demoBudget();
      const tables = tablesOf(budget);
      expect(byRule(check(budget, { tables }), "D10")).toEqual([]);
      setCell(tables.T1, "row10", "expenditureItem", "十、医疗卫生与计划生育支出");
      setCell(tables.T3, "210", "name", "医疗卫生与计划生育支出");
      const findings = check(budget, { tables });
      expect(byRule(findings, "D8")).toEqual([]);
      const finding = findingWith(findings, "D10", "210");
      expect(finding.severity).toBe("warning");
      expect(finding.message).toBe(
        "功能分类科目“210”在各表中的名称不一致：表1、表3为“医疗卫生与计划生育支出”，表2、表4、表5为“卫生健康支出”（2024年科目表为“卫生健康支出”）。",
      );
      expect(finding.location).toEqual({ table: "T3", rowKey: "210", column: "name" });
    });

    it("fires when one table renames a 项 the others print as the code book does", () => {
      const budget = demoBudget();
      const tables = tablesOf(budget);
      setCell(tables.T3, "2013701", "name", "行政运行（网信）");
      const finding = findingWith(check(budget, { tables }), "D10", "2013701");
      expect(finding.message).toBe("功能分类科目“2013701”在各表中的名称不一致：表2、表5为“行政运行”，表3为“行政运行（网信）”（2024年科目表为“行政运行”）。");
    });
  });

  describe("D9 a table prints either rows or its empty-table note", () => {
    function withThreePublic(): Budget {
      const budget = demoBudget();
      budget.threePublic = [{ appropriation: "GENERAL_BUDGET", abroad: 0, vehiclePurchase: wan("25.00"), vehicleOperation: wan("21.56"), reception: wan("1.35") }];
      budget.narrative.threePublicChangeReason = "购置执法执勤用车";
      return budget;
    }

    it("fires for a 三公 table with numbers and the note that it is empty (万里街道 2024)", () => {
      const budget = withThreePublic();
      const tables = tablesOf(budget);
      tables.T9.emptyNote = "注：本部门2024年无“三公”经费和机关运行经费预算，故本表为空表。";
      const finding = findingWith(check(budget, { tables }), "D9", "表9");
      expect(finding.severity).toBe("error");
      expect(finding.message).toBe(
        "表9 单位预算财政拨款“三公”经费支出表列有数据，却同时注明“注：本部门2024年无“三公”经费和机关运行经费预算，故本表为空表。”；请删除该说明或核对数据。",
      );
    });

    it("fires for an empty table without a note (上海市财政局 2025)", () => {
      const tables = tablesOf(demoBudget());
      tables.T7.emptyNote = null;
      expect(findingWith(check(demoBudget(), { tables }), "D9", "表7").message).toBe(
        "表7 单位预算政府性基金预算财政拨款支出表是空表，但没有注明原因（如“注：无…，空表列示。”）；空表也须公开并说明。",
      );
    });
  });

  it("D3 fires for a negative printed cell", () => {
    const tables = tablesOf(demoBudget());
    setCell(tables.T5, "2080505", "basic", wan("-6.45"));
    const finding = findingWith(check(demoBudget(), { tables }), "D3", "2080505");
    expect(finding.message).toBe("表5 单位预算一般公共预算财政拨款支出表 “2080505 机关事业单位基本养老保险缴费支出”行“基本支出”列为负数（-6.45万元），金额不能为负。");
    expect(finding.location).toEqual({ table: "T5", rowKey: "2080505", column: "basic" });
  });
});
