import { describe, expect, it } from "vitest";
import { guantao2024CodeBook } from "@/lib/demo/guantao-2024";
import { leadingCode, searchCodes, selectableCodes } from "./code-search";

const codes = (query: string, scheme: "functional" | "economic" = "functional") =>
  searchCodes(guantao2024CodeBook, scheme, query).map((c) => c.code);

describe("searchCodes", () => {
  it("finds 2210201 住房公积金 by name and by code prefix", () => {
    expect(codes("住房")).toContain("2210201");
    expect(codes("2210")).toEqual(["2210201", "2210202", "2210203"]);
    expect(codes("2210201")[0]).toBe("2210201");
  });

  it("offers only 项 (7-digit functional) and 款 (5-digit economic) codes", () => {
    expect(codes("221").every((c) => c.length === 7)).toBe(true);
    expect(codes("网信")).not.toContain("20137");
    // names first (基本工资, 绩效工资, 其他工资福利支出), then the other 款 of 301 工资福利支出
    expect(codes("工资", "economic").slice(0, 3)).toEqual(["30101", "30107", "30199"]);
    expect(codes("工资", "economic").every((c) => c.startsWith("301"))).toBe(true);
    expect(codes("301", "economic").every((c) => c.length === 5)).toBe(true);
    expect(selectableCodes(guantao2024CodeBook, "economic").some((c) => c.code === "301")).toBe(false);
  });

  it("matches a parent's name (住房改革 finds its items) and several words", () => {
    expect(codes("住房改革")).toEqual(["2210201", "2210202", "2210203"]);
    expect(codes("网信 行政运行")).toEqual(["2013701"]);
  });

  it("finds nothing for a code outside the book", () => {
    expect(codes("9999")).toEqual([]);
  });
});

describe("leadingCode", () => {
  it("takes the code from a pasted '2210201 住房公积金'", () => {
    expect(leadingCode("2210201 住房公积金")).toBe("2210201");
    expect(leadingCode(" 30101")).toBe("30101");
    expect(leadingCode("行政运行")).toBe("行政运行");
  });
});
