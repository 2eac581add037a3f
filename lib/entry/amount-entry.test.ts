import { describe, expect, it } from "vitest";
import { displayAmount, editableAmount, enterAmount } from "./amount-entry";

describe("enterAmount", () => {
  it("stores 万元 typed into a 万元 document as typed, with separators removed", () => {
    expect(enterAmount("1,234.56", "WAN_YUAN", "WAN_YUAN")).toEqual({ ok: true, text: "1234.56" });
    expect(enterAmount(" 116.76 ", "WAN_YUAN", "WAN_YUAN")).toEqual({ ok: true, text: "116.76" });
  });

  it("converts 元 typed into a 万元 document", () => {
    expect(enterAmount("1,167,600", "WAN_YUAN", "YUAN")).toEqual({ ok: true, text: "116.76" });
    expect(enterAmount("12，300", "WAN_YUAN", "YUAN")).toEqual({ ok: true, text: "1.23" });
  });

  it("converts 万元 typed into a 元 document", () => {
    expect(enterAmount("1.5", "YUAN", "WAN_YUAN")).toEqual({ ok: true, text: "15000" });
  });

  it("reads blanks and （空） as zero (empty)", () => {
    expect(enterAmount("（空）", "WAN_YUAN", "YUAN")).toEqual({ ok: true, text: "" });
    expect(enterAmount("", "WAN_YUAN", "WAN_YUAN")).toEqual({ ok: true, text: "" });
  });

  it("refuses what a 万元 document cannot hold, keeping the typed text", () => {
    const entry = enterAmount("1,234.56", "WAN_YUAN", "YUAN");
    expect(entry.ok).toBe(false);
    expect(entry.text).toBe("1,234.56");
    if (!entry.ok) expect(entry.message).toContain("0.01万元");
  });

  it("refuses text and negative amounts with a Chinese message", () => {
    const text = enterAmount("十万", "WAN_YUAN", "WAN_YUAN");
    expect(text).toMatchObject({ ok: false, text: "十万" });
    if (!text.ok) expect(text.message).toContain("不是有效的金额");
    expect(enterAmount("-5", "WAN_YUAN", "WAN_YUAN").ok).toBe(false);
    expect(enterAmount("1.234", "WAN_YUAN", "WAN_YUAN").ok).toBe(false);
  });
});

describe("exact amounts (asset values)", () => {
  it("keeps 1.385 万元 and 13,850 元 exact", () => {
    expect(enterAmount("1.385", "WAN_YUAN", "WAN_YUAN", "exact")).toEqual({ ok: true, text: "1.385" });
    expect(enterAmount("13,850", "WAN_YUAN", "YUAN", "exact")).toEqual({ ok: true, text: "1.385" });
    expect(enterAmount("1.385", "WAN_YUAN", "WAN_YUAN").ok).toBe(false);
  });
});

describe("displayAmount and editableAmount", () => {
  it("shows thousands separators and two decimals when not editing", () => {
    expect(displayAmount("1234.5", "WAN_YUAN", "WAN_YUAN")).toBe("1,234.50");
    expect(displayAmount("116.76", "WAN_YUAN", "YUAN")).toBe("1,167,600.00");
    expect(displayAmount("1.385", "WAN_YUAN", "WAN_YUAN")).toBe("1.385");
    expect(displayAmount("", "WAN_YUAN", "YUAN")).toBe("");
  });

  it("edits without separators in the entry unit", () => {
    expect(editableAmount("116.76", "WAN_YUAN", "YUAN")).toBe("1167600");
    expect(editableAmount("1234.50", "WAN_YUAN", "WAN_YUAN")).toBe("1234.5");
  });

  it("shows text that is not an amount unchanged", () => {
    expect(displayAmount("abc", "WAN_YUAN", "WAN_YUAN")).toBe("abc");
  });
});
