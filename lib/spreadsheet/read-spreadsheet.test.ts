import ExcelJS from "exceljs";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { readSpreadsheet, type ReadSpreadsheetResult } from "./read-spreadsheet";

async function workbookBytes(build: (workbook: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  build(workbook);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

function messages(result: ReadSpreadsheetResult): string[] {
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.problems.map((problem) => problem.message);
}

describe("readSpreadsheet: .xlsx", () => {
  it("reads every sheet's values by row and column, with merges and hidden sheets flagged", async () => {
    const bytes = await workbookBytes((workbook) => {
      const units = workbook.addWorksheet("单位");
      units.addRow(["单位名称及编码", null, "金额"]);
      units.mergeCells("A1:B1");
      units.addRow(["224001", "网信办", 116.76]);
      units.getCell("A4").value = { richText: [{ text: "富" }, { text: "文本" }] };
      const hidden = workbook.addWorksheet("说明");
      hidden.state = "hidden";
      hidden.addRow(["隐藏"]);
    });
    const result = await readSpreadsheet(bytes, "units.xlsx");
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const [units, hidden] = result.data.sheets;
    expect(result.data.format).toBe("xlsx");
    expect(units!.name).toBe("单位");
    expect(units!.isHidden).toBe(false);
    expect(units!.rows[0]).toEqual(["单位名称及编码", null, "金额"]);
    expect(units!.rows[1]).toEqual(["224001", "网信办", 116.76]);
    expect(units!.rows[2]).toEqual([]);
    expect(units!.rows[3]).toEqual(["富文本"]);
    expect(units!.merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 1 }]);
    expect(hidden!.isHidden).toBe(true);
  });

  it("refuses every formula cell by name and never reports its cached value", async () => {
    const bytes = await workbookBytes((workbook) => {
      const sheet = workbook.addWorksheet("收入");
      sheet.addRow([1, 2, { formula: "A1+B1", result: 3 }]);
      sheet.addRow([{ formula: "SUM(A1:C1)", result: 6 }]);
    });
    const problems = messages(await readSpreadsheet(bytes, "budget.xlsx"));
    expect(problems).toHaveLength(2);
    expect(problems[0]).toContain("工作表“收入”第 1 行 C 列（C1）是公式（=A1+B1）");
    expect(problems[1]).toContain("（A2）是公式（=SUM(A1:C1)）");
    expect(problems[0]).toContain("粘贴为数值");
  });

  it("refuses a file over the size limit before reading it", async () => {
    const problems = messages(await readSpreadsheet(new Uint8Array(20 * 1024 * 1024), "big.xlsx"));
    expect(problems).toEqual(["文件大小 20 MB 超过上限 10 MB，请拆分后分别导入。"]);
  });

  it("refuses an old .xls or password-protected workbook (an OLE file) and says what to do", async () => {
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    expect(messages(await readSpreadsheet(ole, "locked.xlsx"))[0]).toContain("另存为” .xlsx");
  });

  it("refuses a zip that is not a workbook, a Word document, and a truncated workbook", async () => {
    const zip = new JSZip();
    zip.file("readme.txt", "hello");
    expect(messages(await readSpreadsheet(await zip.generateAsync({ type: "uint8array" }), "x.xlsx"))[0]).toBe(
      "该压缩文件不是 Excel 工作簿（.xlsx），无法导入。",
    );
    const word = new JSZip();
    word.file("word/document.xml", "<w:document/>");
    expect(messages(await readSpreadsheet(await word.generateAsync({ type: "uint8array" }), "x.xlsx"))[0]).toContain("Word 文档");
    const whole = await workbookBytes((workbook) => workbook.addWorksheet("表").addRow([1]));
    expect(messages(await readSpreadsheet(whole.subarray(0, Math.floor(whole.length / 2)), "x.xlsx"))[0]).toContain("已损坏");
  });

  it("refuses a zip bomb by what it really unpacks to, even when its directory lies about the sizes", async () => {
    const zip = new JSZip();
    zip.file("xl/workbook.xml", "<workbook/>");
    zip.file("xl/worksheets/sheet1.xml", new Uint8Array(5 * 1024 * 1024));
    const bomb = await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
    expect(bomb.length).toBeLessThan(64 * 1024);
    const limits = { maxUncompressedBytes: 1024 * 1024 };
    expect(messages(await readSpreadsheet(bomb, "bomb.xlsx", limits))[0]).toContain("疑似压缩炸弹");

    // Rewrite every declared uncompressed size in the central directory to 1 byte.
    const lying = Buffer.from(bomb);
    for (let offset = 0; offset < lying.length - 4; offset += 1) {
      if (lying.readUInt32LE(offset) === 0x02014b50) lying.writeUInt32LE(1, offset + 24);
    }
    expect(messages(await readSpreadsheet(new Uint8Array(lying), "bomb.xlsx", limits))[0]).toContain("疑似压缩炸弹");
  });

  it("refuses bytes that are no spreadsheet at all and an empty file", async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
    expect(messages(await readSpreadsheet(png, "photo.xlsx"))[0]).toContain("不是电子表格");
    expect(messages(await readSpreadsheet(new Uint8Array(0), "empty.csv"))[0]).toContain("文件是空的");
  });
});

describe("readSpreadsheet: .csv", () => {
  const utf8 = (text: string) => new TextEncoder().encode(text);

  it("reads UTF-8 with a BOM, quoted fields and CRLF, keeping codes as text", async () => {
    const result = await readSpreadsheet(utf8('\uFEFF单位编码,单位名称\r\n001234,"网信办,本级"\r\n'), "units.csv");
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.data.sheets[0]!.name).toBe("units");
    expect(result.data.sheets[0]!.rows.slice(0, 2)).toEqual([
      ["单位编码", "单位名称"],
      ["001234", "网信办,本级"],
    ]);
  });

  it("reads Excel's Chinese CSV (GB18030) and its Unicode text (UTF-16, tab-separated)", async () => {
    const gbk = new Uint8Array([0xb1, 0xe0, 0xc2, 0xeb, 0x2c, 0xc3, 0xfb, 0xb3, 0xc6, 0x0d, 0x0a]); // 编码,名称
    const fromGbk = await readSpreadsheet(gbk, "codes.csv");
    expect(fromGbk.ok && fromGbk.data.sheets[0]!.rows[0]).toEqual(["编码", "名称"]);

    const text = "科目编码\t科目名称\r\n2013701\t行政运行\r\n";
    const utf16 = new Uint8Array([0xff, 0xfe, ...new Uint8Array(Buffer.from(text, "utf16le"))]);
    const fromUtf16 = await readSpreadsheet(utf16, "codes.txt");
    expect(fromUtf16.ok && fromUtf16.data.sheets[0]!.rows.slice(0, 2)).toEqual([
      ["科目编码", "科目名称"],
      ["2013701", "行政运行"],
    ]);
  });

  it("refuses a formula in a CSV cell and a broken quote, naming the place", async () => {
    expect(messages(await readSpreadsheet(utf8("a,b\r\n1,=SUM(A1:A2)\r\n"), "x.csv"))[0]).toContain("工作表“x”第 2 行 B 列（B2）是公式");
    expect(messages(await readSpreadsheet(utf8('a,b\r\n1,"open\r\n'), "x.csv"))[0]).toContain("CSV 格式有误");
  });
});
