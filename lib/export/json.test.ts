import { describe, expect, it } from "vitest";
import { TABLE_IDS } from "@/lib/disclosure/table-model";
import { contentHash } from "@/lib/publication/snapshot-content";
import { exportJson, OPEN_DATA_FORMAT, type OpenDataAmount, type OpenDataDocument, type OpenDataTable } from "./json";
import { demoContent } from "./test-content";

const content = demoContent();
const buffer = exportJson(content);
const doc = JSON.parse(buffer.toString("utf8")) as OpenDataDocument;

function isAmount(value: unknown): value is OpenDataAmount {
  return typeof value === "object" && value !== null && "fen" in value && "value" in value;
}

function rowOf(table: OpenDataTable | undefined, key: string) {
  const row = table?.rows.find((r) => r.key === key);
  if (row === undefined) throw new Error(`no row ${key}`);
  return row;
}

function amountIn(table: OpenDataTable | undefined, key: string, column: string): OpenDataAmount {
  const cell = rowOf(table, key).cells[column];
  if (!isAmount(cell)) throw new Error(`${key}.${column} is not an amount`);
  return cell;
}

describe("exportJson", () => {
  it("is plain UTF-8 JSON without a BOM, ending in a newline", () => {
    expect(buffer[0]).toBe("{".charCodeAt(0));
    expect(buffer.toString("utf8").endsWith("}\n")).toBe(true);
    expect(doc.format).toBe(OPEN_DATA_FORMAT);
    expect(doc.formatVersion).toBe(1);
  });

  it("states unit, year, amount unit and publication", () => {
    expect(doc.unit).toMatchObject({ code: "224001", name: "中共馆陶县委网络安全和信息化委员会办公室本级", nature: "行政" });
    expect(doc.region).toEqual({ code: "130433", name: "馆陶县" });
    expect(doc.year).toBe(2024);
    expect(doc.amountUnit).toEqual({ code: "WAN_YUAN", label: "万元", fenPerUnit: 1_000_000 });
    expect(doc.publication).toEqual({
      version: 1,
      publishedAt: "2024-02-01T08:00:00.000Z",
      approvedAt: "2024-01-20",
      correctionNote: null,
      contentHash: contentHash(content),
    });
  });

  it("gives every amount as the printed two-decimal string and as exact 分", () => {
    const t3 = doc.tables.find((t) => t.id === "T3");
    expect(amountIn(t3, "total", "total")).toEqual({ value: "116.76", fen: 116_760_000 });
    expect(amountIn(t3, "total", "basic")).toEqual({ value: "73.32", fen: 73_320_000 });
    expect(amountIn(t3, "total", "operating")).toEqual({ value: "0.00", fen: 0 });
    expect(rowOf(t3, "2013701").cells).toMatchObject({ seq: 4, code: "2013701", name: "行政运行" });
    expect(rowOf(t3, "total").cells.code).toBeNull();
    expect(t3?.columns[3]).toEqual({ key: "total", kind: "amount", label: "合计", columnNumber: "3" });
  });

  it("has the nine tables whose totals equal the sums of their rows and each other", () => {
    expect(doc.tables.map((t) => t.id)).toEqual([...TABLE_IDS]);
    const t1 = doc.tables.find((t) => t.id === "T1");
    const t3 = doc.tables.find((t) => t.id === "T3");
    const t5 = doc.tables.find((t) => t.id === "T5");
    const t6 = doc.tables.find((t) => t.id === "T6");
    for (const table of [t3, t5, t6]) {
      for (const column of ["total", ...(table?.id === "T6" ? ["personnel", "public"] : ["basic", "project"])]) {
        const classes = table?.rows.filter((r) => r.kind === "class") ?? [];
        const sum = classes.reduce((n, r) => n + amountIn(table, r.key, column).fen, 0);
        expect(sum, `${table?.id}.${column}`).toBe(amountIn(table, "total", column).fen);
      }
    }
    expect(amountIn(t1, "grand-total", "income").fen).toBe(amountIn(t3, "total", "total").fen);
    expect(amountIn(t5, "total", "basic").fen).toBe(amountIn(t6, "total", "total").fen);
    expect(doc.figures.expenditureTotal).toEqual(amountIn(t3, "total", "total"));
    expect(doc.figures.personnel).toEqual({ value: "64.37", fen: 64_370_000 });
    const projects = doc.projects.reduce((n, p) => n + p.amount.fen, 0);
    expect(projects).toBe(amountIn(t3, "total", "project").fen);
  });

  it("keeps empty tables, with their note and no rows", () => {
    const t8 = doc.tables.find((t) => t.id === "T8");
    expect(t8?.rows).toEqual([]);
    expect(t8?.emptyNote).toBe("注：无国有资本经营预算财政拨款预算，空表列示。");
    expect(t8?.header[0]?.[0]).toEqual({ label: "序号", rowSpan: 2 });
  });

  it("carries the narrative, the projects with indicators, procurement, assets and glossary", () => {
    expect(doc.narrative.expenditure).toContain("2024年支出预算116.76万元，其中基本支出73.32万元");
    expect(doc.narrative.duties).toHaveLength(9);
    expect(doc.projects).toHaveLength(content.budget.projects.length);
    const wechat = doc.projects.find((p) => p.name === "微信矩阵运营及维护经费");
    expect(wechat?.amount).toEqual({ value: "5.00", fen: 5_000_000 });
    expect(wechat?.indicators[0]).toEqual({
      level1: "产出指标",
      level2: "数量指标",
      name: "推送信息数量",
      description: "全年通过微信矩阵平台推送信息的数量",
      value: "≥1000次",
      comparator: "≥",
      number: "1000",
      unit: "次",
      basis: "工作计划",
    });
    expect(doc.procurement).toEqual([]);
    expect(doc.assets.holdings).toEqual([
      { category: "OTHER_FIXED_ASSETS", label: "其他固定资产", quantity: 3, value: { value: "1.39", fen: 1_385_000 } },
    ]);
    expect(doc.assets.totalValue.fen).toBe(1_385_000);
    expect(doc.assets.isTotalValueStated).toBe(false);
    expect(doc.glossary.map((g) => g.term)).toContain("机关运行经费");
  });

  it("is stable: the same snapshot gives the same bytes", () => {
    expect(exportJson(demoContent()).equals(buffer)).toBe(true);
  });
});
