import { afterAll, beforeEach, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/auth/policies";
import { loadBudget, loadCodeBook } from "@/lib/budgets/queries";
import { saveCodeBook } from "@/lib/budgets/save-code-book";
import { createViewer } from "@/lib/budgets/test-support";
import { disconnectPrisma } from "@/lib/db";
import { createBudget } from "@/lib/demo/factories";
import { guantao2024CodeBook } from "@/lib/demo/guantao-2024";
import { prisma, resetDatabase } from "@/tests/integration/db";
import { importCodeBook } from "./import-code-book";
import { previewCodeBookImport } from "./preview-code-book-import";
import { starterCodeBook } from "./starter-code-book";
import { codeBookCsv, codeBookTables, workbookBytes } from "./test-support";

let admin: Viewer;

beforeEach(async () => {
  await resetDatabase();
  await saveCodeBook(prisma, guantao2024CodeBook);
  admin = await createViewer(prisma, [{ role: "ADMIN" }]);
});
afterAll(disconnectPrisma);

/** The 2025 book: the starter book plus a code the starter book lacks, one renamed and one dropped 2024 code. */
function book2025() {
  const starter = starterCodeBook(2025);
  return {
    functional: [
      ...starter.functional.filter((c) => c.code !== "2013750").map((c) => (c.code === "2013702" ? { ...c, name: "一般行政管理事务（修订）" } : c)),
      { scheme: "FUNCTIONAL" as const, code: "2013704", name: "网络安全应急处置", level: 3 as const, parentCode: "20137" },
    ],
    economic: starter.economic,
  };
}

async function previewOk(bytes: Uint8Array, fileName = "2025年科目.csv", year = 2025) {
  const preview = await previewCodeBookImport(prisma, admin, { year, fileName, bytes, clientAddress: "192.0.2.9" });
  if (!preview.ok) throw new Error(preview.problems.map((p) => p.message).join("\n"));
  return preview.plan;
}

describe("loading a year's code book", () => {
  it("previews without writing, shows the diff against last year's book, then loads it as revision 1 with one audit row", async () => {
    const before = await codeBookTables(prisma);
    const plan = await previewOk(codeBookCsv(book2025()));

    expect(await codeBookTables(prisma)).toEqual(before);
    expect(plan).toMatchObject({ year: 2025, nextRevision: 1, baseline: { year: 2024, revision: 1 }, carriedSchemes: [] });
    expect(plan.diff.added.map((c) => c.code)).toContain("2013704");
    expect(plan.diff.removed.map((c) => c.code)).toEqual(["2013750"]);
    expect(plan.diff.renamed).toEqual([{ scheme: "FUNCTIONAL", code: "2013702", level: 3, oldName: "一般行政管理事务", newName: "一般行政管理事务（修订）" }]);

    const loaded = await importCodeBook(prisma, admin, { ...plan, effectiveOn: "2025-01-01", note: "财预〔2024〕1号", expectedRevision: plan.nextRevision, clientAddress: "192.0.2.9" });

    expect(loaded).toMatchObject({ year: 2025, revision: 1, functionalCount: plan.functional.length, economicCount: plan.economic.length });
    const stored = await loadCodeBook(prisma, 2025);
    expect(stored.functional).toEqual(plan.functional);
    expect(stored.economic).toEqual(plan.economic);
    expect(stored.functional.find((c) => c.code === "2013704")).toEqual({ scheme: "FUNCTIONAL", code: "2013704", name: "网络安全应急处置", level: 3, parentCode: "20137" });
    const audit = await prisma.auditEvent.findMany({ where: { action: "code_book.import" } });
    expect(audit).toEqual([
      expect.objectContaining({ result: "SUCCESS", userId: admin.userId, clientAddress: "192.0.2.9", objectId: String(loaded.revisionId), details: expect.objectContaining({ year: 2025, revision: 1 }) }),
    ]);
    // the 2024 book is untouched
    expect(await loadCodeBook(prisma, 2024)).toEqual(guantao2024CodeBook);
  });

  it("an amendment is revision 2 compared with revision 1, and a budget entered under revision 1 keeps it", async () => {
    const first = await previewOk(codeBookCsv(guantao2024CodeBook), "2024修订.csv", 2024);
    expect(first).toMatchObject({ nextRevision: 2, baseline: { year: 2024, revision: 1 } });
    expect(first.diff).toMatchObject({ added: [], removed: [], renamed: [] });

    const saved = await createBudget(prisma, { status: "SUBMITTED" });
    const amended = {
      functional: guantao2024CodeBook.functional.map((c) => (c.code === "2013701" ? { ...c, name: "行政运行（2024修订）" } : c)),
      economic: guantao2024CodeBook.economic,
    };
    const plan = await previewOk(codeBookCsv(amended), "2024修订.csv", 2024);
    expect(plan.diff.renamed.map((c) => c.code)).toEqual(["2013701"]);
    await importCodeBook(prisma, admin, { ...plan, effectiveOn: "2024-06-01", note: "修订通知", expectedRevision: 2 });

    const budget = await loadBudget(prisma, { unitCode: "224001", year: 2024 });
    expect(budget?.meta.id).toBe(saved.id);
    expect(budget?.codeBook.functional.find((c) => c.code === "2013701")?.name).toBe("行政运行");
    expect((await loadCodeBook(prisma, 2024)).functional.find((c) => c.code === "2013701")?.name).toBe("行政运行（2024修订）");
    const revisions = await prisma.codeBookRevision.findMany({ where: { year: 2024 }, orderBy: { revision: "asc" } });
    expect(revisions.map((r) => [r.revision, r.effectiveOn.toISOString().slice(0, 10), r.note])).toEqual([
      [1, "2024-01-01", "初始科目表"],
      [2, "2024-06-01", "修订通知"],
    ]);
  });

  it("refuses a load whose preview is stale (another revision came in between), writing nothing", async () => {
    const plan = await previewOk(codeBookCsv(book2025()));
    await importCodeBook(prisma, admin, { ...plan, effectiveOn: "2025-01-01", note: "", expectedRevision: 1 });
    const before = await codeBookTables(prisma);
    await expect(importCodeBook(prisma, admin, { ...plan, effectiveOn: "2025-01-01", note: "", expectedRevision: 1 })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("请重新预览后再导入"),
    });
    expect(await codeBookTables(prisma)).toEqual(before);
  });

  it("refuses a tampered book at load time (a 项 without its 款), writing nothing", async () => {
    const plan = await previewOk(codeBookCsv(book2025()));
    const before = await codeBookTables(prisma);
    const functional = plan.functional.filter((c) => c.code !== "20137");
    await expect(importCodeBook(prisma, admin, { ...plan, functional, effectiveOn: "2025-01-01", note: "", expectedRevision: 1 })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      message: expect.stringContaining("项 2013701 的上级 20137 不在支出功能分类科目中"),
    });
    expect(await codeBookTables(prisma)).toEqual(before);
  });

  it("carries the economic book from the baseline when the file has only functional codes, and reads .xlsx with the code and name in one cell", async () => {
    const bytes = await workbookBytes((workbook) => {
      const sheet = workbook.addWorksheet("2025年支出功能分类科目");
      sheet.addRow(["2025年政府收支分类科目（支出功能分类）"]);
      sheet.addRow(["科目"]);
      for (const c of guantao2024CodeBook.functional) sheet.addRow([`${c.code} ${c.name}`]);
    });
    const plan = await previewOk(bytes, "功能分类.xlsx");
    expect(plan.carriedSchemes).toEqual(["ECONOMIC"]);
    expect(plan.functional).toEqual(guantao2024CodeBook.functional);
    expect(plan.economic).toEqual(guantao2024CodeBook.economic);
  });
});

