import { readFileSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { deriveTables } from "@/lib/disclosure/derive-tables";
import { printRows } from "@/lib/disclosure/print";
import { TABLE_IDS } from "@/lib/disclosure/table-model";
import { guantao2024Budget, guantao2024CodeBook } from "@/lib/demo/guantao-2024";
import { readReference, referenceTable } from "@/tests/reference-document";
import { applyImport } from "./apply-import";
import { importExcelFile } from "./import-excel-file";
import type { ExcelImportResult } from "./import-types";

const context = { codeBook: guantao2024CodeBook, expected: { unitCode: "224001", year: 2024 }, mappings: [] };
const fixtureDir = path.resolve(__dirname, "../../../tests/fixtures/excel");
const reference = readReference();

const messages = (result: ExcelImportResult) => (result.ok ? result.data.problems : result.problems).map((p) => p.message);

describe("the committed fixture workbooks, read through the safe reader", () => {
  it.each(["guantao-2024-disclosure-a.xlsx", "guantao-2024-disclosure-b.xlsx", "guantao-2024-lines-a.xlsx", "guantao-2024-lines-b.xlsx"])(
    "%s imports to the reference's nine tables, cell by cell",
    async (name) => {
      const result = await importExcelFile(readFileSync(path.join(fixtureDir, name)), name, context);
      if (!result.ok) throw new Error(messages(result).join("\n"));
      expect(result.data.problems).toEqual([]);
      const budget = applyImport({ ...guantao2024Budget, income: [], expenditure: [], basicEconomic: [], projects: [] }, result.data);
      const tables = deriveTables(budget, guantao2024CodeBook);
      for (const id of TABLE_IDS) expect(printRows(tables[id], "WAN_YUAN"), id).toEqual(referenceTable(reference, tables[id].title).rows);
    },
  );
});

describe("files that are refused before any figure is read, with a Chinese message", () => {
  it("a formula cell, named by sheet and cell (never evaluated)", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("收支总表");
    sheet.getCell("A1").value = "单位预算收支总表";
    sheet.getCell("C5").value = { formula: "SUM(C2:C4)", result: 116.76 };
    const result = await importExcelFile(new Uint8Array(await workbook.xlsx.writeBuffer()), "budget.xlsx", context);
    expect(result.ok).toBe(false);
    expect(messages(result)[0]).toContain("工作表“收支总表”第 5 行 C 列（C5）是公式");
  });

  it("a password-protected workbook (an encrypted OLE container)", async () => {
    const ole = new Uint8Array(4096);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const result = await importExcelFile(ole, "加密.xlsx", context);
    expect(messages(result)).toEqual(["该文件是旧版 Excel（.xls）或设置了打开密码的工作簿，无法安全读取。请在 Excel 中取消密码后“另存为” .xlsx 格式再导入。"]);
  });

  it("a 20 MB file", async () => {
    const result = await importExcelFile(new Uint8Array(20 * 1024 * 1024), "big.xlsx", context);
    expect(messages(result)).toEqual(["文件大小 20 MB 超过上限 10 MB，请拆分后分别导入。"]);
  });

  it("a zip that is not a workbook", async () => {
    const zip = new JSZip();
    zip.file("readme.txt", "hello");
    const result = await importExcelFile(await zip.generateAsync({ type: "uint8array" }), "x.xlsx", context);
    expect(messages(result)).toEqual(["该压缩文件不是 Excel 工作簿（.xlsx），无法导入。"]);
  });
});
