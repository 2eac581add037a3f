import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "@/lib/app-error";
import type { Viewer } from "@/lib/auth/policies";
import { dumpBudget, createViewer } from "@/lib/budgets/test-support";
import { loadBudget } from "@/lib/budgets/queries";
import { saveCodeBook } from "@/lib/budgets/save-code-book";
import { disconnectPrisma } from "@/lib/db";
import { guantao2024CodeBook } from "@/lib/demo/guantao-2024";
import { buildBudgetFor, buildEmptyBudgetFor, createBudget, createUnit, type CreatedUnit } from "@/lib/demo/factories";
import { MAX_IMPORT_BYTES } from "@/lib/import/import-document";
import { DRAWING_PAGE, makeDocx, makePdf, textPage } from "@/tests/import/make-files";
import { prisma, resetDatabase } from "@/tests/integration/db";
import { importPriorYearDocument } from "./import-prior-year-document";
import { previewPriorYearDocument } from "./preview-prior-year-document";

const PDF = path.resolve(__dirname, "../../tests/fixtures/disclosures/pdf");
const pdf = (name: string) => ({ name, bytes: new Uint8Array(readFileSync(path.join(PDF, name))) });
const WELFARE_2024 = "sh-putuo-shehuifuliyuan-2024-unit-budget.pdf";
const WELFARE = "上海市普陀区社会福利院";

let welfare: CreatedUnit;
let accountant: Viewer;
const key = () => ({ unitCode: welfare.unit.code, year: 2025 });

beforeAll(async () => {
  await resetDatabase();
  await saveCodeBook(prisma, { ...guantao2024CodeBook, year: 2025 });
  welfare = await createUnit(prisma, { unitName: WELFARE });
  // a 2025 draft with the demo content: its own duties, organisation and glossary to be replaced or kept
  await createBudget(prisma, { budget: { ...buildBudgetFor(welfare), year: 2025, priorYear: null } });
  accountant = await createViewer(prisma, [{ role: "ACCOUNTANT", unitId: welfare.unitId }]);
}, 60_000);
afterAll(disconnectPrisma);

