import { describe, expect, it } from "vitest";
import { guantao2024Budget, guantao2024CodeBook } from "@/lib/demo/guantao-2024";
import { aggregateDepartment, DepartmentAggregationError, deriveDepartmentTables, generateDepartmentNarrative } from "./aggregate-department";
import { checkDisclosure } from "./check";
import { deriveTables } from "./derive-tables";
import { TABLE_IDS, type DerivedTables, type TableId } from "./table-model";
import { BASIC_CATEGORIES, EXPENDITURE_KINDS, FUND_SOURCES, type Budget, type Fen } from "./types";

const DEPARTMENT = { code: "224", name: "中共馆陶县委网络安全和信息化委员会办公室" };
const codeBook = guantao2024CodeBook;

/** A small deterministic PRNG (mulberry32), so a failing case can be replayed from its seed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FUNCTIONAL_LEAVES = codeBook.functional.filter((c) => c.level === 3).map((c) => c.code);
const ECONOMIC_LEAVES = codeBook.economic.filter((c) => c.level === 2).map((c) => c.code);

/**
 * A unit of department 224 with random lines: random codes, kinds and sources (fiscal and not,
 * carried over and not), amounts in odd 分 up to ~10 million 元, some 三公 and assets.
 */
function generateUnit(seed: number, index: number): Budget {
  const next = random(seed);
  const pick = <T,>(values: readonly T[]): T => values[Math.floor(next() * values.length)]!;
  const fen = (): Fen => Math.floor(next() * 1_000_000_000) + 1;
  const lines = 1 + Math.floor(next() * 12);
  const budget = structuredClone(guantao2024Budget);
  budget.unit = { ...budget.unit, code: `224${String(index + 1).padStart(3, "0")}`, name: `生成单位${seed}-${index}` };
  budget.income = Array.from({ length: 1 + Math.floor(next() * 6) }, () => ({ source: pick(FUND_SOURCES), amount: fen() }));
  budget.expenditure = Array.from({ length: lines }, () => ({
    functionalCode: pick(FUNCTIONAL_LEAVES),
    kind: pick(EXPENDITURE_KINDS),
    source: pick(FUND_SOURCES),
    amount: fen(),
  }));
  budget.basicEconomic = Array.from({ length: 1 + Math.floor(next() * 8) }, () => ({
    economicCode: pick(ECONOMIC_LEAVES),
    category: pick(BASIC_CATEGORIES),
    source: pick(["GENERAL_BUDGET", "GENERAL_BUDGET", "GOVERNMENT_FUND", "CARRYOVER_GENERAL_BUDGET"] as const),
    amount: fen(),
  }));
  budget.yearEndCarryover = next() < 0.5 ? 0 : fen();
  budget.threePublic =
    next() < 0.3
      ? []
      : [{ appropriation: pick(["GENERAL_BUDGET", "GOVERNMENT_FUND"] as const), abroad: fen(), vehiclePurchase: 0, vehicleOperation: fen(), reception: fen() }];
  return budget;
}

/** Every amount cell of a table, keyed "row key|column key". */
function amountCells(tables: DerivedTables, id: TableId): Map<string, Fen> {
  const table = tables[id];
  const cells = new Map<string, Fen>();
  for (const row of table.rows) {
    table.columns.forEach((column, i) => {
      const value = row.cells[i];
      if (column.kind === "amount" && typeof value === "number") cells.set(`${row.key}|${column.key}`, value);
    });
  }
  return cells;
}

function summedCells(units: readonly Budget[], id: TableId): Map<string, Fen> {
  const total = new Map<string, Fen>();
  for (const unit of units) {
    for (const [key, value] of amountCells(deriveTables(unit, codeBook), id)) total.set(key, (total.get(key) ?? 0) + value);
  }
  return total;
}

