import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { ABOUT_SHEET_NAME, INDICATOR_SHEET_NAME, PROJECT_SHEET_NAME, displayWidth, exportXlsx } from "./xlsx";
import { demoContent } from "./test-content";

let workbook: ExcelJS.Workbook;

beforeAll(async () => {
  workbook = new ExcelJS.Workbook();
  // exceljs types its input as an ArrayBuffer; a copy gives one without a cast
  await workbook.xlsx.load(new Uint8Array(await exportXlsx(demoContent())).buffer);
});

function sheet(name: string | RegExp): ExcelJS.Worksheet {
  const found = workbook.worksheets.find((ws) => (typeof name === "string" ? ws.name === name : name.test(ws.name)));
  if (found === undefined) throw new Error(`no sheet ${String(name)}`);
  return found;
}

/** The first row whose column `column` holds `text`. */
function rowWith(ws: ExcelJS.Worksheet, column: number, text: string): ExcelJS.Row {
  for (let r = 1; r <= ws.rowCount; r += 1) {
    if (ws.getRow(r).getCell(column).value === text) return ws.getRow(r);
  }
  throw new Error(`no row with ${text} in ${ws.name}`);
}

describe("exportXlsx", () => {
  it("has one sheet per table, in order, then the indicator, project and about sheets", () => {
    const names = workbook.worksheets.map((ws) => ws.name);
    expect(names).toHaveLength(12);
    expect(names.slice(0, 9).map((n) => n.split(" ")[0])).toEqual(["表1", "表2", "表3", "表4", "表5", "表6", "表7", "表8", "表9"]);
    expect(names.slice(9)).toEqual([INDICATOR_SHEET_NAME, PROJECT_SHEET_NAME, ABOUT_SHEET_NAME]);
    for (const name of names) expect(name.length).toBeLessThanOrEqual(31);
  });

  it("starts each table sheet with the title and the unit, year and amount-unit line", () => {
    const t3 = sheet(/^表3 /);
    expect(t3.getCell("A1").value).toBe("表3 单位预算支出总表");
    expect(t3.getCell("A2").value).toBe("224001中共馆陶县委网络安全和信息化委员会办公室本级　预算年度：2024　单位：万元");
    expect(t3.getCell("A1").font.bold).toBe(true);
  });

  it("stores amounts as numbers in 万元 with two decimals, and 表3's 合计 row as 116.76 / 73.32 / 43.44", () => {
    const total = rowWith(sheet(/^表3 /), 3, "合计");
    expect([4, 5, 6].map((c) => total.getCell(c).value)).toEqual([116.76, 73.32, 43.44]);
    for (const c of [4, 5, 6]) {
      expect(typeof total.getCell(c).value).toBe("number");
      expect(total.getCell(c).numFmt).toBe("0.00");
    }
    expect(total.getCell(3).font.bold).toBe(true);
    // empty amounts (经营支出 …) are empty cells, not zeros
    expect([7, 8, 9].map((c) => total.getCell(c).value)).toEqual([null, null, null]);
  });

  it("keeps codes as text and indents names by level", () => {
    const t3 = sheet(/^表3 /);
    const item = rowWith(t3, 2, "2013701");
    expect(item.getCell(2).value).toBe("2013701");
    expect(item.getCell(2).numFmt).toBe("@");
    expect(item.getCell(3).value).toBe("行政运行");
    expect(item.getCell(3).alignment.indent).toBe(2);
    expect(rowWith(t3, 2, "20137").getCell(3).alignment.indent).toBe(1);
    expect(rowWith(t3, 2, "201").getCell(3).alignment.indent ?? 0).toBe(0);
    expect(item.getCell(3).font.bold ?? false).toBe(false);
    const t6 = sheet(/^表6 /);
    expect(rowWith(t6, 2, "30113").getCell(4).value).toBe(5.63);
  });

  it("reproduces the multi-row header with merged cells, then the 栏次 row, frozen above the rows", () => {
    const t2 = sheet(/^表2 /);
    // header rows 3–4: 序号 spans both rows, 功能分类科目 two columns, 本年收入 eight
    expect(t2.getCell("A3").value).toBe("序号");
    expect(t2.getCell("A4").isMerged).toBe(true);
    expect(t2.getCell("A4").master.address).toBe("A3");
    expect(t2.getCell("B3").value).toBe("功能分类科目");
    expect(t2.getCell("C3").master.address).toBe("B3");
    expect(t2.getCell("E3").value).toBe("本年收入");
    expect(t2.getCell("L3").master.address).toBe("E3");
    expect(t2.getCell("M3").value).toBe("上年结转");
    expect(t2.getCell("M4").master.address).toBe("M3");
    expect(t2.getCell("E4").value).toBe("小计");
    expect(t2.getCell("E4").isMerged).toBe(false);
    expect(t2.getRow(5).values).toEqual([undefined, "栏次", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12"]);
    expect(t2.getCell("A6").value).toBe(1);
    expect(t2.getCell("C6").value).toBe("合计");
    expect(t2.views[0]).toMatchObject({ state: "frozen", ySplit: 5 });
    // 附属单位上缴收入 wraps in its column, and Excel does not grow rows on its own
    expect(t2.getRow(4).height).toBeGreaterThan(t2.getRow(3).height);
  });

  it("puts the empty-table note under an empty table", () => {
    const t8 = sheet(/^表8 /);
    expect(t8.getCell("A5").value).toBe("栏次");
    expect(t8.getCell("A6").value).toBe("注：无国有资本经营预算财政拨款预算，空表列示。");
    expect(t8.getCell("F6").master.address).toBe("A6");
    const t9 = sheet(/^表9 /);
    expect(t9.getCell("A6").value).toBe("注：无财政拨款“三公”经费预算，空表列示。");
  });

  it("makes columns wide enough for Chinese names", () => {
    const t3 = sheet(/^表3 /);
    const nameWidth = t3.getColumn(3).width ?? 0;
    expect(nameWidth).toBeGreaterThanOrEqual(displayWidth("一般公共服务支出") + 2);
    expect(displayWidth("行政运行")).toBe(8);
    expect(displayWidth("2013701")).toBe(7);
  });

  it("lists every performance indicator with its project, levels, value and basis", () => {
    const indicators = sheet(INDICATOR_SHEET_NAME);
    expect(indicators.getRow(3).values).toEqual([
      undefined,
      "项目编码",
      "项目名称",
      "一级指标",
      "二级指标",
      "三级指标",
      "绩效指标描述",
      "指标值",
      "指标值确定依据",
    ]);
    const content = demoContent();
    const count = content.budget.projects.reduce((n, p) => n + p.indicators.length, 0);
    expect(indicators.rowCount).toBe(3 + count);
    const row = rowWith(indicators, 5, "推送信息数量");
    expect(row.getCell(1).value).toBe("13043324P00001410005Q");
    expect(row.getCell(7).value).toBe("≥1000次");
    const projects = sheet(PROJECT_SHEET_NAME);
    expect(projects.rowCount).toBe(3 + content.budget.projects.length);
    expect(rowWith(projects, 2, "微信矩阵运营及维护经费").getCell(4).value).toBe(5);
  });

  it("names the version, publication time and content hash on the about sheet", () => {
    const about = sheet(ABOUT_SHEET_NAME);
    expect(rowWith(about, 1, "公开版本").getCell(2).value).toBe("第1版");
    expect(rowWith(about, 1, "公开时间").getCell(2).value).toBe("2024-02-01 16:00（北京时间）");
    expect(String(rowWith(about, 1, "内容哈希（SHA-256）").getCell(2).value)).toMatch(/^[0-9a-f]{64}$/);
  });
});
