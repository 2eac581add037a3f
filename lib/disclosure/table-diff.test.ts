import { describe, expect, it } from "vitest";
import { guantao2024Budget, guantao2024CodeBook } from "@/lib/demo/guantao-2024";
import { deriveTables } from "./derive-tables";
import { diffTables, groupChangedRows } from "./table-diff";

const before = deriveTables(guantao2024Budget, guantao2024CodeBook);

describe("diffTables: the published figures a correction changed", () => {
  it("finds nothing between a version and itself", () => {
    expect(diffTables(before, deriveTables(guantao2024Budget, guantao2024CodeBook))).toEqual([]);
  });

  it("names the changed line with its code, name and column, old → new, and the totals it moves", () => {
    const [first, ...rest] = guantao2024Budget.expenditure;
    if (first === undefined) throw new Error("the reference budget has expenditure lines");
    const corrected = { ...guantao2024Budget, expenditure: [{ ...first, amount: first.amount + 1_000_000 }, ...rest] };
    const changes = diffTables(before, deriveTables(corrected, guantao2024CodeBook));
    const line = changes.find((c) => c.table === 2 && c.rowKey === first.functionalCode && c.columnLabel === "合计");
    expect(line).toBeDefined();
    expect(line?.rowLabel.startsWith(first.functionalCode)).toBe(true);
    expect(line?.rowLabel.length).toBeGreaterThan(first.functionalCode.length + 1);
    expect((line?.newFen ?? 0) - (line?.oldFen ?? 0)).toBe(1_000_000);
    // the table's total row moves by the same amount
    const total = changes.find((c) => c.table === 2 && c.rowKey === "total" && c.columnLabel === "合计");
    expect((total?.newFen ?? 0) - (total?.oldFen ?? 0)).toBe(1_000_000);
    expect(changes.every((c) => c.oldFen !== c.newFen)).toBe(true);
  });

  it("lists a row the correction removed with no new figure", () => {
    const lines = guantao2024Budget.expenditure;
    const last = lines.find((line) => lines.filter((other) => other.functionalCode === line.functionalCode).length === 1);
    if (last === undefined) throw new Error("the reference budget has a code with a single line");
    const corrected = { ...guantao2024Budget, expenditure: lines.filter((line) => line !== last) };
    const changes = diffTables(before, deriveTables(corrected, guantao2024CodeBook));
    expect(changes.some((c) => c.table === 2 && c.rowKey === last.functionalCode && c.newFen === null && c.oldFen === last.amount)).toBe(true);
  });
});

describe("groupChangedRows", () => {
  it("puts a row's columns that moved alike on one line and marks the rows that sum others", () => {
    const [first, ...rest] = guantao2024Budget.expenditure;
    if (first === undefined) throw new Error("the reference budget has expenditure lines");
    const corrected = { ...guantao2024Budget, expenditure: [{ ...first, amount: first.amount + 1_000_000 }, ...rest] };
    const changes = diffTables(before, deriveTables(corrected, guantao2024CodeBook));
    const rows = groupChangedRows(changes);
    expect(rows.length).toBeLessThan(changes.length);
    const line = rows.find((r) => r.table === 2 && r.rowKey === first.functionalCode);
    expect(line?.columns).toContain("合计");
    expect(line?.columns.length).toBeGreaterThan(1);
    expect(line?.isSubtotal).toBe(false);
    expect(rows.find((r) => r.table === 2 && r.rowKey === "total")?.isSubtotal).toBe(true);
    expect(rows.reduce((n, r) => n + r.columns.length, 0)).toBe(changes.length);
  });
});
