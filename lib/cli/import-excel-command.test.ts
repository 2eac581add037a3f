import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { guantao2024Budget, guantao2024CodeBook } from "@/lib/demo/guantao-2024";
import { disclosureWorkbook } from "@/tests/fixtures/excel/reference-workbooks";
import { writeWorkbook } from "@/tests/fixtures/excel/sheet-spec";
import type { ExcelImportStore } from "./import-excel-command";
import { runCli, type BudgetSource } from "./run-cli";

const fixture = (name: string) => new Uint8Array(readFileSync(path.resolve(__dirname, "../../tests/fixtures/excel", name)));
const noBudgets: BudgetSource = { findUnit: async () => null, budgetYears: async () => [], loadBudget: async () => null };

function store(files: Record<string, Uint8Array | number>): ExcelImportStore & { save: ReturnType<typeof vi.fn> } {
  return {
    async readFile(p) {
      const content = files[p];
      if (content === undefined) return null;
      return typeof content === "number" ? { size: content, bytes: async () => new Uint8Array(0) } : { size: content.length, bytes: async () => content };
    },
    async loadTarget(unitCode, year) {
      return unitCode === "224001" && year === 2024 ? { budget: guantao2024Budget, codeBook: guantao2024CodeBook, mappings: [], lockVersion: 3 } : null;
    },
    async viewerByEmail(email) {
      return email === "kuaiji@example.cn" ? { userId: "u1", roles: [{ role: "ACCOUNTANT", unitId: 1 }] } : null;
    },
    save: vi.fn(async () => ({ ok: true as const, data: { budgetId: 1, lockVersion: 4, changedFields: 0 } })),
  };
}

async function run(argv: string[], s: ExcelImportStore) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, noBudgets, { out: (t) => out.push(t), err: (t) => err.push(t) }, s);
  return { code, out: out.join("\n"), err: err.join("\n") };
}

describe("gongkai import-excel", () => {
  it("previews the reference workbook without saving, unit and year read from the file", async () => {
    const s = store({ "a.xlsx": fixture("guantao-2024-disclosure-a.xlsx") });
    const { code, out } = await run(["import-excel", "a.xlsx"], s);
    expect(code).toBe(0);
    expect(out).toContain("224001 中共馆陶县委网络安全和信息化委员会办公室本级 2024年 · 预算公开表工作簿 · 工作簿金额单位：万元");
    expect(out).toContain("收入合计 116.76万元，支出合计 116.76万元（基本支出 73.32万元，项目支出 43.44万元），项目 6 个。");
    expect(out).toContain("工作簿：每个单元格都已读取。");
    expect(s.save).not.toHaveBeenCalled();
  });

  it("prints the importers' JSON summary with amounts in 分", async () => {
    const { code, out } = await run(["import-excel", "l.xlsx", "--json"], store({ "l.xlsx": fixture("guantao-2024-lines-b.xlsx") }));
    expect(code).toBe(0);
    const summary = JSON.parse(out) as Record<string, unknown>;
    expect(Object.keys(summary).slice(6)).toEqual(["incomeTotal", "expenditureTotal", "basic", "project", "reserve", "personnel", "publicOperating", "threePublic", "procurement", "classes", "findings"]);
    expect(summary).toMatchObject({
      template: "excel",
      amountUnit: "元",
      incomeTotal: 116_760_000,
      expenditureTotal: 116_760_000,
      basic: 73_320_000,
      project: 43_440_000,
      personnel: 64_370_000,
      publicOperating: 8_950_000,
      threePublic: 0,
      classes: { "201": 101_430_000, "208": 6_450_000, "210": 3_250_000, "221": 5_630_000 },
    });
  });

  it("exits 1 when the sheets disagree, naming both cells, and does not save", async () => {
    const sheets = disclosureWorkbook(guantao2024Budget, guantao2024CodeBook, "a");
    const t1 = sheets[0];
    const row = t1?.rows.find((r) => r[3] === "一、一般公共服务支出");
    if (row) row[4] = 101.44;
    const s = store({ "bad.xlsx": await writeWorkbook(sheets) });
    const { code, out, err } = await run(["import-excel", "bad.xlsx", "--save", "--as", "kuaiji@example.cn"], s);
    expect(code).toBe(1);
    expect(out).toContain("[错误] 工作表“2.15单位收支总表”第 7 行 E 列：表1支出 201类101.44万元与工作表“2.17单位支出总表”D8单元格");
    expect(err).toContain("工作簿有错误，未保存。");
    expect(s.save).not.toHaveBeenCalled();
  });

  it("saves as the named accountant with the lockVersion it previewed", async () => {
    const s = store({ "a.xlsx": fixture("guantao-2024-lines-a.xlsx") });
    const { code, err } = await run(["import-excel", "a.xlsx", "--unit", "224001", "--year", "2024", "--save", "--as", "kuaiji@example.cn"], s);
    expect(code).toBe(0);
    expect(err).toContain("已保存为 224001 2024年预算的草稿");
    expect(s.save).toHaveBeenCalledWith({ userId: "u1", roles: [{ role: "ACCOUNTANT", unitId: 1 }] }, expect.objectContaining({ unitCode: "224001", year: 2024, baseLockVersion: 3 }));
  });

  it("exits 2 for bad input: a 20 MB file, a missing file, --save without --as, a year without a draft", async () => {
    const s = store({ "big.xlsx": 20 * 1024 * 1024, "a.xlsx": fixture("guantao-2024-lines-a.xlsx") });
    expect(await run(["import-excel", "big.xlsx"], s)).toMatchObject({ code: 2, err: "文件大小 20 MB 超过上限 10 MB，请拆分后分别导入。" });
    expect(await run(["import-excel", "none.xlsx"], s)).toMatchObject({ code: 2, err: "找不到文件“none.xlsx”。" });
    expect((await run(["import-excel", "a.xlsx", "--save"], s)).code).toBe(2);
    expect(await run(["import-excel", "a.xlsx", "--year", "2025"], s)).toMatchObject({ code: 2, err: "单位 224001 没有2025年的预算草稿：请先在工作台创建该年度的预算，再导入。" });
  });
});
