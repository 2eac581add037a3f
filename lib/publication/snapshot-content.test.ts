import { describe, expect, it } from "vitest";
import { guantao2024Budget, guantao2024CodeBook } from "@/lib/demo/guantao-2024";
import { buildSnapshotContent, canonicalJson, contentHash } from "./snapshot-content";

const publication = { version: 1, publishedAt: "2024-02-01T08:00:00.000Z", approvedAt: "2024-01-20", correctionNote: null };

describe("snapshot content", () => {
  it("freezes the derived tables and narrative with the codes the budget uses", () => {
    const content = buildSnapshotContent(guantao2024Budget, guantao2024CodeBook, publication);
    expect(content.narrative.figures.income.total).toBe(116_760_000);
    expect(content.codeBook.functional.map((c) => c.code)).toContain("2013701");
    expect(content.codeBook.functional.map((c) => c.code)).not.toContain("2013702");
    expect(content.codeBook.economic.map((c) => c.code)).toEqual(
      expect.arrayContaining(["301", "30101", "302", "30239"]),
    );
    expect(content.codeBook.economic.map((c) => c.code)).not.toContain("31002");
  });

  it("hashes the same content the same way whatever the key order, and differently when a figure changes", () => {
    const a = buildSnapshotContent(guantao2024Budget, guantao2024CodeBook, publication);
    const reordered = JSON.parse(canonicalJson(a)) as typeof a;
    expect(contentHash(reordered)).toBe(contentHash(a));
    expect(contentHash(a)).toMatch(/^[0-9a-f]{64}$/);
    const changed = structuredClone(guantao2024Budget);
    changed.basicEconomic[0]!.amount += 1;
    expect(contentHash(buildSnapshotContent(changed, guantao2024CodeBook, publication))).not.toBe(contentHash(a));
  });
});
