import { describe, expect, it } from "vitest";
import { guantao2024Budget, guantao2024CodeBook } from "@/lib/demo/guantao-2024";
import { parseAmount } from "@/lib/disclosure/money";
import { exportCsv, exportTablesLongCsv } from "./csv";
import { demoContent } from "./test-content";

const decoder = new TextDecoder("utf-8", { fatal: true });

/** The text after the BOM; `fatal` makes any invalid UTF-8 throw. */
function decode(buffer: Buffer): string {
  expect([...buffer.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return decoder.decode(buffer.subarray(3));
}

/**
 * A minimal RFC 4180 reader for the tests: fields, quoted fields with doubled quotes, CRLF
 * records. It returns each field's text and whether it was quoted.
 */
function parseCsv(text: string): { value: string; isQuoted: boolean }[][] {
  const records: { value: string; isQuoted: boolean }[][] = [];
  let record: { value: string; isQuoted: boolean }[] = [];
  let i = 0;
  while (i < text.length) {
    let value = "";
    let isQuoted = false;
    if (text[i] === '"') {
      isQuoted = true;
      i += 1;
      for (;;) {
        if (text[i] === '"' && text[i + 1] === '"') {
          value += '"';
          i += 2;
        } else if (text[i] === '"') {
          i += 1;
          break;
        } else if (i >= text.length) {
          throw new Error("unterminated quoted field");
        } else {
          value += text[i];
          i += 1;
        }
      }
    } else {
      while (i < text.length && text[i] !== "," && text[i] !== "\r") {
        value += text[i];
        i += 1;
      }
    }
    record.push({ value, isQuoted });
    if (text[i] === ",") {
      i += 1;
    } else if (text.startsWith("\r\n", i)) {
      records.push(record);
      record = [];
      i += 2;
    } else {
      throw new Error(`unexpected character at ${i}: ${JSON.stringify(text[i])}`);
    }
  }
  return records;
}

const values = (record: { value: string }[] | undefined) => record?.map((f) => f.value);

describe("exportCsv", () => {
  const csv = exportCsv(demoContent());
  const text = decode(csv);
  const records = parseCsv(text);

  it("is UTF-8 with a BOM and CRLF line ends only", () => {
    expect(text).toContain("中共馆陶县委网络安全和信息化委员会办公室本级");
    expect(text.endsWith("\r\n")).toBe(true);
    expect(text.replaceAll("\r\n", "")).not.toMatch(/[\r\n]/);
  });

  it("prints the nine tables in order, each with its title and header line, a blank line between them", () => {
    const titles = records.filter((r) => r.length === 1 && /^表\d /.test(r[0]?.value ?? "")).map((r) => r[0]?.value);
    expect(titles).toEqual([
      "表1 单位预算收支总表",
      "表2 单位预算收入总表",
      "表3 单位预算支出总表",
      "表4 单位预算财政拨款收支总表",
      "表5 单位预算一般公共预算财政拨款支出表",
      "表6 单位预算一般公共预算财政拨款基本支出表",
      "表7 单位预算政府性基金预算财政拨款支出表",
      "表8 单位预算国有资本经营预算财政拨款支出表",
      "表9 单位预算财政拨款“三公”经费支出表",
    ]);
    expect(text).toContain('\r\n\r\n"表3 单位预算支出总表"\r\n"序号","科目编码","科目名称","合计","基本支出","项目支出","经营支出","上解上级支出","对附属单位补助支出"\r\n');
    expect(values(records[0])).toEqual(["224001中共馆陶县委网络安全和信息化委员会办公室本级", "预算年度：2024", "单位：万元", "第1版"]);
  });

  it("prints amounts exactly as the document, unquoted, with text quoted and zero amounts blank", () => {
    expect(text).toContain('34,"收入总计",116.76,"支出总计",116.76\r\n');
    expect(text).toContain('1,,"合计",116.76,73.32,43.44,,,\r\n');
    expect(text).toContain('4,"2013701","行政运行",101.43,57.99,43.44,,,\r\n');
    expect(text).toContain('10,"30113","住房公积金",5.63,5.63,\r\n');
    const t3Total = records.find((r) => r[2]?.value === "合计" && r.length === 9);
    expect(t3Total?.map((f) => f.isQuoted)).toEqual([false, false, true, false, false, false, false, false, false]);
  });

  it("puts the empty-table note where an empty table's rows would be", () => {
    expect(text).toContain('"表8 单位预算国有资本经营预算财政拨款支出表"\r\n"序号","科目编码","科目名称","合计","基本支出","项目支出"\r\n"注：无国有资本经营预算财政拨款预算，空表列示。"\r\n');
  });

  it("quotes commas, quotes and line breaks, and defuses text that a spreadsheet would run as a formula", () => {
    const codeBook = structuredClone(guantao2024CodeBook);
    const entry = codeBook.functional.find((c) => c.code === "2013701");
    if (entry === undefined) throw new Error("demo code book lacks 2013701");
    entry.name = '行政运行,含"网信"\n事务';
    const economic = codeBook.economic.find((c) => c.code === "30113");
    if (economic === undefined) throw new Error("demo code book lacks 30113");
    economic.name = "=HYPERLINK(\"http://example.test\")";
    const tricky = decode(exportCsv(demoContent(guantao2024Budget, codeBook)));
    expect(tricky).toContain('4,"2013701","行政运行,含""网信""\n事务",101.43,57.99,43.44,,,\r\n');
    expect(tricky).toContain('10,"30113","\'=HYPERLINK(""http://example.test"")",5.63,5.63,\r\n');
    const row = parseCsv(tricky).find((r) => r[1]?.value === "2013701" && r.length === 9);
    expect(values(row)).toEqual(["4", "2013701", '行政运行,含"网信"\n事务', "101.43", "57.99", "43.44", "", "", ""]);
  });
});

describe("exportTablesLongCsv", () => {
  const records = parseCsv(decode(exportTablesLongCsv(demoContent())));

  it("has one header line and one line per amount cell", () => {
    expect(values(records[0])).toEqual(["表号", "表名", "序号", "科目编码", "科目名称", "栏目", "金额（万元）"]);
    for (const record of records) expect(record).toHaveLength(7);
  });

  it("names each amount by its table, row code and name, and column", () => {
    expect(values(records.find((r) => r[0]?.value === "3" && r[3]?.value === "2013701" && r[5]?.value === "基本支出"))).toEqual([
      "3",
      "单位预算支出总表",
      "4",
      "2013701",
      "行政运行",
      "基本支出",
      "57.99",
    ]);
    const t1Total = records.filter((r) => r[0]?.value === "1" && r[2]?.value === "34").map(values);
    expect(t1Total).toEqual([
      ["1", "单位预算收支总表", "34", "", "收入总计", "收入预算数", "116.76"],
      ["1", "单位预算收支总表", "34", "", "支出总计", "支出预算数", "116.76"],
    ]);
    expect(records.find((r) => r[4]?.value === "二、外交支出")?.[6]?.value).toBe("0.00");
    expect(records.some((r) => r[0]?.value === "8" || r[0]?.value === "9")).toBe(false);
  });

  it("sums, per column, to the tables' totals (exactly, in 分)", () => {
    const fen = (value: string): number => {
      const parsed = parseAmount(value, "WAN_YUAN");
      if (!parsed.ok) throw new Error(parsed.message);
      return parsed.fen;
    };
    const t3Items = records.filter((r) => r[0]?.value === "3" && r[3]?.value.length === 7 && r[5]?.value === "合计");
    expect(t3Items.reduce((n, r) => n + fen(r[6]?.value ?? "0"), 0)).toBe(116_760_000);
  });
});
