import { describe, expect, it } from "vitest";
import { deriveTables } from "@/lib/disclosure/derive-tables";
import { printRows } from "@/lib/disclosure/print";
import { guantao2024Budget, guantao2024CodeBook } from "@/lib/demo/guantao-2024";
import { disclosureWorkbook, lineExportWorkbook, referenceLines } from "@/tests/fixtures/excel/reference-workbooks";
import { spreadsheetData, type SheetSpec } from "@/tests/fixtures/excel/sheet-spec";
import { applyImport } from "./apply-import";
import type { ExcelImport, HeaderMapping } from "./import-types";
import { importWorkbook } from "./import-workbook";

const context = { codeBook: guantao2024CodeBook, expected: { unitCode: "224001", year: 2024 }, mappings: [] as HeaderMapping[] };

function disclosure(): SheetSpec[] {
  return disclosureWorkbook(guantao2024Budget, guantao2024CodeBook, "a");
}
function lines(): SheetSpec[] {
  return lineExportWorkbook(guantao2024Budget, guantao2024CodeBook, referenceLines(guantao2024Budget), "a");
}

/** Changes the first cell of a sheet whose text is `from` (or, with `column`, the cell in that column of the row holding `from`). */
function edit(sheets: SheetSpec[], sheetName: string, from: string, to: string | number, column?: number): { row: number; column: number } {
  const sheet = sheets.find((s) => s.name === sheetName);
  if (!sheet) throw new Error(`no sheet ${sheetName}`);
  for (const [r, row] of sheet.rows.entries()) {
    const c = row.findIndex((v) => v === from);
    if (c < 0) continue;
    row[column ?? c] = to;
    return { row: r, column: column ?? c };
  }
  throw new Error(`no cell ${from} in ${sheetName}`);
}

function run(sheets: SheetSpec[], mappings: HeaderMapping[] = [], expected = context.expected): ExcelImport {
  const result = importWorkbook(spreadsheetData(sheets), { ...context, mappings, expected });
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join("\n"));
  return result.data;
}

const errors = (imported: ExcelImport) => imported.problems.filter((p) => p.severity === "error");

describe("a figure the sheets repeat differently", () => {
  it("is an error naming both cells (表1 ≠ 表3), and neither value is silently chosen", () => {
    const sheets = disclosure();
    // 一般公共服务支出 on the expenditure side of table 1: 101.43 → 101.44
    const t1 = sheets.find((s) => s.name === "2.15单位收支总表");
    const row = t1?.rows.findIndex((r) => r[3] === "一、一般公共服务支出") ?? -1;
    const t1Row = t1?.rows[row];
    if (!t1Row) throw new Error("row missing");
    t1Row[4] = 101.44;
    const imported = run(sheets);
    const [problem, ...rest] = errors(imported);
    expect(rest).toEqual([]);
    expect(problem?.message).toContain("工作表“2.15单位收支总表”");
    expect(problem?.message).toContain(`工作表“2.15单位收支总表”第 ${row + 1} 行 E 列：表1支出 201类101.44万元与工作表“2.17单位支出总表”D8单元格（表3 201 一般公共服务支出 的合计）的101.43万元不一致，相差0.01万元`);
    expect(problem?.message).toContain("工作表“2.17单位支出总表”");
    expect(problem?.message).toContain("101.44");
    expect(problem?.message).toContain("101.43");
    expect(problem?.message).toContain("不一致");
    expect(problem).toMatchObject({ sheet: "2.15单位收支总表", row, column: 4 });
  });
});

describe("an unknown header", () => {
  const renamed = () => {
    const sheets = disclosure();
    edit(sheets, "2.20单位一般公共预算基本支出表", "公用经费", "商品服务经费");
    return sheets;
  };

  it("is an error named with its sheet, row and column, and its figures are not imported", () => {
    const imported = run(renamed());
    expect(imported.unknownHeaders).toEqual([
      expect.objectContaining({ sheet: "2.20单位一般公共预算基本支出表", sheetKind: "T6", header: "商品服务经费", row: 4, column: 5 }),
    ]);
    expect(imported.unknownHeaders[0]?.candidates).toEqual([{ field: "public", label: "公用经费" }]);
    expect(imported.problems.map((p) => p.message)).toContain("工作表“2.20单位一般公共预算基本支出表”第 5 行 F 列：表头“商品服务经费”未能识别，该列未导入。请在预览中指定它对应的内容，或删除该列后重新导出");
    expect(imported.content.basicEconomic.filter((l) => l.category === "PUBLIC")).toEqual([]);
    // one error, for the header: not a cascade of sums that cannot hold without the column
    expect(errors(imported)).toHaveLength(1);
  });

  it("imports like the known header once the region has mapped it", () => {
    const imported = run(renamed(), [{ sheetKind: "T6", header: "商品服务经费", field: "public" }]);
    expect(imported.unknownHeaders).toEqual([]);
    expect(imported.problems).toEqual([]);
    const budget = applyImport(guantao2024Budget, imported);
    const t6 = deriveTables(budget, guantao2024CodeBook).T6;
    expect(printRows(t6, "WAN_YUAN")).toEqual(printRows(deriveTables(guantao2024Budget, guantao2024CodeBook).T6, "WAN_YUAN"));
  });
});

