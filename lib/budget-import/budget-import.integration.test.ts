import { afterAll, beforeEach, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/auth/policies";
import { disconnectPrisma } from "@/lib/db";
import { createBudget, createUnit } from "@/lib/demo/factories";
import { guantao2024Budget, guantao2024CodeBook } from "@/lib/demo/guantao-2024";
import type { Budget } from "@/lib/disclosure/types";
import { loadBudget } from "@/lib/budgets/queries";
import { saveCodeBook } from "@/lib/budgets/save-code-book";
import { createViewer, dumpBudget, unitScope } from "@/lib/budgets/test-support";
import { disclosureWorkbook, lineExportWorkbook, referenceLines } from "@/tests/fixtures/excel/reference-workbooks";
import { writeWorkbook, type SheetSpec } from "@/tests/fixtures/excel/sheet-spec";
import { prisma, resetDatabase } from "@/tests/integration/db";
import { importBudgetWorkbook } from "./import-budget-workbook";
import { previewBudgetWorkbook } from "./preview-budget-workbook";
import { saveHeaderMapping } from "./save-header-mapping";

const key = { unitCode: "224001", year: 2024 };
let accountant: Viewer;

beforeEach(async () => {
  await resetDatabase();
  await saveCodeBook(prisma, guantao2024CodeBook);
  await createBudget(prisma, { status: "DRAFT" });
  const scope = await unitScope(prisma, key.unitCode);
  accountant = await createViewer(prisma, [{ role: "ACCOUNTANT", unitId: scope.unitId }]);
});
afterAll(disconnectPrisma);

/** The reference budget with 基本工资 10,000 元 higher (and the totals that follow). */
function raisedSalaries(): Budget {
  const raise = 1_000_000;
  return {
    ...guantao2024Budget,
    income: guantao2024Budget.income.map((l) => ({ ...l, amount: l.amount + raise })),
    expenditure: guantao2024Budget.expenditure.map((l) => (l.functionalCode === "2013701" && l.kind === "BASIC" ? { ...l, amount: l.amount + raise } : l)),
    basicEconomic: guantao2024Budget.basicEconomic.map((l) => (l.economicCode === "30101" ? { ...l, amount: l.amount + raise } : l)),
  };
}

async function file(sheets: SheetSpec[]) {
  return { fileName: "预算.xlsx", bytes: await writeWorkbook(sheets) };
}

describe("importing a workbook into the unit's draft", () => {
  it("previews without writing anything", async () => {
    const before = await dumpBudget(prisma, key);
    const result = await previewBudgetWorkbook(prisma, accountant, { ...key, ...(await file(lineExportWorkbook(raisedSalaries(), guantao2024CodeBook, referenceLines(raisedSalaries()), "a"))) });
    expect(result).toMatchObject({ ok: true, lockVersion: 0, preview: { canSave: true } });
    expect(await dumpBudget(prisma, key)).toEqual(before);
    expect(await prisma.auditEvent.count()).toBe(0);
  });

  it("saves through the forms' use case: one change set, old → new per changed field, one audit event", async () => {
    const upload = await file(lineExportWorkbook(raisedSalaries(), guantao2024CodeBook, referenceLines(raisedSalaries()), "a"));
    const result = await importBudgetWorkbook(prisma, accountant, { ...key, ...upload, baseLockVersion: 0, clientAddress: "10.0.0.8" });
    expect(result).toMatchObject({ ok: true, data: { lockVersion: 1, changedFields: 3 } });
    const changes = await prisma.budgetChange.findMany({ orderBy: { id: "asc" } });
    expect(changes.map((c) => [c.path, c.oldValue, c.newValue])).toEqual([
      ["income.0.amount", 116_760_000, 117_760_000],
      ["expenditure.0.amount", 57_990_000, 58_990_000],
      ["basicEconomic.0.amount", 27_400_000, 28_400_000],
    ]);
    expect(await prisma.auditEvent.findMany({ select: { action: true, result: true, clientAddress: true } })).toEqual([
      { action: "budget.save", result: "SUCCESS", clientAddress: "10.0.0.8" },
    ]);
    // what the workbook does not carry stays as the draft had it
    const loaded = await loadBudget(prisma, key);
    expect(loaded?.budget.narrative).toEqual(guantao2024Budget.narrative);
    expect(loaded?.budget.projects.map((p) => p.priorYearAmount)).toEqual(guantao2024Budget.projects.map((p) => p.priorYearAmount));
  });

  it("refuses a stale lockVersion and writes nothing", async () => {
    const before = await dumpBudget(prisma, key);
    const upload = await file(disclosureWorkbook(raisedSalaries(), guantao2024CodeBook, "a"));
    await expect(importBudgetWorkbook(prisma, accountant, { ...key, ...upload, baseLockVersion: 7 })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await dumpBudget(prisma, key)).toEqual(before);
  });

  it("refuses another unit's accountant, audited, and writes nothing", async () => {
    const before = await dumpBudget(prisma, key);
    const other = await createViewer(prisma, [{ role: "ACCOUNTANT", unitId: (await createUnit(prisma)).unitId }]);
    const upload = await file(disclosureWorkbook(guantao2024Budget, guantao2024CodeBook, "a"));
    await expect(importBudgetWorkbook(prisma, other, { ...key, ...upload, baseLockVersion: 0 })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await dumpBudget(prisma, key)).toEqual(before);
    expect(await prisma.auditEvent.findMany({ select: { action: true, result: true } })).toEqual([{ action: "budget.import.preview", result: "DENIED" }]);
  });

  it("refuses a workbook of another unit, naming it, and writes nothing", async () => {
    const before = await dumpBudget(prisma, key);
    const stranger = { ...guantao2024Budget, unit: { ...guantao2024Budget.unit, code: "224002", name: "馆陶县其他单位" } };
    const upload = await file(lineExportWorkbook(stranger, guantao2024CodeBook, referenceLines(stranger), "a"));
    const result = await importBudgetWorkbook(prisma, accountant, { ...key, ...upload, baseLockVersion: 0 });
    expect(result).toEqual({ ok: false, problems: [expect.objectContaining({ message: "该工作簿是单位“224002 馆陶县其他单位”的预算，不是本单位（224001）的，不能导入" })] });
    expect(await dumpBudget(prisma, key)).toEqual(before);
  });

  it("learns a header mapping for the region: the next workbook of the region needs none", async () => {
    const sheets = disclosureWorkbook(guantao2024Budget, guantao2024CodeBook, "a");
    const t6 = sheets.find((s) => s.name === "2.20单位一般公共预算基本支出表");
    const header = t6?.rows.find((r) => r.includes("公用经费"));
    if (!header) throw new Error("no header");
    header[header.indexOf("公用经费")] = "商品服务经费";
    const upload = await file(sheets);
    const first = await previewBudgetWorkbook(prisma, accountant, { ...key, ...upload });
    expect(first.ok && first.preview.imported.unknownHeaders.map((h) => h.header)).toEqual(["商品服务经费"]);
    expect(first.ok && first.preview.canSave).toBe(false);

    await saveHeaderMapping(prisma, accountant, { unitCode: "224001", sheetKind: "T6", header: "商品服务经费", field: "public" }, "10.0.0.8");
    const second = await previewBudgetWorkbook(prisma, accountant, { ...key, ...upload });
    expect(second).toMatchObject({ ok: true, preview: { canSave: true, imported: { unknownHeaders: [], problems: [] } } });
    expect(await prisma.auditEvent.findMany({ select: { action: true, result: true } })).toEqual([{ action: "import.mapping.save", result: "SUCCESS" }]);
  });

  it("refuses a mapping by someone who is neither the unit's accountant nor the region's administrator", async () => {
    const other = await createViewer(prisma, [{ role: "ACCOUNTANT", unitId: (await createUnit(prisma)).unitId }]);
    await expect(saveHeaderMapping(prisma, other, { unitCode: "224001", sheetKind: "T6", header: "商品服务经费", field: "public" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await prisma.importHeaderMapping.count()).toBe(0);
  });
});
