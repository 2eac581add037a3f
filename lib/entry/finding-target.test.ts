import { describe, expect, it } from "vitest";
import { guantao2024Budget } from "@/lib/demo/guantao-2024";
import type { Finding } from "@/lib/disclosure/check";
import { findingTarget } from "./finding-target";

const finding = (rule: string, location: Finding["location"]): Finding => ({ rule, severity: "error", message: "", location, tolerance: 0 });

describe("findingTarget", () => {
  it("sends a missing prior-year reason to its field", () => {
    expect(findingTarget(finding("C14", { section: "change", table: "T3", rowKey: "total", column: "basic" }), guantao2024Budget)).toEqual({
      path: "narrative.basicChangeReason",
      section: "narrative",
    });
    expect(findingTarget(finding("C14", { section: "threePublic", table: "T9", rowKey: "total", column: "total" }), guantao2024Budget).path).toBe(
      "narrative.threePublicChangeReason",
    );
  });

  it("sends a line finding to its line and a table row to its first line", () => {
    expect(findingTarget(finding("D1", { table: "T3", lineIndex: 2 }), guantao2024Budget)).toEqual({ path: "expenditure.2", section: "expenditure" });
    expect(findingTarget(finding("C9", { table: "T6", rowKey: "30201", column: "total" }), guantao2024Budget)).toEqual({ path: "basicEconomic.8", section: "basic" });
    expect(findingTarget(finding("C11", { projectCode: guantao2024Budget.projects[1]!.code }), guantao2024Budget)).toEqual({ path: "projects.1", section: "projects" });
  });

  it("falls back to the section", () => {
    expect(findingTarget(finding("C1", { table: "T1", rowKey: "grand-total", column: "expenditure" }), guantao2024Budget)).toEqual({ path: null, section: "expenditure" });
  });
});
