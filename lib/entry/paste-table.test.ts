import { describe, expect, it } from "vitest";
import { isBlankCell, isBlock, parsePastedTable } from "./paste-table";

describe("parsePastedTable", () => {
  it("reads Excel's CRLF rows and tab cells, ignoring the trailing newline", () => {
    expect(parsePastedTable("2010101\t基本支出\t1,234.56\r\n2210201\t项目支出\t（空）\r\n")).toEqual([
      ["2010101", "基本支出", "1,234.56"],
      ["2210201", "项目支出", "（空）"],
    ]);
  });

  it("reads LF rows and a last row without newline", () => {
    expect(parsePastedTable("a\tb\nc\td")).toEqual([
      ["a", "b"],
      ["c", "d"],
    ]);
  });

  it("keeps tabs, newlines and doubled quotes inside quoted cells", () => {
    expect(parsePastedTable('"第一行\r\n第二行"\t"含\t制表符"\t"说""明"\r\n')).toEqual([["第一行\r\n第二行", "含\t制表符", '说"明']]);
  });

  it("keeps empty cells in place", () => {
    expect(parsePastedTable("\t5\t\r\n1\t\t2\r\n")).toEqual([
      ["", "5", ""],
      ["1", "", "2"],
    ]);
  });

  it("reads a single value as one cell", () => {
    expect(parsePastedTable("116.76")).toEqual([["116.76"]]);
    expect(parsePastedTable("")).toEqual([]);
  });
});

describe("isBlock and isBlankCell", () => {
  it("tells a block from one value with Excel's trailing newline", () => {
    expect(isBlock("116.76\r\n")).toBe(false);
    expect(isBlock("1\t2")).toBe(true);
    expect(isBlock("1\r\n2\r\n")).toBe(true);
  });

  it("treats （空）, dashes and blanks as empty", () => {
    for (const blank of ["", " ", "（空）", "(空)", "-", "—"]) expect(isBlankCell(blank)).toBe(true);
    expect(isBlankCell("0")).toBe(false);
  });
});