async function refusal(run: Promise<unknown>): Promise<AppError> {
  const error = await run.then(
    () => new Error("accepted"),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("starting a year from last year's published document", () => {
  it("previews the figures beside their printed source and names what it could not read, writing nothing", async () => {
    const before = await dumpBudget(prisma, key());
    const audits = await prisma.auditEvent.count();
    const view = await previewPriorYearDocument(prisma, accountant, { ...key(), files: [pdf(WELFARE_2024)] });
    expect(view.document).toMatchObject({ unitName: WELFARE, year: 2024, scopeLabel: "单位预算" });
    // printed in 元, kept in the 万元 draft to its two decimals
    expect(view.figures.map((f) => [f.key, f.readYuan, f.amount, f.rounded])).toEqual([
      ["total", "12,121,164.00元", "1,212.12万元", true],
      ["basic", "9,501,164.00元", "950.12万元", true],
      ["project", "2,620,000.00元", "262.00万元", false],
      ["threePublic", "64,000.00元", "6.40万元", false],
    ]);
    // the total as printed, with its page, table, row and column
    expect(view.figures[0]?.source).toEqual({ page: 7, table: "2024年预算单位财务收支预算总表", row: 8, column: "本年支出", printed: "收入总计支出总计　12,121,164" });
    // 三公 is the sum of several printed figures: no single source
    expect(view.figures[3]?.source).toBeNull();
    expect(view.figures[3]?.read).toBe(true);
    expect(view.sections.find((s) => s.key === "organisation")?.paragraphs).toEqual(["上海市普陀区社会福利院设5个内设机构，包括：院长室、办公室、财务室、后勤部、护理部。"]);
    expect(view.sections.find((s) => s.key === "glossary")?.paragraphs[0]).toMatch(/^基本支出预算：/);
    expect(view.lockVersion).toBe(before.meta?.lockVersion);
    expect(await dumpBudget(prisma, key())).toEqual(before);
    expect(await prisma.auditEvent.count()).toBe(audits);
  }, 60_000);

  it("writes the prior year and the accepted sections in one change set, audited with the client address", async () => {
    const before = await loadBudget(prisma, key());
    if (!before) throw new Error("no draft");
    const result = await importPriorYearDocument(prisma, accountant, {
      ...key(),
      files: [pdf(WELFARE_2024)],
      baseLockVersion: before.meta.lockVersion,
      accept: ["duties", "glossary"],
      clientAddress: "10.1.2.3",
    });
    expect(result.lockVersion).toBe(before.meta.lockVersion + 1);
    const after = await loadBudget(prisma, key());
    expect(after?.budget.priorYear).toEqual({ year: 2024, total: 1_212_120_000, basic: 950_120_000, project: 262_000_000, threePublic: 6_400_000 });
    expect(after?.budget.unit.duties[0]).toBe("上海市普陀区社会福利院是收养社会孤老、退休孤老、寄养有家老人的事业单位。");
    expect(after?.budget.glossary.map((g) => g.term)).toEqual(["基本支出预算", "项目支出预算", "“三公”经费", "机关运行经费"]);
    // not accepted: the draft's own text stays
    expect(after?.budget.unit.organisation).toBe(before.budget.unit.organisation);
    // figures the document does not carry stay as entered
    expect(after?.budget.expenditure).toEqual(before.budget.expenditure);
    const changes = await prisma.budgetChange.findMany({ where: { budgetId: before.meta.id }, select: { path: true, newValue: true } });
    expect(changes).toEqual(expect.arrayContaining([{ path: "priorYear.total", newValue: 1_212_120_000 }]));
    expect(changes.some((c) => c.path.startsWith("unit.organisation"))).toBe(false);
    expect(result.changedFields).toBe(changes.length);
    const audit = await prisma.auditEvent.findFirst({ where: { action: "budget.import-prior-year" }, orderBy: { id: "desc" } });
    expect(audit).toMatchObject({ result: "SUCCESS", clientAddress: "10.1.2.3", objectId: String(before.meta.id) });
  }, 60_000);

  it("refuses a stale lockVersion, another unit's accountant, and a document of another year, unit or a 决算, writing nothing but the audit row", async () => {
    const before = await dumpBudget(prisma, key());
    const auditsBefore = await prisma.auditEvent.count();
    const lock = before.meta?.lockVersion ?? -1;
    const base = { ...key(), files: [pdf(WELFARE_2024)], accept: ["duties" as const], clientAddress: "10.9.9.9" };
    expect(await refusal(importPriorYearDocument(prisma, accountant, { ...base, baseLockVersion: lock + 5 }))).toMatchObject({ code: "CONFLICT" });

    const other = await createUnit(prisma, { unitName: "上海市普陀区财政局" });
    const otherAccountant = await createViewer(prisma, [{ role: "ACCOUNTANT", unitId: other.unitId }]);
    expect(await refusal(importPriorYearDocument(prisma, otherAccountant, { ...base, baseLockVersion: lock }))).toMatchObject({ code: "NOT_FOUND" });

    // the other unit starting 2025 from the welfare home's document
    await createBudget(prisma, { budget: buildEmptyBudgetFor(other, 2025) });
    const wrongUnit = await refusal(previewPriorYearDocument(prisma, otherAccountant, { unitCode: other.unit.code, year: 2025, files: [pdf(WELFARE_2024)] }));
    expect(wrongUnit.message).toBe("该文件是“上海市普陀区社会福利院”的预算公开文件，不是本单位（上海市普陀区财政局）的；只能导入本单位上年的预算公开文件。");

    // the welfare home starting 2026 from its 2024 document
    await createBudget(prisma, { budget: buildEmptyBudgetFor(welfare, 2026) });
    const wrongYear = await refusal(previewPriorYearDocument(prisma, accountant, { unitCode: welfare.unit.code, year: 2026, files: [pdf(WELFARE_2024)] }));
    expect(wrongYear.message).toBe("这是2024年预算公开文件；开始2026年预算时只能导入上年（2025年）的预算公开文件。");

    const final = await refusal(previewPriorYearDocument(prisma, accountant, { ...key(), files: [pdf("juesuan-sh-putuo-guihua-ziranziyuan-2024-dept-final.pdf")] }));
    expect(final.message).toMatch(/^这是2024年的决算公开文件，不能作为上年预算导入/);

    expect(await dumpBudget(prisma, key())).toEqual(before);
    const refusals = await prisma.auditEvent.findMany({ where: { id: { gt: auditsBefore }, action: { startsWith: "budget.import-prior-year" }, result: { not: "SUCCESS" } }, select: { result: true, clientAddress: true }, orderBy: { id: "asc" } });
    expect(refusals.length).toBe(5);
    expect(refusals.filter((r) => r.clientAddress === "10.9.9.9").map((r) => r.result)).toEqual(["FAILURE", "DENIED"]);
  }, 90_000);

  it("bad files get a clear Chinese message and change nothing", async () => {
    const before = await dumpBudget(prisma, key());
    const real = readFileSync(path.join(PDF, WELFARE_2024));
    const tracked = `<w:p><w:ins w:id="1" w:author="会计" w:date="2024-01-01T00:00:00Z"><w:r><w:t>新增1000万元</w:t></w:r></w:ins></w:p>`;
    const cases: [string, { name: string; bytes: Uint8Array }, RegExp][] = [
      ["encrypted", { name: "a.pdf", bytes: makePdf([textPage("secret")], { encrypted: true }) }, /加密/],
      ["scanned", { name: "b.pdf", bytes: makePdf([DRAWING_PAGE, DRAWING_PAGE]) }, /扫描件/],
      ["not a budget", { name: "c.pdf", bytes: makePdf([textPage("Minutes of the annual meeting")]) }, /不是预算或决算公开文件/],
      ["truncated", { name: "d.pdf", bytes: new Uint8Array(real.subarray(0, Math.floor(real.length / 2))) }, /[\u4e00-\u9fff]/],
      ["too large", { name: "e.pdf", bytes: new Uint8Array(MAX_IMPORT_BYTES + 1) }, /超过10 MB的上限/],
      ["tracked changes", { name: "f.docx", bytes: await makeDocx(["2024年部门预算"], tracked) }, /修订/],
    ];
    for (const [what, file, message] of cases) {
      const error = await refusal(importPriorYearDocument(prisma, accountant, { ...key(), files: [file], baseLockVersion: before.meta?.lockVersion ?? 0, accept: [] }));
      expect(error.code, what).toBe("INVALID_INPUT");
      expect(error.message, what).toMatch(message);
      expect(error.message, what).not.toMatch(/Error|undefined|at \w+ \(/);
    }
    expect(await dumpBudget(prisma, key())).toEqual(before);
  }, 60_000);
});
