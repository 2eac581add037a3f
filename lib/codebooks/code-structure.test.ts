import { describe, expect, it } from "vitest";
import { codeShape, schemeOfCode, splitCodeAndName } from "./code-structure";

describe("code shape", () => {
  it("derives level and parent from the digits: 类 3, 款 5, 项 7 (functional only)", () => {
    expect(codeShape("201", "FUNCTIONAL")).toEqual({ ok: true, level: 1, parentCode: null });
    expect(codeShape("20137", "FUNCTIONAL")).toEqual({ ok: true, level: 2, parentCode: "201" });
    expect(codeShape("2013701", "FUNCTIONAL")).toEqual({ ok: true, level: 3, parentCode: "20137" });
    expect(codeShape("30101", "ECONOMIC")).toEqual({ ok: true, level: 2, parentCode: "301" });
    expect(codeShape("50101", "ECONOMIC")).toEqual({ ok: true, level: 2, parentCode: "501" });
  });

  it("refuses, in Chinese, lengths and first digits the scheme does not have", () => {
    expect(codeShape("3010101", "ECONOMIC")).toMatchObject({ ok: false, message: expect.stringContaining("3 位（类）或 5 位（款）") });
    expect(codeShape("2013", "FUNCTIONAL")).toMatchObject({ ok: false, message: expect.stringContaining("是 4 位") });
    expect(codeShape("30101", "FUNCTIONAL")).toMatchObject({ ok: false, message: expect.stringContaining("以 2 开头") });
    expect(codeShape("20A01", "FUNCTIONAL")).toMatchObject({ ok: false, message: expect.stringContaining("只含数字") });
  });

  it("tells the scheme by the first digit", () => {
    expect(schemeOfCode("2080505")).toBe("FUNCTIONAL");
    expect(schemeOfCode("30113")).toBe("ECONOMIC");
    expect(schemeOfCode("50201")).toBe("ECONOMIC");
    expect(schemeOfCode("10101")).toBeNull();
  });

  it("splits code and name written in one cell", () => {
    expect(splitCodeAndName("2013701 行政运行")).toEqual({ code: "2013701", name: "行政运行" });
    expect(splitCodeAndName("2013701\u3000\u3000行政运行")).toEqual({ code: "2013701", name: "行政运行" });
    expect(splitCodeAndName("[30101]基本工资")).toEqual({ code: "30101", name: "基本工资" });
    expect(splitCodeAndName("【301】工资福利支出")).toEqual({ code: "301", name: "工资福利支出" });
    expect(splitCodeAndName("30101-基本工资")).toEqual({ code: "30101", name: "基本工资" });
    expect(splitCodeAndName("行政运行")).toBeNull();
  });
});
