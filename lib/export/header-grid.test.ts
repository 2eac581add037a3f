import { describe, expect, it } from "vitest";
import { guantao2024Budget, guantao2024CodeBook } from "@/lib/demo/guantao-2024";
import { deriveTables } from "@/lib/disclosure/derive-tables";
import { TABLE_IDS } from "@/lib/disclosure/table-model";
import { placeHeader } from "./header-grid";

describe("placeHeader", () => {
  it("places the second header row beside the slots that row spans from above already fill", () => {
    const { T2 } = deriveTables(guantao2024Budget, guantao2024CodeBook);
    const placed = placeHeader(T2.header);
    const at = (label: string) => placed.find((p) => p.label === label);
    expect(at("序号")).toEqual({ label: "序号", row: 0, column: 0, rowSpan: 2, colSpan: 1 });
    expect(at("功能分类科目")).toMatchObject({ row: 0, column: 1, colSpan: 2 });
    expect(at("本年收入")).toMatchObject({ row: 0, column: 4, colSpan: 8 });
    expect(at("上年结转")).toMatchObject({ row: 0, column: 12, rowSpan: 2 });
    expect(at("科目编码")).toMatchObject({ row: 1, column: 1 });
    expect(at("小计")).toMatchObject({ row: 1, column: 4 });
    expect(at("其他收入")).toMatchObject({ row: 1, column: 11 });
  });

  it("covers every column of every table exactly once per header row", () => {
    const tables = deriveTables(guantao2024Budget, guantao2024CodeBook);
    for (const table of TABLE_IDS.map((id) => tables[id])) {
      const placed = placeHeader(table.header);
      for (let row = 0; row < table.header.length; row += 1) {
        const covered = placed
          .filter((p) => p.row <= row && row < p.row + p.rowSpan)
          .flatMap((p) => Array.from({ length: p.colSpan }, (_, i) => p.column + i))
          .sort((x, y) => x - y);
        expect(covered, `${table.id} header row ${row}`).toEqual(table.columns.map((_, i) => i));
      }
    }
  });
});