describe("aggregateDepartment", () => {
  for (const seed of [1, 7, 42, 2024, 99991]) {
    it(`every amount cell of the nine tables is the sum of the units' cells (seed ${seed})`, () => {
      const count = 2 + (seed % 4);
      const units = Array.from({ length: count }, (_, i) => generateUnit(seed * 31 + i, i));
      const department = deriveTables(aggregateDepartment(DEPARTMENT, units), codeBook);
      for (const id of TABLE_IDS) {
        const expected = summedCells(units, id);
        const actual = amountCells(department, id);
        // Rows of zero are left out of hierarchical tables: compare what is non-zero, cell by cell.
        const nonZero = (cells: Map<string, Fen>) => new Map([...cells].filter(([, v]) => v !== 0));
        expect(nonZero(actual), id).toEqual(nonZero(expected));
        for (const value of actual.values()) expect(Number.isSafeInteger(value), id).toBe(true);
      }
    });
  }

  it("a department of one unit has exactly that unit's tables and narrative figures", () => {
    const unit = structuredClone(guantao2024Budget);
    const department = aggregateDepartment(DEPARTMENT, [unit]);
    const ours = deriveTables(department, codeBook);
    const theirs = deriveTables(unit, codeBook);
    expect(ours).toEqual(theirs);
    expect(generateDepartmentNarrative(department, ours).figures).toEqual(generateDepartmentNarrative(unit, theirs).figures);
    expect(department.projects).toEqual(unit.projects);
    expect(department.priorYear).toEqual(unit.priorYear);
    expect(department.narrative).toEqual(unit.narrative);
    expect(department.unit).toMatchObject({ code: "224", name: DEPARTMENT.name });
    expect(department.unit.duties).toEqual(unit.unit.duties);
  });

  it("adds integer 分 exactly, however many units and however large the amounts", () => {
    // 0.1 + 0.2 in 元 as floats would not be 0.3; in 分 the sum is exact.
    const a = structuredClone(guantao2024Budget);
    const b = structuredClone(guantao2024Budget);
    b.unit = { ...b.unit, code: "224002", name: "第二单位" };
    a.income = [{ source: "GENERAL_BUDGET", amount: 10 }];
    b.income = [{ source: "GENERAL_BUDGET", amount: 20 }, { source: "OTHER", amount: 999_999_999_999_99 }];
    const department = aggregateDepartment(DEPARTMENT, [a, b]);
    expect(department.income).toEqual([
      { source: "GENERAL_BUDGET", amount: 30 },
      { source: "OTHER", amount: 999_999_999_999_99 },
    ]);
    const t1 = deriveTables(department, codeBook).T1;
    expect(t1.rows.find((r) => r.key === "income-this-year")?.cells[2]).toBe(30 + 999_999_999_999_99);
  });

  it("refuses an empty department, units of other departments, years or regions, and a unit twice", () => {
    expect(() => aggregateDepartment(DEPARTMENT, [])).toThrow(DepartmentAggregationError);
    expect(() => aggregateDepartment(DEPARTMENT, [])).toThrow("没有可汇总的单位预算");
    const other = structuredClone(guantao2024Budget);
    other.department = { code: "225", name: "别的部门" };
    expect(() => aggregateDepartment(DEPARTMENT, [other])).toThrow("不属于部门 224");
    const nextYear = { ...structuredClone(guantao2024Budget), year: 2025, unit: { ...guantao2024Budget.unit, code: "224002" } };
    expect(() => aggregateDepartment(DEPARTMENT, [guantao2024Budget, nextYear])).toThrow("同一年度");
    expect(() => aggregateDepartment(DEPARTMENT, [guantao2024Budget, guantao2024Budget])).toThrow("重复");
  });

  it("sums last year's figures only when every unit has them, and lists projects with their unit", () => {
    const a = structuredClone(guantao2024Budget);
    const b = { ...structuredClone(guantao2024Budget), unit: { ...guantao2024Budget.unit, code: "224002", name: "网络安全中心" } };
    const both = aggregateDepartment(DEPARTMENT, [b, a]);
    expect(both.priorYear?.total).toBe(2 * guantao2024Budget.priorYear!.total);
    expect(both.projects).toHaveLength(2 * a.projects.length);
    expect(both.projects[0]?.name).toBe(`${a.projects[0]?.name}（${a.unit.name}）`);
    expect(both.projects.at(-1)?.name).toBe(`${b.projects.at(-1)?.name}（网络安全中心）`);
    expect(both.narrative.basicChangeReason).toBe(`${a.unit.name}：减少人员经费支出；网络安全中心：减少人员经费支出`);
    expect(both.unit.organisation).toContain("由2个预算单位的单位预算汇总编制");
    b.priorYear = null;
    expect(aggregateDepartment(DEPARTMENT, [a, b]).priorYear).toBeNull();
  });

  it("two consistent units make a consistent department: the checker finds no error", () => {
    const a = structuredClone(guantao2024Budget);
    const b = { ...structuredClone(guantao2024Budget), unit: { ...guantao2024Budget.unit, code: "224002", name: "网络安全中心" } };
    b.projects = b.projects.map((p) => ({ ...p, code: p.code.replace("P0000", "P9999") }));
    const findings = checkDisclosure({ budget: aggregateDepartment(DEPARTMENT, [a, b]), codeBook });
    expect(findings.filter((f) => f.severity === "error")).toEqual([]);
  });

  it("titles the tables and words the narrative as a department budget", () => {
    const department = aggregateDepartment(DEPARTMENT, [structuredClone(guantao2024Budget)]);
    const tables = deriveDepartmentTables(department, codeBook);
    expect(tables.T1.title).toBe("部门预算收支总表");
    expect(tables.T9.title).toBe("部门预算财政拨款“三公”经费支出表");
    const narrative = generateDepartmentNarrative(department, tables);
    expect(narrative.intro).toContain(`现将${DEPARTMENT.name}2024年部门预算公开如下`);
    expect(narrative.income).toContain("反映本部门当年全部收入");
    expect(narrative.operatingFunds).toContain("本部门机关运行经费");
    expect(`${narrative.income}${narrative.operatingFunds}${narrative.threePublic}`).not.toMatch(/本单位|我单位/);
  });
});