describe("bad code book files: a Chinese message naming the place, and nothing written", () => {
  const csv = (text: string) => new TextEncoder().encode(text);
  const cases: [string, () => Promise<Uint8Array> | Uint8Array, string, RegExp][] = [
    ["wrong columns", () => csv("单位编码,单位名称\r\n224001,网信办\r\n"), "units.csv", /需要“科目编码”和“科目名称”两列/],
    ["no name column", () => csv("科目编码,备注\r\n201,\r\n"), "codes.csv", /^工作表“.*”第 1 行：缺少“科目名称”列/],
    ["a duplicate code", () => codeBookCsv(guantao2024CodeBook, ["2013701,行政运行"]), "dup.csv", /第 \d+ 行：科目编码 2013701 重复，工作表“.*”第 \d+ 行已有（行政运行）/],
    ["a 项 without its 款", () => codeBookCsv(guantao2024CodeBook, ["2059901,没有款的项"]), "orphan.csv", /第 \d+ 行：项 2059901 没有款的项 的上级款 20599 不在支出功能分类科目中/],
    ["an empty name", () => codeBookCsv(guantao2024CodeBook, ["2013799,"]), "empty.csv", /第 \d+ 行 B 列：科目 2013799 的名称为空/],
    ["a 20 MB file", () => new Uint8Array(20 * 1024 * 1024), "big.xlsx", /超过上限 10 MB/],
    ["a file that is not a spreadsheet", () => csv("%PDF-1.7\n1 0 obj\n"), "book.xlsx", /.+/],
    [
      "a formula",
      () =>
        workbookBytes((workbook) => {
          const sheet = workbook.addWorksheet("科目");
          sheet.addRow(["科目编码", "科目名称"]);
          sheet.addRow(["201", { formula: "\"一般\"&\"公共服务支出\"", result: "一般公共服务支出" }]);
        }),
      "formula.xlsx",
      /工作表“科目”第 2 行 B 列（B2）是公式/,
    ],
    [
      "merged code cells",
      () =>
        workbookBytes((workbook) => {
          const sheet = workbook.addWorksheet("科目");
          sheet.addRow(["科目编码", "科目名称"]);
          sheet.addRow(["201", "一般公共服务支出"]);
          sheet.addRow(["", ""]);
          sheet.mergeCells("B2:B3");
        }),
      "merged.xlsx",
      /工作表“科目”第 2 行 B 列：科目编码或名称所在的单元格是合并单元格/,
    ],
    [
      "a hidden sheet of codes",
      () =>
        workbookBytes((workbook) => {
          const visible = workbook.addWorksheet("功能分类");
          visible.addRow(["科目编码", "科目名称"]);
          for (const c of guantao2024CodeBook.functional) visible.addRow([c.code, c.name]);
          const hidden = workbook.addWorksheet("经济分类");
          hidden.state = "hidden";
          hidden.addRow(["科目编码", "科目名称"]);
          hidden.addRow(["301", "工资福利支出"]);
        }),
      "hidden.xlsx",
      /工作表“经济分类”是隐藏的工作表/,
    ],
  ];

  it.each(cases)("%s", async (_name, bytes, fileName, expected) => {
    const before = await codeBookTables(prisma);
    const preview = await previewCodeBookImport(prisma, admin, { year: 2025, fileName, bytes: await bytes() });
    expect(preview.ok).toBe(false);
    const messages = preview.ok ? [] : preview.problems.map((p) => p.message);
    expect(messages.some((message) => expected.test(message))).toBe(true);
    expect(await codeBookTables(prisma)).toEqual(before);
    expect(await prisma.auditEvent.findMany({ where: { action: "code_book.preview" } })).toEqual([
      expect.objectContaining({ result: "FAILURE", details: expect.objectContaining({ problems: messages.length }) }),
    ]);
  });
});
