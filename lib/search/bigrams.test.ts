import { describe, expect, it } from "vitest";
import { combinedTsvectorLiteral, parseApproximateQuery, parseQuery, tokenize, tsvectorLiteral } from "./bigrams";
import { highlight } from "./highlight";

describe("the app's Chinese tokens", () => {
  it("cuts Han runs into overlapping bigrams at consecutive positions and keeps codes whole", () => {
    expect(tokenize("住房公积金 2210201")).toEqual([
      { text: "住房", position: 1 },
      { text: "房公", position: 2 },
      { text: "公积", position: 3 },
      { text: "积金", position: 4 },
      { text: "2210201", position: 6 },
    ]);
    expect(tsvectorLiteral("网信 网信办")).toBe("'网信':1,3 '信办':4");
  });

  it("normalizes full-width characters and case the same way for texts and queries", () => {
    expect(tokenize("ＡＢ１２")).toEqual([{ text: "ab12", position: 1 }]);
    expect(parseQuery("Ｐ0001")?.tsquery).toBe("'p0001':*");
  });

  it("makes a Han query the phrase of its bigrams, so it matches exactly the texts containing it", () => {
    expect(parseQuery("住房公积金")).toEqual({
      tsquery: "('住房' <-> '房公' <-> '公积' <-> '积金')",
      allLexemes: "'住房' & '房公' & '公积' & '积金'",
      lexemes: ["住房", "房公", "公积", "积金"].map((text) => ({ text, isPrefix: false })),
      terms: ["住房公积金"],
    });
    expect(parseQuery("网信 224")).toEqual({ tsquery: "('网信') & '224':*", allLexemes: "'网信' & '224':*",
      terms: ["网信", "224"],
      lexemes: [
        { text: "网信", isPrefix: false },
        { text: "224", isPrefix: true },
      ],
    });
  });

  it("has nothing to search for in punctuation, quotes or one Han character, and cannot be broken out of", () => {
    expect(parseQuery("")).toBeNull();
    expect(parseQuery("住")).toBeNull();
    expect(parseQuery("'\\\")(&|!<->:*")).toBeNull();
    expect(parseQuery("' OR 1=1 --")?.tsquery).toBe("'or':* & '1':* & '1':*");
  });

  it("keeps the texts of one document apart by position", () => {
    expect(combinedTsvectorLiteral(["住房", "公积"])).toBe("'住房':1 '公积':4");
    expect(parseApproximateQuery("馆淘县")?.anyTsquery).toBe("'馆淘' | '淘县'");
  });
});

describe("highlight", () => {
  it("marks every occurrence of each term, comparing normalized characters", () => {
    expect(highlight("住房公积金（住房）", ["住房"])).toEqual([
      { text: "住房", isMatch: true },
      { text: "公积金（", isMatch: false },
      { text: "住房", isMatch: true },
      { text: "）", isMatch: false },
    ]);
    expect(highlight("项目编码P0001", ["p0001"]).filter((s) => s.isMatch)).toEqual([{ text: "P0001", isMatch: true }]);
  });

  it("cuts a long text around the first match", () => {
    const text = `${"甲".repeat(200)}网信${"乙".repeat(200)}`;
    const segments = highlight(text, ["网信"], 60);
    expect(segments[0]).toEqual({ text: "…", isMatch: false });
    expect(segments.find((s) => s.isMatch)?.text).toBe("网信");
    expect(segments.map((s) => s.text).join("").length).toBeLessThanOrEqual(62);
  });
});
