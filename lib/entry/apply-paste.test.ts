import { describe, expect, it } from "vitest";
import { guantao2024CodeBook } from "@/lib/demo/guantao-2024";
import { applyPaste, type PasteColumn } from "./apply-paste";
import { selectableCodes } from "./code-search";
import { EXPENDITURE_KIND_LABELS, FUND_SOURCE_LABELS } from "@/lib/disclosure/labels";
import { parsePastedTable } from "./paste-table";

interface Line extends Record<string, unknown> {
  functionalCode: string;
  kind: string;
  source: string;
  amount: string;
}

const columns: PasteColumn[] = [
  { key: "functionalCode", label: "功能分类科目", type: "code", codes: new Set(selectableCodes(guantao2024CodeBook, "functional").map((c) => c.code)), length: 7 },
  { key: "kind", label: "支出类型", type: "choice", labels: EXPENDITURE_KIND_LABELS },
  { key: "source", label: "资金来源", type: "choice", labels: FUND_SOURCE_LABELS },
  { key: "amount", label: "金额", type: "amount" },
];
const newRow = (): Line => ({ functionalCode: "", kind: "BASIC", source: "GENERAL_BUDGET", amount: "" });

function paste(text: string, start = { row: 0, column: 0 }, rows: Line[] = [newRow()], entryUnit: "WAN_YUAN" | "YUAN" = "WAN_YUAN") {
  return applyPaste({ name: "expenditure", rows, start, block: parsePastedTable(text), columns, newRow, documentUnit: "WAN_YUAN", entryUnit });
}

describe("applyPaste", () => {
  it("fills a 3×4 block from Excel, adding rows, reading codes, labels and amounts", () => {
    const result = paste(
      "2013701 行政运行\t基本支出\t一般公共预算拨款\t1,234.56\r\n2210201\t项目支出\tGENERAL_BUDGET\t（空）\r\n2080505\t基本支出\t一般公共预算拨款\t12\r\n",
    );
    expect(result.problems).toEqual([]);
    expect(result.size).toEqual({ rows: 3, columns: 4 });
    expect(result.rows).toEqual([
      { functionalCode: "2013701", kind: "BASIC", source: "GENERAL_BUDGET", amount: "1234.56" },
      { functionalCode: "2210201", kind: "PROJECT", source: "GENERAL_BUDGET", amount: "" },
      { functionalCode: "2080505", kind: "BASIC", source: "GENERAL_BUDGET", amount: "12" },
    ]);
  });

  it("starts at the focused cell and leaves other cells alone", () => {
    const rows = [{ functionalCode: "2013701", kind: "BASIC", source: "GENERAL_BUDGET", amount: "5" }];
    const result = paste("1,167,600\r\n250\r\n", { row: 0, column: 3 }, rows, "YUAN");
    expect(result.rows.map((r) => r.amount)).toEqual(["116.76", ""]);
    expect(result.rows[0]?.functionalCode).toBe("2013701");
    expect(result.problems).toHaveLength(1);
    expect(result.invalidAmounts["expenditure.1.amount"]).toMatchObject({ typed: "250" });
  });

  it("reports every cell it cannot read, with row and column, and keeps what was typed", () => {
    const result = paste("9999999\t其他\t一般公共预算拨款\t十万\textra\r\n");
    expect(result.problems.map((p) => p.path)).toEqual([
      "expenditure.0.functionalCode",
      "expenditure.0.kind",
      "expenditure.0.amount",
      "expenditure.0.4",
    ]);
    expect(result.problems[0]?.message).toContain("第1行“功能分类科目”");
    expect(result.rows[0]?.functionalCode).toBe("9999999");
    expect(result.rows[0]?.kind).toBe("BASIC");
    expect(result.invalidAmounts["expenditure.0.amount"]?.typed).toBe("十万");
  });
});