describe("unreadable cells are named by sheet, row and column, in Chinese", () => {
  it("text in an amount cell", () => {
    const sheets = disclosure();
    const at = edit(sheets, "2.20单位一般公共预算基本支出表", "基本工资", "约27.4万", 4);
    const imported = run(sheets);
    expect(errors(imported).map((p) => p.message)).toContain(
      `工作表“2.20单位一般公共预算基本支出表”第 ${at.row + 1} 行 E 列：30101行“人员经费”“约27.4万”不是金额，请填写数字（单位：万元）`,
    );
    expect(errors(imported)[0]).toMatchObject({ sheet: "2.20单位一般公共预算基本支出表", row: at.row, column: 4 });
  });

  it("a negative amount", () => {
    const sheets = lines();
    const sheet = sheets[0];
    const row = sheet?.rows[2];
    if (!row) throw new Error("no line");
    row[9] = -274000;
    const imported = run(sheets);
    expect(errors(imported).map((p) => p.message)).toContain("工作表“预算明细”第 3 行 J 列：金额为负数（-274000），预算金额不能为负数");
  });

  it("a code that is not in the year's code book", () => {
    const sheets = lines();
    const row = sheets[0]?.rows[2];
    if (!row) throw new Error("no line");
    row[2] = "2019999 不存在的科目";
    const imported = run(sheets);
    expect(errors(imported).map((p) => p.message)).toContain(
      "工作表“预算明细”第 3 行 C 列：功能分类科目2019999 不存在的科目不在2024年科目表中，请核对编码或联系管理员更新科目表",
    );
  });

  it("a code the disclosure workbook's table does not know", () => {
    const sheets = disclosure();
    const at = edit(sheets, "2.17单位支出总表", "2210201", "2210299");
    const imported = run(sheets);
    expect(errors(imported).map((p) => p.message)).toContain(
      `工作表“2.17单位支出总表”第 ${at.row + 1} 行 B 列：功能分类科目2210299 住房公积金不在2024年科目表中，请核对编码或联系管理员更新科目表`,
    );
  });
});

describe("a workbook of another unit or year", () => {
  it("is refused for another unit, naming the unit the workbook belongs to", () => {
    const sheets = lines();
    for (const row of sheets[0]?.rows.slice(2) ?? []) row[0] = "224002";
    const imported = run(sheets);
    expect(errors(imported).map((p) => p.message)).toContain("该工作簿是单位“224002 中共馆陶县委网络安全和信息化委员会办公室本级”的预算，不是本单位（224001）的，不能导入");
  });

  it("is refused for another year", () => {
    const imported = run(disclosure(), [], { unitCode: "224001", year: 2025 });
    expect(errors(imported).map((p) => p.message)).toEqual(["该工作簿是2024年的预算，不是2025年的，不能导入"]);
  });

  it("refuses a flat export mixing two units", () => {
    const sheets = lines();
    const row = sheets[0]?.rows[3];
    if (!row) throw new Error("no line");
    row[0] = "224009";
    const imported = run(sheets);
    expect(errors(imported).map((p) => p.message).join("\n")).toContain("工作表中有多个单位的预算行：224001 和 224009");
  });
});

describe("a workbook that is no budget", () => {
  it("is refused with the sheets it has", () => {
    const result = importWorkbook(spreadsheetData([{ name: "通讯录", rows: [["姓名", "电话"], ["张三", "123"]], merges: [] }]), context);
    expect(result).toEqual({
      ok: false,
      problems: [expect.objectContaining({ severity: "error", message: expect.stringContaining("无法识别该工作簿：“通讯录”中既没有单位收支总表") })],
    });
  });
});

describe("a sheet whose 类 row does not add up", () => {
  it("is an error naming the cell, not silently corrected", () => {
    const sheets = disclosure();
    const sheet = sheets.find((s) => s.name === "2.17单位支出总表");
    const row = sheet?.rows.findIndex((r) => r[1] === "20137") ?? -1;
    const cells = sheet?.rows[row];
    if (!cells) throw new Error("no row");
    cells[3] = 101.5;
    const messages = errors(run(sheets)).map((p) => p.message);
    expect(messages).toContain(`工作表“2.17单位支出总表”第 ${row + 1} 行 D 列：表3“支出总表”款20137的“合计”101.5万元不等于其下各项之和101.43万元`);
  });
});

describe("an indicator value that is not a number", () => {
  it("is imported as written, with a warning naming its cell", () => {
    const sheets = disclosure();
    const at = edit(sheets, "2.24项目支出绩效目标表", "≤5件", "每天不超过五件");
    const imported = run(sheets);
    expect(imported.problems).toEqual([
      expect.objectContaining({
        severity: "warning",
        message: `工作表“2.24项目支出绩效目标表”第 ${at.row + 1} 行 P 列：绩效指标“处置突发事件数量”的指标值“每天不超过五件”不是“≥95%”“≤5件”这样的数值，已按原文导入，请在表单中核对`,
      }),
    ]);
    expect(imported.content.projects?.[0]?.indicators[0]).toMatchObject({ comparator: "", value: "每天不超过五件", valueUnit: "" });
  });
});
