import { describe, expect, it } from "vitest";
import type { CellValue, SheetData, SpreadsheetData } from "@/lib/spreadsheet/read-spreadsheet";
import { codeBookProblems } from "./check-code-book";
import { readCodeBookSheets } from "./read-code-book-sheets";
import { starterCodeBook, starterCodes } from "./starter-code-book";

const sheet = (name: string, rows: CellValue[][], extra: Partial<SheetData> = {}): SheetData => ({ name, isHidden: false, rows, merges: [], ...extra });
const book = (...sheets: SheetData[]): SpreadsheetData => ({ format: "xlsx", sheets });

const FUNCTIONAL_ROWS: CellValue[][] = [
  ["201", "一般公共服务支出"],
  ["20137", "网信事务"],
  [2013701, "行政运行"],
];
const ECONOMIC_ROWS: CellValue[][] = [
  ["301", "工资福利支出"],
  ["30101", "基本工资"],
];

function problemsOf(data: SpreadsheetData): string[] {
  const result = readCodeBookSheets(data);
  if (result.ok) throw new Error("expected problems");
  return result.problems.map((p) => p.message);
}

describe("readCodeBookSheets", () => {
  it("reads 科目编码/科目名称 below a title, with the scheme told by the first digit, level and parent derived", () => {
    const result = readCodeBookSheets(book(sheet("Sheet1", [["2025年政府收支分类科目"], [], ["科目编码", "科目名称"], ...FUNCTIONAL_ROWS, ...ECONOMIC_ROWS])));
    expect(result).toEqual({
      ok: true,
      functional: [
        { scheme: "FUNCTIONAL", code: "201", name: "一般公共服务支出", level: 1, parentCode: null },
        { scheme: "FUNCTIONAL", code: "20137", name: "网信事务", level: 2, parentCode: "201" },
        { scheme: "FUNCTIONAL", code: "2013701", name: "行政运行", level: 3, parentCode: "20137" },
      ],
      economic: [
        { scheme: "ECONOMIC", code: "301", name: "工资福利支出", level: 1, parentCode: null },
        { scheme: "ECONOMIC", code: "30101", name: "基本工资", level: 2, parentCode: "301" },
      ],
    });
  });

  it("accepts the aliases 编码/代码/科目代码 and 名称, a code and name in one 科目 cell, and 类/款/项 columns", () => {
    for (const header of [["编码", "名称"], ["代码", "名称"], ["科目代码", "科目名称"]]) {
      const result = readCodeBookSheets(book(sheet("表", [header, ...FUNCTIONAL_ROWS, ...ECONOMIC_ROWS])));
      expect(result.ok).toBe(true);
    }
    const combined = readCodeBookSheets(book(sheet("表", [["科目"], ["201 一般公共服务支出"], ["20137\u3000网信事务"], ["2013701　　行政运行"], ["301 工资福利支出"], ["[30101]基本工资"]])));
    expect(combined.ok && combined.functional.map((c) => `${c.code}${c.name}`)).toEqual(["201一般公共服务支出", "20137网信事务", "2013701行政运行"]);
    const split = readCodeBookSheets(book(sheet("表", [["类", "款", "项", "科目名称"], ["201", "", "", "一般公共服务支出"], ["201", "37", "", "网信事务"], ["201", "37", "01", "行政运行"], ["301", "", "", "工资福利支出"], ["301", "01", "", "基本工资"]])));
    expect(split.ok && split.functional.map((c) => c.code)).toEqual(["201", "20137", "2013701"]);
  });

  it("takes the scheme from a sheet's name, a heading row or a scheme column", () => {
    const bySheet = readCodeBookSheets(book(sheet("支出功能分类科目", [["科目编码", "科目名称"], ...FUNCTIONAL_ROWS]), sheet("部门预算支出经济分类科目", [["科目编码", "科目名称"], ...ECONOMIC_ROWS])));
    expect(bySheet.ok && [bySheet.functional.length, bySheet.economic.length]).toEqual([3, 2]);
    const byHeading = readCodeBookSheets(book(sheet("表", [["科目编码", "科目名称"], ["一、支出功能分类科目"], ...FUNCTIONAL_ROWS, ["二、支出经济分类科目"], ...ECONOMIC_ROWS])));
    expect(byHeading.ok && byHeading.economic.length).toBe(2);
    // a 2xx code stated as economic is refused rather than filed wrongly
    expect(problemsOf(book(sheet("表", [["科目编码", "科目名称", "分类"], ["201", "一般公共服务支出", "经济分类"]])))[0]).toContain("应以 3 或 5 开头");
  });

  it("names the place of every problem: duplicate, 项 without its 款, empty name, wrong length, unknown scheme", () => {
    const problems = problemsOf(
      book(
        sheet("科目", [
          ["科目编码", "科目名称"],
          ["201", "一般公共服务支出"],
          ["2013701", "行政运行"],
          ["201", "一般公共服务支出"],
          ["20138", ""],
          ["2013", "四位"],
          ["10101", "税收收入"],
          ["", "无编码的行"],
        ]),
      ),
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        "工作表“科目”第 4 行：科目编码 201 重复，工作表“科目”第 2 行已有（一般公共服务支出）。",
        expect.stringMatching(/^工作表“科目”第 3 行：项 2013701 行政运行 的上级款 20137 不在支出功能分类科目中/),
        "工作表“科目”第 5 行 B 列：科目 20138 的名称为空。",
        expect.stringMatching(/^工作表“科目”第 6 行 A 列：.*“2013”是 4 位/),
        expect.stringMatching(/^工作表“科目”第 7 行 A 列：科目编码“10101”既不是支出功能分类/),
        "工作表“科目”第 8 行 A 列：“无编码的行”没有科目编码。",
      ]),
    );
  });

  it("refuses a file without the columns, hidden sheets holding codes, and merged code cells", () => {
    expect(problemsOf(book(sheet("单位", [["单位编码", "单位名称"], ["224001", "网信办"]])))[0]).toContain("需要“科目编码”和“科目名称”两列");
    expect(problemsOf(book(sheet("可见", [["科目编码", "科目名称"], ...FUNCTIONAL_ROWS]), sheet("隐藏", [["科目编码", "科目名称"], ...ECONOMIC_ROWS], { isHidden: true })))[0]).toContain("工作表“隐藏”是隐藏的工作表");
    const merged = sheet("表", [["科目编码", "科目名称"], ...FUNCTIONAL_ROWS], { merges: [{ top: 1, left: 1, bottom: 2, right: 1 }] });
    expect(problemsOf(book(merged))[0]).toBe("工作表“表”第 2 行 B 列：科目编码或名称所在的单元格是合并单元格，请取消合并，每行写一个科目。");
  });

  it("skips total rows and blank rows", () => {
    const result = readCodeBookSheets(book(sheet("表", [["科目编码", "科目名称"], ...FUNCTIONAL_ROWS, [], ["", "合计"], ...ECONOMIC_ROWS])));
    expect(result.ok).toBe(true);
  });
});

describe("the starter code book", () => {
  it("is a valid book with every functional class that has a code and the reference document's codes", () => {
    const starter = starterCodeBook(2025);
    expect(codeBookProblems(starter)).toEqual([]);
    expect(starter.functional.filter((c) => c.level === 1)).toHaveLength(30);
    expect(starter.functional.find((c) => c.code === "2013701")?.name).toBe("行政运行");
    expect(starterCodes().find((c) => c.code === "2040401")?.years).toEqual([2019]);
  });
});
